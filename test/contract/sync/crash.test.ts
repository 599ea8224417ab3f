import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache } from '../../../src/core/cache';
import { LeadActions } from '../../../src/core/services/lead-actions';
import { createRng, type HotProspectorSandbox, type SbLead } from '../../../src/sandbox';
import { bundleChild, type ChildBundle } from '../../helpers/child-bundle';
import { NOW, applied, clientFor, startSandbox, tempFolder, workspaceFor } from '../../helpers/sync';

/**
 * Issue 4, crash safety. A child process opens the cache, pushes the outbox and pulls, and is
 * killed with SIGKILL at a random moment: during a page write, between a write's request and
 * its confirmation, anywhere. After every kill the file must pass PRAGMA integrity_check; at
 * the end every queued change must have reached the sandbox exactly once.
 *
 * "Exactly once" is made visible: every op tags (or untags) a lead with a tag of its own, so
 * the sandbox's applied-write counters must equal the number of ops, and the leads' tags must
 * be exactly what the ops, in order, leave behind. The sender may only achieve that by
 * verifying an op that may have landed before sending it again.
 */

const LANES = 2;
const ROUNDS_PER_LANE = 27;
/** Half the kills aim at the outbox flush (the first ~150 ms), half at the pull after it. */
const FLUSH_WINDOW_MS = 150;
const PULL_WINDOW_MS = 700;

interface Lane {
  path: string;
  leads: SbLead[];
  /** Tag ids this lane's ops add, unused so far. */
  freshTags: number[];
  /** lead id → crash tags the ops leave on it. */
  expected: Map<number, Set<number>>;
  adds: number;
  removes: number;
  integrity: string[];
  kills: number;
  /** Kills that came between a write's request and its confirmation. */
  killedInFlight: number;
}

