import { CallsideError } from '../../shared/errors';

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CallsideError('cancelled', 'The sync was cancelled.');
}
