import type { z } from 'zod';
import type { Cache } from '../cache';
import type { SyncStream } from '../providers/port';
import { throwIfCancelled } from './cancel';
import { CURSOR } from './cursors';
import type { Exclusive } from './exclusive';
import type { lastRunSchema } from './last-run';
import { ResourceProgress, type ProgressListener } from './progress';
import type { PullContext, PullCounts } from './pull/context';

export interface SyncTarget {
  cache: Cache;
  /** The provider's streams, in the order it needs them. */
  streams: readonly SyncStream[];
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
 * Runs the provider's streams in order. The first failure stops the run: the cursors keep
 * everything written so far, and the next run resumes there.
 */
export async function runSync(target: SyncTarget, options: RunSyncOptions = {}): Promise<SyncReport> {
  const now = options.now ?? (() => new Date());
  const full = options.full ?? false;
  const progresses = new Map<string, ResourceProgress>();
  const listener: ProgressListener = (progress) => options.onProgress?.(progress);
  const ctx: PullContext = {
    cache: target.cache,
    exclusive: target.exclusive,
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
      for (const stream of target.streams) {
        throwIfCancelled(options.signal);
        Object.assign(counts, await stream.pull(ctx));
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
