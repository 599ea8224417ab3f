import { toCallsideError, type CallsideError } from '../../../shared/errors';

/**
 * What a failed delivery means for the operation:
 * - permanent: the provider refused this operation (bad id, unknown lead, invalid value, a
 *   failure it marks as not worth retrying), or Callside cannot build it at all. Retrying
 *   unchanged would fail the same way, so the op leaves the delivery line and waits, visible
 *   with its reason, for the agent to retry or discard it.
 * - transient: the network, a timeout, a server error it says may pass, or an answer we could
 *   not read (a write whose answer was cut off may well have landed). The op stays first in
 *   line, is tried again after a backoff, and is verified before it is sent again. When the
 *   provider itself keeps failing it (MAX_PROVIDER_FAILURES), the sender gives up and the op
 *   becomes failed like a permanent one; the network being down never counts toward that.
 * - pause: the credentials were refused or no account is set up. That is not this op's fault
 *   and every op after it would hit the same wall, so the sender stops until the account
 *   changes or the agent asks to sync.
 * - busy: another process holds this outbox's delivery lease; nothing is recorded, and the
 *   other process delivers the op.
 * - cancelled: the caller stopped; nothing is recorded.
 * - fatal: the cache itself failed; nothing can be recorded, so the error goes up.
 */
export type FailureVerdict = 'permanent' | 'transient' | 'pause' | 'busy' | 'cancelled' | 'fatal';

/** Answers of failure from the provider (not the network) before an op is given up on. */
export const MAX_PROVIDER_FAILURES = 8;

export function judgeFailure(error: CallsideError): FailureVerdict {
  switch (error.code) {
    case 'cancelled':
      return 'cancelled';
    case 'auth':
    case 'not_configured':
      return 'pause';
    case 'busy':
      return 'busy';
    case 'network':
    case 'timeout':
    case 'malformed':
      return 'transient';
    case 'remote':
      return error.retryable ? 'transient' : 'permanent';
    case 'storage':
      return 'fatal';
    case 'invalid_request':
    case 'unsupported':
    case 'not_found':
    case 'internal':
    case 'bridge_payload':
    case 'unauthorized':
      return 'permanent';
  }
}

/** Whether the provider answered (and failed): the failures the give-up cap counts. */
export function failedByProvider(error: CallsideError): boolean {
  return error.code === 'remote' || error.code === 'malformed';
}

export function asCallsideError(error: unknown): CallsideError {
  return toCallsideError(error);
}
