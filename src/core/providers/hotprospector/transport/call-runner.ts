import { CallsideError } from '../../../../shared/errors';
import { type Redact, redactError } from '../../http/redact';
import { withRetry, type RetryPolicy } from './retry';
import type { HpCallOptions } from './types';

const MAYBE_SAVED = ' The change may or may not have been saved.';

// Failures that happened before the write was sent (e.g. while signing in): not ambiguous.
const unsent = new WeakSet<object>();

/** Marks failures of `work` as having happened before the call's own request went out. */
export async function beforeSending<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (typeof error === 'object' && error !== null) unsent.add(error);
    throw error;
  }
}

/**
 * A write that failed in transit is ambiguous; say so, so that the outbox (and a person
 * reading the message) checks before sending it again.
 */
function markAmbiguousWrite(error: CallsideError): CallsideError {
  if (!error.retryable || error.message.endsWith(MAYBE_SAVED)) return error;
  return new CallsideError(error.code, `${error.message}${MAYBE_SAVED}`, { retryable: true });
}

/** The policy every router call goes through, whichever API version carries it. */
export async function runCall<T>(
  attempt: () => Promise<T>,
  options: HpCallOptions,
  policy: RetryPolicy,
  redact: Redact,
): Promise<T> {
  try {
    return await withRetry(attempt, {
      write: options.write,
      ...(options.signal ? { signal: options.signal } : {}),
      policy,
    });
  } catch (error) {
    const ambiguous = options.write && !(typeof error === 'object' && error !== null && unsent.has(error));
    const clean = redactError(error, redact);
    throw ambiguous ? markAmbiguousWrite(clean) : clean;
  }
}
