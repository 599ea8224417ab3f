import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCache, type Cache } from '../../../src/core/cache';
import { connectHipcall, type HipcallPolicy } from '../../../src/core/providers/hipcall/client';
import { hipcallSession, type HipcallSession } from '../../../src/core/providers/hipcall/provider';
import { WorkspaceSync } from '../../../src/core/sync';
import type { SyncProgress } from '../../../src/core/sync/progress';
import type { HipcallSandbox } from '../../../src/sandbox/hipcall/server';

/** 15:00 in New York: the simulator's data and the sync's "today" agree on the date. */
export const NOW = new Date('2026-06-23T19:00:00Z');
export const TODAY = '2026-06-23';
export const ZONE = 'America/New_York';

export interface Harness {
  session: HipcallSession;
  cache: Cache;
  ws: WorkspaceSync;
  urls: string[];
  statuses: number[];
  progress: SyncProgress[];
  sync(full?: boolean): ReturnType<WorkspaceSync['pull']>;
  close(): Promise<void>;
}

/** The real session over HTTP to the simulator, a real SQLite cache, the real sync machinery. */
export async function harness(sb: HipcallSandbox, policy: HipcallPolicy = {}, apiKey?: string): Promise<Harness> {
  const urls: string[] = [];
  const statuses: number[] = [];
  const progress: SyncProgress[] = [];
  const recording: typeof fetch = async (input, init) => {
    urls.push(String(input));
    const response = await fetch(input, init);
    statuses.push(response.status);
    return response;
  };
  const client = connectHipcall({
    baseUrl: sb.baseUrl,
    apiKey: apiKey ?? sb.credentials.apiKey,
    policy: { baseDelayMs: 1, maxDelayMs: 2, windowMs: 50, fetch: recording, ...policy },
  });
  const session = hipcallSession(client, { baseUrl: sb.baseUrl, timezone: ZONE, uid: '13' });
  const folder = mkdtempSync(join(tmpdir(), 'callside-hipcall-'));
  const cache = await openCache(join(folder, 'cache.sqlite'));
  const now = () => sb.now();
  const ws = new WorkspaceSync({
    cache,
    session: async () => session,
    now,
    backoff: { baseMs: 1, maxMs: 2, random: () => 0.5 },
  });
  return {
    session,
    cache,
    ws,
    urls,
    statuses,
    progress,
    sync: (full = false) => ws.pull({ full, onProgress: (p) => progress.push(p) }),
    async close() {
      await ws.dispose().catch(() => undefined);
      await cache.close().catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
