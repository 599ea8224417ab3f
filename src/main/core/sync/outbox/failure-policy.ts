import { toCallsideError, type CallsideError } from '../../../../shared/errors';

/**
 * What a failed delivery means for the operation:
 * - permanent: the provider refused this operation (bad id, unknown lead, invalid value), or
 *   Callside cannot build it at all. Retrying unchanged would fail the same way, so the op
 *   leaves the delivery line and waits, visible with its reason, for the agent to retry or
 *   discard it.
 * - transient: the network, a timeout, a server error, or an answer we could not read. The
 *   write may or may not have landed; the op stays first in line, is tried again after a
 *   backoff, and is verified before it is sent again.
 * - pause: the credentials were refused or no account is set up. That is not this op's fault
 *   and every op after it would hit the same wall, so the sender stops until the account
 *   changes or the agent asks to sync.
 * - cancelled: the caller stopped; nothing is recorded.
 * - fatal: the cache itself failed; nothing can be recorded, so the error goes up.
 */
export type FailureVerdict = 'permanent' | 'transient' | 'pause' | 'cancelled' | 'fatal';

export function judgeFailure(error: CallsideError): FailureVerdict {
  switch (error.code) {
    case 'cancelled':
      return 'cancelled';
    case 'auth':
    case 'not_configured':
      return 'pause';
    case 'network':
    case 'timeout':
    case 'remote':
    case 'malformed':
      return 'transient';
    case 'storage':
      return 'fatal';
    case 'invalid_request':
    case 'not_found':
    case 'internal':
    case 'bridge_payload':
    case 'unauthorized':
      return 'permanent';
  }
}

export function asCallsideError(error: unknown): CallsideError {
  return toCallsideError(error);
}
