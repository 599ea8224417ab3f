/** How often a long-running host pulls on its own: fresh enough for an agent's queue, light on the API. */
export const DEFAULT_SYNC_INTERVAL_MS = 5 * 60_000;

/**
 * Runs an incremental sync at once and then every `intervalMs`, for hosts that stay open all
 * day. Failures are not thrown here: the sync service records them in its status (offline,
 * last error), which is what the status bar and the tray show.
 */
export function scheduleSync(sync: { run(): Promise<unknown> }, intervalMs: number): () => void {
  const tick = () => void sync.run().catch(() => undefined);
  const first = setTimeout(tick, 0);
  const timer = setInterval(tick, intervalMs);
  // A pending sync must never keep a CLI or test process alive on its own.
  first.unref?.();
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
