import type { Database, Queryable } from './driver';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { CacheStorageError } from './storage-error';

export interface MigrationResult {
  readonly from: number;
  readonly to: number;
}

/**
 * Brings the file to the newest schema. All pending steps and the `user_version` bump run in
 * one transaction, so a crash mid-migration leaves the previous version intact. A file from a
 * newer Callside is refused untouched: an older build cannot know what its tables mean.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationResult> {
  assertNumberedInOrder(migrations);
  const latest = migrations.length;
  const current = await readSchemaVersion(db);
  refuseNewer(db.path, current, latest);
  if (current === latest) return { from: current, to: latest };
  if (db.readonly) {
    throw new CacheStorageError(
      'readonly',
      `The cache at ${db.path} has schema v${current} and needs v${latest}; open it writable once to upgrade it.`,
    );
  }
  return db.transaction(async (tx) => {
    // Re-read under the write lock: another process may have migrated while we waited.
    const locked = await readSchemaVersion(tx);
    refuseNewer(db.path, locked, latest);
    if (locked === 0) await refuseForeignDatabase(tx, db.path);
    for (const migration of migrations.slice(locked)) {
      await migration.up(tx);
      await tx.exec(`PRAGMA user_version = ${migration.version}`);
    }
    return { from: locked, to: latest };
  });
}

export async function readSchemaVersion(db: Queryable): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

function refuseNewer(path: string, current: number, latest: number): void {
  if (current > latest) {
    throw new CacheStorageError(
      'newer_schema',
      `The cache at ${path} was written by a newer Callside (schema v${current}; this version knows up to v${latest}). Update Callside, or move the file away to start a fresh cache.`,
    );
  }
}

/** user_version 0 with tables in it: some other program's database, not an empty file of ours. */
async function refuseForeignDatabase(db: Queryable, path: string): Promise<void> {
  const row = await db.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'");
  if ((row?.n ?? 0) > 0) {
    throw new CacheStorageError(
      'foreign_database',
      `${path} is an SQLite database but not a Callside cache; refusing to change it.`,
    );
  }
}

function assertNumberedInOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new CacheStorageError(
        'misuse',
        `Migration "${migration.name}" has version ${migration.version}; expected ${index + 1}.`,
      );
    }
  });
}

export { LATEST_SCHEMA_VERSION };
