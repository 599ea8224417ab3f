import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/core';
import { ownStderr, runCli } from '../../helpers/cli';

/** Starts `callside serve …` as a person would and returns its printed URL; stop it with the returned function. */
async function serve(args: string[]): Promise<{ url: URL; stop: () => void }> {
  const child = spawn('npm', ['run', '--silent', 'callside', '--', '--data-dir', tempDir(), 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const stop = () => process.kill(-child.pid!, 'SIGTERM');
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    return { url: new URL(line.match(/http:\/\/\S+/)?.[0] ?? ''), stop };
  } catch (error) {
    stop();
    throw error;
  }
}

async function bridge(url: URL, channel: string): Promise<unknown> {
  const answer = await fetch(new URL(`/bridge/${channel}?token=${url.searchParams.get('token')}`, url), {
    method: 'POST',
    body: '{}',
  });
  return answer.json();
}

describe('callside serve --demo --provider', () => {
  it('serves the Demo workspace on the Callingly simulator', async () => {
    const { url, stop } = await serve(['--demo', '--provider', 'callingly']);
    try {
      const overview = (await bridge(url, 'workspace.overview')) as {
        ok: boolean;
        value: { kind: string; account: { provider: string }; provider: { name: string; capabilities: string[] } };
      };
      expect(overview.ok).toBe(true);
      expect(overview.value.kind).toBe('demo');
      expect(overview.value.account.provider).toBe('callingly');
      expect(overview.value.provider.name).toBe('Callingly');
      expect(overview.value.provider.capabilities).toContain('metrics.derived');
      expect(overview.value.provider.capabilities).not.toContain('tags.write');
    } finally {
      stop();
    }
  });

  it('stays on Hot Prospector unless told', async () => {
    const { url, stop } = await serve(['--demo']);
    try {
      expect(await bridge(url, 'workspace.overview')).toMatchObject({
        ok: true,
        value: { account: { provider: 'hotprospector' }, provider: { name: 'Hot Prospector' } },
      });
    } finally {
      stop();
    }
  });

  it('refuses a provider it has no simulator for, and --provider without --demo', async () => {
    const unknown = await runCli(['--data-dir', tempDir(), 'serve', '--demo', '--provider', 'zoho']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stdout).not.toContain('Callside is served at');
    expect(ownStderr(unknown)).toContain(
      '--provider must be one of hotprospector, callingly, hipcall, callhub, not "zoho"',
    );

    const alone = await runCli(['--data-dir', tempDir(), 'serve', '--provider', 'callingly']);
    expect(alone.code).not.toBe(0);
    expect(ownStderr(alone)).toContain('use it with --demo');
  });
});
