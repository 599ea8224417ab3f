import { rename, rm, stat } from 'node:fs/promises';
import type { Note } from '../../shared/domain';
import { openDatabase } from './driver';
import { checkIntegrity } from './integrity';
import { readSchemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { createNotesRepository } from './repositories/notes';
import { createOutboxRepository, type OutboxEntry } from './repositories/outbox';
import { createSyncCursorsRepository, type SyncCursor } from './repositories/sync-cursors';
import { CacheStorageError } from './storage-error';

/** The agent's writes that exist nowhere else yet: what a damaged cache must not take with it. */
export interface QueuedWrites {
  outbox: OutboxEntry[];
  /** Best effort: each local note also travels in its outbox op's payload. */
  localNotes: Note[];
  /**
   * The sync cursors that belong to queued writes: the in-flight mark (an op whose request may
   * have landed must still be verified before it is resent) and the ids the provider gave leads
   * created in Callside. Best effort, like the notes.
   */
  cursors: SyncCursor[];
}

/** Cursor name prefixes that describe the outbox rather than pulled data (see sync/cursors.ts). */
export const QUEUED_WRITE_CURSOR_PREFIXES = ['outbox:', 'lead-alias:'] as const;

/**
 * Reads the outbox (and unconfirmed local notes) out of a damaged file. Throws when the outbox
 * itself cannot be read completely: then nobody may replace the file, since it may hold queued
 * writes. Everything else in the cache can be pulled again.
 */
export async function readQueuedWrites(path: string): Promise<QueuedWrites> {
  // A read-only connection creates the WAL side files but may not delete them. Those that did
  // not exist before are ours to tidy away, so a refused salvage leaves the folder as it was.
  const sideFiles = [`${path}-wal`, `${path}-shm`];
  const existedBefore = await Promise.all(sideFiles.map(fileSize));
  try {
    return await readFromDamagedFile(path);
  } finally {
    // Only an empty WAL is ours: one with frames in it would belong to another connection.
    if (!(await fileSize(`${path}-wal`))) {
      for (const [index, file] of sideFiles.entries()) {
        if (existedBefore[index] === null) await rm(file, { force: true });
      }
    }
  }
}

async function readFromDamagedFile(path: string): Promise<QueuedWrites> {
  const db = await openDatabase(path, { readonly: true });
  try {
    // SQLite refuses a file shorter than its header says, unless the schema is "writable"; on a
    // read-only connection that only makes it read what is there, which is all salvage needs.
    await db.exec('PRAGMA writable_schema = ON');
    const version = await readSchemaVersion(db);
    if (version < 1 || version > LATEST_SCHEMA_VERSION) {
      throw new CacheStorageError('corrupt', `its schema version (${version}) is not one this Callside can read`);
    }
    for (const table of ['outbox', 'outbox_fields']) {
      const report = await checkIntegrity(db, 'quick', table);
      if (!report.ok) throw new CacheStorageError('corrupt', `its ${table} table is damaged: ${report.problems[0]}`);
    }
    const outbox = await createOutboxRepository(db).exportAll(version);
    const localNotes = await createNotesRepository(db)
      .listUnconfirmedLocal()
      .catch(() => []);
    const cursors = await createSyncCursorsRepository(db)
      .list()
      .then((all) => all.filter((cursor) => QUEUED_WRITE_CURSOR_PREFIXES.some((p) => cursor.resource.startsWith(p))))
      .catch(() => []);
    return { outbox, localNotes, cursors };
  } finally {
    await db.close().catch(() => undefined);
  }
}

/**
 * Renames the damaged file (and its WAL) to `<name>.corrupt-<timestamp>`: kept for support,
 * out of the way of a fresh cache. The shared-memory index is rebuilt by SQLite, so it goes.
 */
export async function moveAside(path: string, now = new Date()): Promise<string> {
  const movedTo = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, movedTo);
  await rename(`${path}-wal`, `${movedTo}-wal`).catch(ignoreMissing);
  await rm(`${path}-shm`, { force: true });
  return movedTo;
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}

async function fileSize(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}
