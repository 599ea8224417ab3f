import { CallsideError } from '../../../shared/errors';

/** A caller's abort, worded for the provider the request was going to. */
export function cancelledError(provider?: string): CallsideError {
  return new CallsideError(
    'cancelled',
    provider ? `The request to ${provider} was cancelled.` : 'The request was cancelled.',
  );
}

/** Waits, cut short by the caller's abort so a cancelled call never sits in a backoff or a 429 wait. */
export function sleep(ms: number, signal?: AbortSignal, provider?: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError(provider));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError(provider));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * "Full jitter" (random in [0, ceiling)): many agents' apps retrying after the same outage
 * spread out instead of arriving in synchronized waves.
 * @param failedAttempt 1 for the delay after the first failure.
 */
export function backoffDelay(
  failedAttempt: number,
  policy: { baseDelayMs: number; maxDelayMs: number; random: () => number },
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.floor(policy.random() * ceiling);
}
