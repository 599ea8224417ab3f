import type { Cache } from '../../cache';
import type { Exclusive } from '../exclusive';
import type { ResourceProgress } from '../progress';

/**
 * What every stream gets from the engine: where to write, how to report, the lock it shares
 * with the outbox sender. Whom to ask is the stream's own business (its provider's client).
 */
export interface PullContext {
  cache: Cache;
  /** A full sync starts every resource from scratch; incremental resumes from the cursors. */
  full: boolean;
  signal?: AbortSignal;
  now: () => Date;
  exclusive: Exclusive;
  progress(resource: string): ResourceProgress;
  /**
   * Leads with activity in the logs pulled during this run, with the time of their latest
   * one: the "recently active" leads whose notes and own logs are refreshed afterwards.
   */
  activeLeads: Map<string, number>;
}

/** Counts per resource, as `callside sync` prints them. */
export type PullCounts = Record<string, number>;

export function callOptions(ctx: Pick<PullContext, 'signal'>): { signal?: AbortSignal } {
  return ctx.signal ? { signal: ctx.signal } : {};
}

/** Remembers which leads the pulled activities belong to, keeping the latest time per lead. */
export function noteActiveLeads(ctx: PullContext, activities: ReadonlyArray<{ leadId: string; at: string }>): void {
  for (const activity of activities) {
    const at = Date.parse(activity.at);
    if (!Number.isFinite(at)) continue;
    const seen = ctx.activeLeads.get(activity.leadId);
    if (seen === undefined || at > seen) ctx.activeLeads.set(activity.leadId, at);
  }
}
