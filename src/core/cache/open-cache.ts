import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createCache, type Cache } from './cache';
import { openDatabase } from './driver';
import { inspectDatabaseFile } from './file-header';
import { checkIntegrity } from './integrity';
import { migrate } from './migrate';
import { moveAside, readQueuedWrites, type QueuedWrites } from './salvage';
import { CacheStorageError, isCorruptionError } from './storage-error';

export interface OpenCacheOptions {
  readonly?: boolean;
  /**
   * 'header' (default): an O(1) look at the file header and size, which catches garbage and
   * truncated files. 'quick': also PRAGMA quick_check, which reads the whole file.
   */
  check?: 'header' | 'quick';
  /**
   * A damaged file:
   * - 'salvage' (default): if its outbox can be read in full (or is empty), move the file aside,
   *   start a fresh cache and carry the outbox and unconfirmed local notes over; if not, fail
   *   and leave the file exactly where it is: queued agent writes are never silently dropped.
   * - 'fail': throw, touch nothing (doctor, read-only tools).
   * - 'reset': move aside and start fresh even when the outbox is unreadable. Only on the
   *   person's explicit say-so; the damaged file is still kept, never deleted.
   */
  onCorrupt?: 'salvage' | 'fail' | 'reset';
}

/**
 * Opens (creating if needed) and migrates the cache at `path`. Failures are CacheStorageError
 * (code 'storage'); see `failure` for the kind: 'corrupt', 'newer_schema', 'foreign_database', …
 */
export async function openCache(path: string, options: OpenCacheOptions = {}): Promise<Cache> {
  if (!options.readonly) await mkdir(dirname(path), { recursive: true });
  try {
    return await openIntact(path, options);
  } catch (error) {
    const onCorrupt = options.onCorrupt ?? 'salvage';
    if (!isCorruptionError(error) || options.readonly || onCorrupt === 'fail') throw error;
    return startFresh(path, error, onCorrupt);
  }
}

async function openIntact(path: string, options: OpenCacheOptions): Promise<Cache> {
  const verdict = await inspectDatabaseFile(path);
  if (verdict.state === 'damaged') {
    throw new CacheStorageError('corrupt', `The cache file ${path} is damaged: ${verdict.reason}.`);
  }
  const db = await openDatabase(path, { readonly: options.readonly });
  try {
    const { to } = await migrate(db);
    if (options.check === 'quick') {
      const report = await checkIntegrity(db, 'quick');
      if (!report.ok) {
        throw new CacheStorageError(
          'corrupt',
          `The cache file ${path} is damaged: ${report.problems.slice(0, 3).join('; ')}`,
        );
      }
    }
    return createCache(db, to, null);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

async function startFresh(path: string, damage: CacheStorageError, mode: 'salvage' | 'reset'): Promise<Cache> {
  let queued: QueuedWrites;
  try {
    queued = await readQueuedWrites(path);
  } catch (error) {
    if (mode === 'salvage') {
      const why = error instanceof Error ? error.message : String(error);
      throw new CacheStorageError(
        'corrupt',
        `${damage.message} Its queue of unsent changes could not be read (${why}), so the file was left in place untouched. ` +
          'Move it away to start a fresh cache; changes still queued in it would then not be sent.',
        { cause: damage, sqliteCode: damage.sqliteCode },
      );
    }
    queued = { outbox: [], localNotes: [], cursors: [] };
  }

  const movedTo = await moveAside(path);
  const db = await openDatabase(path);
  try {
    const { to } = await migrate(db);
    const cache = createCache(db, to, {
      movedTo,
      reason: damage.message,
      outboxOps: queued.outbox.length,
      localNotes: queued.localNotes.length,
    });
    await cache.transaction(async (tx) => {
      await tx.outbox.importAll(queued.outbox);
      await tx.notes.restore(queued.localNotes);
      for (const cursor of queued.cursors) await tx.syncCursors.set(cursor.resource, cursor.value);
    });
    return cache;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
