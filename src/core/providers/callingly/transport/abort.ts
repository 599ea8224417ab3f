import { CallsideError } from '../../../../shared/errors';

export function cancelledError(): CallsideError {
  return new CallsideError('cancelled', 'The request to Callingly was cancelled.');
}

/** Waits, cut short by the caller's abort so a cancelled call never sits in a backoff or a 429 wait. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
