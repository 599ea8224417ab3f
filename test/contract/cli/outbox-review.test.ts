import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../../src/core/cache';
import { DeliveryLease } from '../../../src/core/sync/outbox/delivery-lease';
import { markInFlight } from '../../../src/core/sync/outbox/in-flight';
import { startHotProspectorSandbox, type HotProspectorSandbox, type SbLead, type SbTag } from '../../../src/sandbox';
import { ownStderr, runCli, type CliRun } from '../../helpers/cli';
import { tempDir } from '../../helpers/core';

/**
 * Issue 9, item 6 through the published CLI: a change the provider never takes can be given up
 * on while it is still waiting (`outbox discard`), and a `sync` that finds another process
 * delivering the outbox says so (JSON and one stderr line) instead of failing or hanging.
 */

/** AddLeadTags never reaches Hot Prospector (the connection is reset); everything else works. */
const TAGS_UNREACHABLE = { rates: { reset: 1 }, only: ['AddLeadTags'] };
/** Each test runs the CLI a dozen times, a few seconds each (npm + tsx). */
const CLI_TEST_TIMEOUT_MS = 180_000;

interface Op {
  id: string;
  kind: string;
  leadId: string | null;
  attempts: number;
  lastError: string | null;
}

describe('callside outbox discard and sync beside another process', () => {
  let sb: HotProspectorSandbox;
  let dataDir: string;

  beforeAll(async () => {
    sb = await startHotProspectorSandbox({ seed: 5, leads: 30 });
    dataDir = tempDir();
    const added = await cli(
      ['account', 'add', '--api', 'v1', '--uid', sb.credentials.uid, '--base-url', sb.v1Url, '--json'],
      { CALLSIDE_API_KEY: sb.credentials.apiKey },
    );
    expect(added.code, ownStderr(added)).toBe(0);
    const synced = await cli(['sync', '--json']);
    expect(synced.code, ownStderr(synced)).toBe(0);
  }, CLI_TEST_TIMEOUT_MS);
  afterAll(() => sb.close());

  function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
    return runCli(['--data-dir', dataDir, ...args], { env });
  }

  async function json<T>(args: string[]): Promise<T> {
    const run = await cli([...args, '--json']);
    expect(run.code, ownStderr(run)).toBe(0);
    return JSON.parse(run.stdout) as T;
  }

  /** The account's cache file, opened beside the CLI the way the desktop app would. */
  async function openAccountCache(): Promise<Cache> {
    const files = readdirSync(join(dataDir, 'cache')).filter((f) => f.startsWith('account-') && f.endsWith('.sqlite'));
    expect(files).toHaveLength(1);
    return openCache(join(dataDir, 'cache', files[0] as string));
  }

  /** A tag change on `lead` left pending: the provider cannot be reached for it. */
  async function queueUnreachableTag(lead: SbLead): Promise<{ op: Op; tag: SbTag }> {
    const tag = sb.state.addTag(`review-${Math.random().toString(36).slice(2, 8)}`);
    await json(['sync']);
    sb.setFaults(TAGS_UNREACHABLE);
    try {
      const queued = await json<{ status: string; opId: string }>(['tag', 'add', String(lead.id), tag.title]);
      expect(queued.status).toBe('queued');
    } finally {
      sb.setFaults({});
    }
    const outbox = await json<{ pending: Op[]; failed: Op[] }>(['outbox']);
    expect(outbox.failed).toEqual([]);
    expect(outbox.pending).toHaveLength(1);
    const op = outbox.pending[0] as Op;
    expect(op).toMatchObject({ kind: 'tag.add', leadId: String(lead.id), attempts: 1 });
    return { op, tag };
  }

  const leadAt = (index: number): SbLead =>
    sb.state.data.leads.filter((lead) => lead.groupIds.length === 1)[index] as SbLead;

  it(
    'outbox discard gives up on a change still waiting: it is never sent and the lead goes back',
    async () => {
      const lead = leadAt(0);
      const { op, tag } = await queueUnreachableTag(lead);
      sb.resetCounters();

      const run = await cli(['outbox', 'discard', op.id, '--json']);
      expect(run.code, ownStderr(run)).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ pending: [], failed: [] });
      expect(ownStderr(run)).toContain(`Discarded ${op.id}: it will not be sent.`);

      // The provider is reachable again: nothing goes out, and the pull brings its version back.
      const synced = await json<{ outbox: Record<string, unknown> }>(['sync']);
      expect(synced.outbox).toMatchObject({ delivered: 0, pending: 0, failed: 0, stoppedBy: null });
      expect(sb.counters().requests.AddLeadTags ?? 0).toBe(0);
      expect(lead.tagIds).not.toContain(tag.id);
      const view = await json<{ lead: { tags: Array<{ id: string }> } }>(['lead', String(lead.id)]);
      expect(view.lead.tags.map((t) => t.id)).not.toContain(String(tag.id));

      // Discarding it again: nothing by that id any more, said plainly.
      const again = await cli(['outbox', 'discard', op.id, '--json']);
      expect(again.code).toBe(1);
      expect(JSON.parse(ownStderr(again)).error).toEqual({
        code: 'not_found',
        message: `No change in the outbox has the id ${op.id} (already sent or discarded).`,
      });
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    "outbox discard of a change whose request is on the wire fails with 'busy' and keeps it",
    async () => {
      const lead = leadAt(1);
      const { op } = await queueUnreachableTag(lead);
      const cache = await openAccountCache();
      const lease = new DeliveryLease(cache, { label: 'the desktop app' });
      try {
        expect(await lease.acquire()).toEqual({ ok: true });
        await cache.transaction((tx) => markInFlight(tx, op.id));

        const refused = await cli(['outbox', 'discard', op.id, '--json']);
        expect(refused.code).toBe(1);
        expect(refused.stdout).toBe('');
        const { error } = JSON.parse(ownStderr(refused)) as { error: { code: string; message: string } };
        expect(error.code).toBe('busy');
        expect(error.message).toMatch(/being sent right now/);

        const human = await cli(['outbox', 'discard', op.id]);
        expect(human.code).toBe(1);
        expect(ownStderr(human)).toBe(`callside: ${error.message}`);
        expect((await cache.outbox.get(op.id))?.state).toBe('pending');
      } finally {
        await cache.transaction((tx) => markInFlight(tx, null));
        await lease.release();
        await cache.close();
      }
      expect((await json<{ pending: Op[] }>(['outbox', 'discard', op.id])).pending).toEqual([]);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'sync while another process holds the outbox: pulls, leaves the change queued and says who has it',
    async () => {
      const lead = leadAt(2);
      const { op, tag } = await queueUnreachableTag(lead);
      const cache = await openAccountCache();
      const lease = new DeliveryLease(cache, { label: 'the desktop app' });
      try {
        expect(await lease.acquire()).toEqual({ ok: true });
        sb.resetCounters();

        const run = await cli(['sync', '--json']);
        expect(run.code, ownStderr(run)).toBe(0);
        const result = JSON.parse(run.stdout) as { counts: Record<string, number>; outbox: Record<string, unknown> };
        expect(result.counts.leads).toBe(sb.state.data.leads.length);
        expect(result.outbox).toMatchObject({ delivered: 0, pending: 1, failed: 0, stoppedBy: { code: 'busy' } });
        const stoppedBy = result.outbox.stoppedBy as { code: string; message: string };
        expect(Object.keys(stoppedBy).sort()).toEqual(['code', 'message']);
        expect(stoppedBy.message).toContain('the desktop app');
        expect(stoppedBy.message).toContain(`process ${process.pid}`);
        expect(sb.counters().requests.AddLeadTags ?? 0).toBe(0);

        const notices = ownStderr(run)
          .split('\n')
          .filter((line) => line.startsWith('sync: outbox'));
        expect(notices).toEqual([`sync: outbox busy: ${stoppedBy.message}`]);

        const human = await cli(['sync']);
        expect(human.code, ownStderr(human)).toBe(0);
        expect(human.stdout).toContain(`waiting because: ${stoppedBy.message}`);
        expect((await cache.outbox.get(op.id))?.state).toBe('pending');
      } finally {
        await lease.release();
        await cache.close();
      }
      // Once the other process lets go, this one delivers it.
      const after = await json<{ outbox: Record<string, unknown> }>(['sync']);
      expect(after.outbox).toMatchObject({ delivered: 1, pending: 0, stoppedBy: null });
      expect(lead.tagIds).toContain(tag.id);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});
