import { CallsideError } from '../../../../shared/errors';
import { backoffDelay, sleep } from '../../http/abort';
import { cancelledError, throwIfAborted } from './abort';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryPolicy {
  /** Total tries for a read, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: Sleep;
  /** In [0, 1); injectable so tests can pin the jitter. */
  random: () => number;
}

/** A timer that a caller's AbortSignal cuts short, so a cancelled call never sits in backoff. */
export const abortableSleep: Sleep = (ms, signal) => sleep(ms, signal, 'Hot Prospector');

export { backoffDelay };

/** Network trouble, timeouts and 5xx are marked retryable where they are raised; nothing else is. */
export function isTransientFailure(error: unknown): boolean {
  return error instanceof CallsideError && error.retryable && error.code !== 'cancelled';
}

/**
 * Retries reads only. A write that failed in transit may already have landed, so it is thrown
 * to the caller (the outbox), which verifies before sending it again.
 */
export async function withRetry<T>(
  run: (attempt: number) => Promise<T>,
  options: { write: boolean; signal?: AbortSignal; policy: RetryPolicy },
): Promise<T> {
  const { policy, signal } = options;
  const attempts = options.write ? 1 : Math.max(1, policy.maxAttempts);
  for (let attempt = 1; ; attempt += 1) {
    throwIfAborted(signal);
    try {
      return await run(attempt);
    } catch (error) {
      if (signal?.aborted) throw cancelledError();
      if (attempt >= attempts || !isTransientFailure(error)) throw error;
      await policy.sleep(backoffDelay(attempt, policy), signal);
    }
  }
}
