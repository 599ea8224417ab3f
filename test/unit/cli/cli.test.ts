import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { tempDir } from '../../helpers/core';

/** The exact form scripts and people use from a checkout. */
function callside(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync('npm', ['run', '--silent', 'callside', '--', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('callside CLI', () => {
  it('prints its version', () => {
    const run = callside(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(`callside ${packageJson.version}`);
  });

  it('doctor --json prints one JSON document about the data dir and Electron', () => {
    const dataDir = tempDir();
    const run = callside(['--data-dir', dataDir, 'doctor', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ok: true, dataDir, dataDirWritable: true });
    expect(typeof report.electron.present).toBe('boolean');
    expect(report.electron.detail.length).toBeGreaterThan(0);
  });

  it('takes the data dir from CALLSIDE_DATA_DIR', () => {
    const dataDir = tempDir();
    const run = callside(['doctor', '--json'], { CALLSIDE_DATA_DIR: dataDir });
    expect(JSON.parse(run.stdout).dataDir).toBe(dataDir);
  });

  it('doctor reports an unwritable data dir and exits non-zero', () => {
    // Root may write anywhere, so "unwritable" is made with a path through a regular file.
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'x');
    const run = callside(['--data-dir', join(blocker, 'data'), 'doctor', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, dataDirWritable: false });
  });

  it('reports an unknown command as one JSON error line on stderr', () => {
    const run = callside(['frobnicate', '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(JSON.parse(run.stderr)).toEqual({
      error: { code: 'usage', message: expect.stringContaining('frobnicate') },
    });
  });

  it('serve prints one line with a loopback URL and token, then serves until stopped', async () => {
    const child = spawn('npm', ['run', '--silent', 'callside', '--', '--data-dir', tempDir(), 'serve', '--demo'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const url = new URL(line.match(/http:\/\/\S+/)?.[0] ?? '');
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.searchParams.get('token')).toMatch(/^[\w-]{32}$/);
      const answer = await fetch(new URL(`/bridge/account.status?token=${url.searchParams.get('token')}`, url), {
        method: 'POST',
        body: '{}',
      });
      expect(await answer.json()).toEqual({ ok: true, value: { mode: 'demo', account: null } });
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  });
});
