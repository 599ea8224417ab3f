/**
 * When to try a transiently failed op again: doubling from `baseMs` up to `maxMs`, with "equal
 * jitter" (half fixed, half random) so many agents coming back online do not retry in step,
 * yet no retry comes immediately after a failure.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000, random: Math.random };

/** @param failures how many attempts have failed so far, this one included (1 or more). */
export function retryDelayMs(failures: number, policy: BackoffPolicy): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}
