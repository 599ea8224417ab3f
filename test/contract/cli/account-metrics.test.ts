import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_SECRETS_FILE } from '../../../src/core/settings/node-secret-store';
import { startHotProspectorSandbox, type HotProspectorSandbox } from '../../../src/sandbox';
import { agentMetricsSchema } from '../../../src/shared/domain';
import { runCli, ownStderr } from '../../helpers/cli';
import { tempDir } from '../../helpers/core';

describe('callside account and metrics against the sandbox', () => {
  let sandbox: HotProspectorSandbox;
  beforeAll(async () => {
    sandbox = await startHotProspectorSandbox({ seed: 3, leads: 50 });
  });
  afterAll(() => sandbox.close());

  const addArgs = (dataDir: string, api: 'v1' | 'v2') => [
    '--data-dir',
    dataDir,
    'account',
    'add',
    '--api',
    api,
    '--uid',
    sandbox.credentials.uid,
    '--base-url',
    api === 'v1' ? sandbox.v1Url : sandbox.v2BaseUrl,
    '--json',
  ];

  it.each(['v1', 'v2'] as const)(
    'adds a %s account with the key from CALLSIDE_API_KEY and shows it without secrets',
    async (api) => {
      const dataDir = tempDir();
      const added = await runCli(addArgs(dataDir, api), { env: { CALLSIDE_API_KEY: sandbox.credentials.apiKey } });
      expect(ownStderr(added)).toBe('');
      expect(added.code).toBe(0);
      const expected = {
        provider: 'hotprospector',
        api,
        uid: sandbox.credentials.uid,
        baseUrl: api === 'v1' ? sandbox.v1Url : sandbox.v2BaseUrl,
        timezone: 'America/Los_Angeles',
      };
      expect(JSON.parse(added.stdout)).toEqual(expected);

      const shown = await runCli(['--data-dir', dataDir, 'account', 'show', '--json']);
      const { capabilities, ...account } = JSON.parse(shown.stdout) as { capabilities: string[] };
      expect(account).toEqual(expected);
      // What Hot Prospector can do, in providers.md's names: the app offers exactly these.
      expect(capabilities).toEqual(expect.arrayContaining(['tags.write', 'metrics.native', 'timeline.rvm']));
      expect(capabilities).not.toContain('notes.write');
      expect(shown.stdout).not.toContain(sandbox.credentials.apiKey);
      // The key lives only in the owner-only secrets file, never in the settings file.
      expect(statSync(join(dataDir, NODE_SECRETS_FILE)).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).not.toContain(sandbox.credentials.apiKey);
    },
  );

  it('reads the key from one line on stdin when CALLSIDE_API_KEY is unset', async () => {
    const dataDir = tempDir();
    const added = await runCli(addArgs(dataDir, 'v1'), { stdin: `${sandbox.credentials.apiKey}\n` });
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout).api).toBe('v1');
  });

  it('refuses a wrong key with an auth error, stores nothing, and never echoes the key', async () => {
    const dataDir = tempDir();
    const added = await runCli(addArgs(dataDir, 'v2'), { env: { CALLSIDE_API_KEY: 'wrong-key-123' } });
    expect(added.code).toBe(1);
    const error = JSON.parse(ownStderr(added));
    expect(error.error.code).toBe('auth');
    expect(added.stderr).not.toContain('wrong-key-123');
    const shown = await runCli(['--data-dir', dataDir, 'account', 'show', '--json']);
    expect(JSON.parse(ownStderr(shown)).error.code).toBe('not_configured');
  });

  it('refuses to run without a key', async () => {
    const added = await runCli(addArgs(tempDir(), 'v1'));
    expect(added.code).toBe(2);
    expect(JSON.parse(ownStderr(added)).error.message).toContain('CALLSIDE_API_KEY');
  });

  it('prints the dashboard with numbers as numbers', async () => {
    const dataDir = tempDir();
    await runCli(addArgs(dataDir, 'v2'), { env: { CALLSIDE_API_KEY: sandbox.credentials.apiKey } });
    const run = await runCli(['--data-dir', dataDir, 'metrics', '--json']);
    expect(ownStderr(run)).toBe('');
    const board = JSON.parse(run.stdout);
    expect(board.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(board.agents.length).toBeGreaterThan(0);
    for (const agent of board.agents) {
      agentMetricsSchema.parse(agent);
      expect(agent.answerRate).toBeGreaterThanOrEqual(0);
      expect(agent.answerRate).toBeLessThanOrEqual(1);
    }
    const dated = await runCli(['--data-dir', dataDir, 'metrics', '--date', board.date, '--json']);
    expect(JSON.parse(dated.stdout).date).toBe(board.date);
  });

  it('says the key is missing, not the account, when another Callside app set the account up', async () => {
    const dataDir = tempDir();
    const added = await runCli(addArgs(dataDir, 'v1'), { env: { CALLSIDE_API_KEY: sandbox.credentials.apiKey } });
    expect(added.code).toBe(0);
    // The desktop app's key is sealed for it alone: to the CLI, the shared account has no key.
    rmSync(join(dataDir, NODE_SECRETS_FILE));
    const run = await runCli(['--data-dir', dataDir, 'metrics', '--json']);
    expect(run.code).toBe(1);
    const { error } = JSON.parse(ownStderr(run)) as { error: { code: string; message: string } };
    expect(error.code).toBe('not_configured');
    expect(error.message).toContain(`The Hot Prospector account as user ${sandbox.credentials.uid} is set up`);
    expect(error.message).toContain('no API key');
  });

  it('says plainly that metrics need an account', async () => {
    const run = await runCli(['--data-dir', tempDir(), 'metrics', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(ownStderr(run)).error.code).toBe('not_configured');
  });
});