describe('killing the syncing process at random points', () => {
  let sb: HotProspectorSandbox;
  let bundle: ChildBundle;
  beforeAll(async () => {
    bundle = await bundleChild(new URL('./crash-child.ts', import.meta.url));
    sb = await startSandbox({ leads: 30 });
    // Latency on the writes widens the window between a request landing and its confirmation.
    sb.setFaults({ latencyMs: 2, latencyJitterMs: 12, only: ['AddLeadTags', 'RemoveLeadTags'] });
  });
  afterAll(async () => {
    bundle.remove();
    await sb.close();
  });

  it(
    `keeps the cache intact and delivers every op exactly once (${LANES * ROUNDS_PER_LANE} kills)`,
    { timeout: 120_000 },
    async () => {
      const lanes = await Promise.all(Array.from({ length: LANES }, (_, index) => prepareLane(index)));
      await Promise.all(lanes.map((lane, index) => runLane(lane, createRng(100 + index))));

      for (const lane of lanes) {
        expect(lane.integrity.filter((result) => result !== 'ok')).toEqual([]);
        expect(lane.integrity).toHaveLength(ROUNDS_PER_LANE);
        // One last run that is not killed drains what the last kill left.
        await runChild(lane, 'flush', null);
        const cache = await openCache(lane.path);
        try {
          expect(await cache.outbox.counts()).toEqual({ pending: 0, failed: 0 });
          expect((await cache.checkIntegrity('full')).ok).toBe(true);
        } finally {
          await cache.close();
        }
        for (const lead of lane.leads) {
          const crashTags = lead.tagIds.filter((id) => isCrashTag(id));
          expect(new Set(crashTags)).toEqual(lane.expected.get(lead.id));
        }
      }
      const adds = lanes.reduce((sum, lane) => sum + lane.adds, 0);
      const removes = lanes.reduce((sum, lane) => sum + lane.removes, 0);
      expect(adds).toBeGreaterThan(ROUNDS_PER_LANE);
      expect(applied(sb, 'AddLeadTags')).toBe(adds);
      expect(applied(sb, 'RemoveLeadTags')).toBe(removes);
      // The kills did land inside the work, not only before or after it.
      expect(lanes.reduce((sum, lane) => sum + lane.kills, 0)).toBeGreaterThan(LANES * ROUNDS_PER_LANE * 0.5);
      // And some of them between a write's request and its confirmation: the case verification is for.
      expect(lanes.reduce((sum, lane) => sum + lane.killedInFlight, 0)).toBeGreaterThan(0);
    },
  );

  const crashTagIds = new Set<number>();
  const isCrashTag = (id: number) => crashTagIds.has(id);

  /** Each lane has its own cache, its own leads and its own tags: lanes never touch each other's. */
  async function prepareLane(index: number): Promise<Lane> {
    const leads = sb.state.data.leads.filter((_, i) => i % LANES === index).slice(0, 4);
    const freshTags = Array.from({ length: ROUNDS_PER_LANE * 2 }, (_, i) => {
      const tag = sb.state.addTag(`crash-${index}-${i}`);
      crashTagIds.add(tag.id);
      return tag.id;
    });
    const path = join(tempFolder('callside-crash-'), 'cache.sqlite');
    const cache = await openCache(path);
    try {
      const client = clientFor(sb);
      await workspaceFor(cache, () => client).pull();
    } finally {
      await cache.close();
    }
    const expected = new Map(leads.map((lead) => [lead.id, new Set<number>()]));
    return { path, leads, freshTags, expected, adds: 0, removes: 0, integrity: [], kills: 0, killedInFlight: 0 };
  }

  async function runLane(lane: Lane, rng: ReturnType<typeof createRng>): Promise<void> {
    for (let round = 0; round < ROUNDS_PER_LANE; round += 1) {
      await queueOps(lane, rng);
      const mode = round % 7 === 6 ? 'full' : round % 2 === 0 ? 'sync' : 'flush';
      const delay = rng.next() < 0.5 ? rng.next() * FLUSH_WINDOW_MS : FLUSH_WINDOW_MS + rng.next() * PULL_WINDOW_MS;
      if (await runChild(lane, mode, Math.floor(delay))) lane.kills += 1;
      const cache = await openCache(lane.path, { onCorrupt: 'fail' });
      try {
        const report = await cache.checkIntegrity('full');
        lane.integrity.push(report.ok ? 'ok' : report.problems.join('; '));
        const inFlight = (await cache.syncCursors.get('outbox:in-flight'))?.value as
          { opId: string | null } | undefined;
        if (inFlight?.opId) lane.killedInFlight += 1;
      } finally {
        await cache.close();
      }
    }
  }

  /** One or two ops per round: tag a lead with a fresh tag, or untag one an earlier op added. */
  async function queueOps(lane: Lane, rng: ReturnType<typeof createRng>): Promise<void> {
    const cache = await openCache(lane.path);
    const client = clientFor(sb);
    const workspace = workspaceFor(cache, () => client);
    const actions = new LeadActions({ workspace: async () => workspace, kick: () => undefined });
    try {
      const count = 1 + Math.floor(rng.next() * 2);
      for (let i = 0; i < count; i += 1) {
        const lead = lane.leads[Math.floor(rng.next() * lane.leads.length)] as SbLead;
        const tags = lane.expected.get(lead.id) as Set<number>;
        const removable = [...tags];
        if (removable.length > 0 && rng.next() < 0.35) {
          const tagId = removable[Math.floor(rng.next() * removable.length)] as number;
          await actions.removeTags(String(lead.id), [String(tagId)]);
          tags.delete(tagId);
          lane.removes += 1;
        } else {
          const tagId = lane.freshTags.shift() as number;
          await cache.tags.upsertMany([{ id: String(tagId), title: `crash tag ${tagId}` }]);
          await actions.addTags(String(lead.id), [String(tagId)]);
          tags.add(tagId);
          lane.adds += 1;
        }
      }
    } finally {
      await workspace.dispose();
      await cache.close();
    }
  }

  /** Runs the child; kills it `killAfterMs` after it is ready (null: lets it finish). True if killed. */
  function runChild(lane: Lane, mode: 'flush' | 'sync' | 'full', killAfterMs: number | null): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const child: ChildProcess = spawn(process.execPath, [bundle.path], {
        env: {
          ...process.env,
          CRASH_CACHE: lane.path,
          CRASH_URL: sb.v1Url,
          CRASH_UID: sb.credentials.uid,
          CRASH_KEY: sb.credentials.apiKey,
          CRASH_NOW: NOW.toISOString(),
          CRASH_MODE: mode,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let killed = false;
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (killAfterMs !== null && stdout.includes('ready\n') && !child.killed) {
          setTimeout(() => {
            if (child.exitCode === null) killed = child.kill('SIGKILL');
          }, killAfterMs);
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (signal === 'SIGKILL' || code === 0) resolve(killed && signal === 'SIGKILL');
        else reject(new Error(`crash child failed (${code}): ${stderr.slice(0, 2000)}`));
      });
    });
  }
});
