import type { PullContext } from './context';
import { RATE_LIMIT_WAIT } from '../../../shared/contract/sync-resources';

/** The progress row a rate-limit wait shows as, counting its seconds. */
export const WAIT_RESOURCE = RATE_LIMIT_WAIT;

/**
 * A provider's 429 can ask for a wait of most of a minute (Hipcall's rate limit): the progress
 * bar shows it as its own row counting the seconds down, so a sync that looks stuck says why.
 * The transport does the waiting (its `onWait`); this only tells the agent about it.
 */
export function waitReporter(ctx: Pick<PullContext, 'progress'>): (waitMs: number) => void {
  let tick: ReturnType<typeof setInterval> | null = null;
  return (waitMs) => {
    // A second wait replaces the first one's countdown rather than ticking the row twice.
    if (tick !== null) clearInterval(tick);
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    const progress = ctx.progress(WAIT_RESOURCE);
    progress.start(seconds);
    let left = seconds;
    const timer = setInterval(() => {
      left -= 1;
      if (left <= 0) {
        clearInterval(timer);
        progress.finish('done');
      } else {
        progress.advance();
      }
    }, 1000);
    timer.unref?.();
    tick = timer;
  };
}

/** A stream's request options: its cancel signal, and rate-limit waits shown in the progress bar. */
export function pullOptions(ctx: Pick<PullContext, 'signal' | 'progress'>): {
  signal?: AbortSignal;
  onWait: (waitMs: number) => void;
} {
  return { ...(ctx.signal ? { signal: ctx.signal } : {}), onWait: waitReporter(ctx) };
}
