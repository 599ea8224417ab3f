import type { PullContext } from '../../sync/pull/context';

/** The progress row a rate-limit wait shows as ("Rate limit wait", counting its seconds). */
export const WAIT_RESOURCE = 'rateLimitWait';

/**
 * Hipcall's 429 asks for a wait that can be most of a minute: the progress bar shows it as its
 * own row counting the seconds down, so a sync that looks stuck says why. The transport does
 * the waiting; this only tells the agent about it.
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
