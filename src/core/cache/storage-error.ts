import { CallsideError } from '../../shared/errors';

/**
 * What kind of storage trouble happened. Callers branch on this (e.g. salvage only on
 * `corrupt`), so it is a closed list rather than SQLite's raw codes.
 */
export type StorageFailure =
  | 'corrupt' // not a database, truncated, malformed pages
  | 'newer_schema' // written by a newer Callside; we must not touch it
  | 'foreign_database' // a valid SQLite file that is not a Callside cache
  | 'busy' // another process held the lock past the busy timeout
  | 'full' // disk or quota full
  | 'readonly' // file or folder not writable
  | 'cant_open' // missing folder, permissions
  | 'constraint' // a write broke a schema rule (a bug in the caller)
  | 'closed' // used after close()
  | 'misuse' // our own API used the wrong way (a bug in the caller)
  | 'other';

/** A cache failure: always code 'storage', plus the kind of failure and SQLite's own code. */
export class CacheStorageError extends CallsideError {
  readonly failure: StorageFailure;
  readonly sqliteCode: string | null;

  constructor(failure: StorageFailure, message: string, options?: { cause?: unknown; sqliteCode?: string | null }) {
    super('storage', message, { cause: options?.cause, retryable: failure === 'busy' });
    this.name = 'CacheStorageError';
    this.failure = failure;
    this.sqliteCode = options?.sqliteCode ?? null;
  }
}

const FAILURE_BY_SQLITE_CODE: Record<string, StorageFailure> = {
  SQLITE_CORRUPT: 'corrupt',
  SQLITE_NOTADB: 'corrupt',
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
  SQLITE_FULL: 'full',
  SQLITE_READONLY: 'readonly',
  SQLITE_CANTOPEN: 'cant_open',
  SQLITE_CONSTRAINT: 'constraint',
  SQLITE_MISUSE: 'misuse',
};

/**
 * Wraps whatever the driver threw. `context` says what we were doing ("opening /x/cache.sqlite",
 * "query `SELECT …`"); SQL parameters are never included, they may hold a customer's data.
 */
export function toStorageError(error: unknown, context: string): CacheStorageError {
  if (error instanceof CacheStorageError) return error;
  const sqliteCode = readSqliteCode(error);
  const failure = (sqliteCode && FAILURE_BY_SQLITE_CODE[sqliteCode]) || 'other';
  const detail = error instanceof Error ? error.message : String(error);
  const prefix = failure === 'corrupt' ? 'The cache file is damaged or not a database' : 'Cache storage failed';
  return new CacheStorageError(failure, `${prefix} (${context}): ${detail}`, { cause: error, sqliteCode });
}

function readSqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

export function isCorruptionError(error: unknown): error is CacheStorageError {
  return error instanceof CacheStorageError && error.failure === 'corrupt';
}
