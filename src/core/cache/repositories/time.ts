import { CacheStorageError } from '../storage-error';

/** Milliseconds since the epoch for ordering; a time we cannot read is refused, not guessed. */
export function toEpochMs(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new CacheStorageError('misuse', `${what} has an unreadable time: "${iso}".`);
  return ms;
}
