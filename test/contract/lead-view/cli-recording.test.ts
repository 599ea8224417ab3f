import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHipcallSandbox, type HipcallSandbox } from '../../../src/sandbox/hipcall/server';
import type { Activity, Lead } from '../../../src/shared/domain';
import { runCli, type CliRun } from '../../helpers/cli';
import { tempDir } from '../../helpers/core';

/**
 * `callside lead ID --json` hands out recording links that play now: a Hipcall account synced
 * from the simulator while its links were signed long ago prints fresh, playing links (and
 * keeps them in the cache); with Hipcall unreachable an expired link prints as null, never stale.
 */
const HOUR = 60 * 60_000;
const ZONE = 'America/New_York';

describe('callside lead --json with expiring recordings', () => {
  let sb: HipcallSandbox;
  const dataDir = tempDir();
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> =>
    runCli(['--data-dir', dataDir, ...args], { env });
  const json = <T>(run: CliRun): T => {
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as T;
  };
  let withRecordings: Lead[] = [];

  beforeAll(async () => {
    sb = await startHipcallSandbox({
      seed: 5,
      calls: 60,
      timezone: ZONE,
      rateLimit: { limit: 1000, windowMs: 60_000 },
    });
    // Links signed two hours ago: every one the sync reads stopped playing an hour ago.
    sb.setNow(new Date(Date.now() - 2 * HOUR));
    const added = await cli(
      [
        'account',
        'add',
        '--provider',
        'hipcall',
        '--base-url',
        sb.baseUrl,
        '--timezone',
        ZONE,
        '--uid',
        '13',
        '--json',
      ],
      { CALLSIDE_API_KEY: sb.credentials.apiKey },
    );
    expect(added.code, added.stderr).toBe(0);
    expect((await cli(['sync', '--full', '--json'])).code).toBe(0);
    sb.setNow(new Date());
    withRecordings = json<{ leads: Lead[] }>(await cli(['leads', '--limit', '500', '--json'])).leads;
  }, 180_000);
  afterAll(() => sb.close());

  const recordingsOf = (view: { timeline: Activity[] }) => view.timeline.filter((a) => a.recordingExpiresAt);

  it('prints a fresh recordingUrl for an expired link and saves it; offline, an expired one prints null', async () => {
    let index = 0;
    let fresh: Activity[] = [];
    let leadId = '';
    for (; index < withRecordings.length && fresh.length === 0; index += 1) {
      leadId = withRecordings[index]!.id;
      fresh = recordingsOf(json<{ timeline: Activity[] }>(await cli(['lead', leadId, '--json'])));
    }
    expect(fresh.length, 'a synced lead has a recording').toBeGreaterThan(0);
    for (const call of fresh) {
      expect(call.recordingUrl).not.toBeNull();
      expect(Date.parse(call.recordingExpiresAt!)).toBeGreaterThan(Date.now() + 30 * 60_000);
      expect((await fetch(call.recordingUrl!)).status).toBe(200);
    }

    // Hipcall unreachable: the saved fresh links print again; another lead's expired ones print null.
    await sb.close();
    const again = json<{ timeline: Activity[] }>(await cli(['lead', leadId, '--json']));
    expect(recordingsOf(again).map((a) => a.recordingUrl)).toEqual(fresh.map((a) => a.recordingUrl));
    let stale: Activity[] = [];
    for (; index < withRecordings.length && stale.length === 0; index += 1) {
      stale = recordingsOf(json<{ timeline: Activity[] }>(await cli(['lead', withRecordings[index]!.id, '--json'])));
    }
    expect(stale.length, 'another lead has a recording').toBeGreaterThan(0);
    expect(stale.map((a) => a.recordingUrl)).toEqual(stale.map(() => null));
  }, 240_000);
});
