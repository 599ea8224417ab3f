import type { z } from 'zod';
import type { Cache } from '../cache';
import type { HotProspectorClient } from '../providers/hotprospector/client';
import { throwIfCancelled } from './cancel';
import { CURSOR } from './cursors';
import type { Exclusive } from './exclusive';
import type { lastRunSchema } from './last-run';
import { ResourceProgress, type ProgressListener } from './progress';
import { pullAccountLogs } from './pull/account-logs';
import { pullCatalogs } from './pull/catalogs';
import type { PullContext, PullCounts } from './pull/context';
import { pullLeads } from './pull/leads';
import { pullMetrics } from './pull/metrics';
import { pullNotes } from './pull/notes';

export interface SyncTarget {
  cache: Cache;
  client: HotProspectorClient;
  exclusive: Exclusive;
}

export interface RunSyncOptions {
  full?: boolean;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  now?: () => Date;
}

export interface SyncReport {
  full: boolean;
  /** Rows (or days, for metrics) written per resource. */
  counts: PullCounts;
  completedAt: string;
}

/**
 * The order matters: catalogs before leads (tag titles, the group list), leads before logs
 * (logs move the leads' last-touch times), logs before notes (they name the recently active
 * leads). The first failure stops the run: the cursors keep everything written so far, and
 * the next run resumes there.
 */
const STEPS: ReadonlyArray<(ctx: PullContext) => Promise<PullCounts>> = [
  pullCatalogs,
  pullLeads,
  pullAccountLogs,
  pullNotes,
  pullMetrics,
];

export async function runSync(target: SyncTarget, options: RunSyncOptions = {}): Promise<SyncReport> {
  const now = options.now ?? (() => new Date());
  const full = options.full ?? false;
  const progresses = new Map<string, ResourceProgress>();
  const listener: ProgressListener = (progress) => options.onProgress?.(progress);
  const ctx: PullContext = {
    ...target,
    full,
    now,
    ...(options.signal ? { signal: options.signal } : {}),
    activeLeads: new Map(),
    progress(resource) {
      let progress = progresses.get(resource);
      if (!progress) progresses.set(resource, (progress = new ResourceProgress(resource, listener)));
      return progress;
    },
  };

  const counts: PullCounts = {};
  try {
    // Page after page of writes: the cache defers WAL checkpoints to the end of the run.
    await target.cache.bulkWrite(async () => {
      for (const step of STEPS) {
        throwIfCancelled(options.signal);
        Object.assign(counts, await step(ctx));
      }
    });
  } catch (error) {
    const state = options.signal?.aborted ? 'cancelled' : 'failed';
    for (const progress of progresses.values()) if (progress.running) progress.finish(state);
    throw error;
  }
  const completedAt = now().toISOString();
  const lastRun: z.infer<typeof lastRunSchema> = { completedAt, full };
  await target.cache.syncCursors.set(CURSOR.lastRun, lastRun);
  return { full, counts, completedAt };
}
