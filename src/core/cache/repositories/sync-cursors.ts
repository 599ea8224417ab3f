import type { Queryable } from '../driver';
import { parseJsonColumn } from './json-column';

export interface SyncCursor {
  resource: string;
  /** Whatever the sync of that resource needs to resume: an offset, a date window, a page. */
  value: unknown;
  updatedAt: string;
}

/**
 * Where each resource's pull stopped. Set it in the same transaction as the page it follows,
 * so a crash never skips a page or leaves the cursor ahead of the data.
 */
export interface SyncCursorsRepository {
  get(resource: string): Promise<SyncCursor | null>;
  set(resource: string, value: unknown): Promise<void>;
  list(): Promise<SyncCursor[]>;
  /** Forget one resource's cursor (or all): the next sync of it starts from the beginning. */
  reset(resource?: string): Promise<void>;
}

interface CursorRow {
  resource: string;
  value: string;
  updated_at: string;
}

export function createSyncCursorsRepository(db: Queryable): SyncCursorsRepository {
  return {
    async get(resource) {
      const row = await db.get<CursorRow>('SELECT resource, value, updated_at FROM sync_cursors WHERE resource = ?', [
        resource,
      ]);
      return row ? toCursor(row) : null;
    },
    async set(resource, value) {
      await db.run(
        `INSERT INTO sync_cursors (resource, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (resource) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [resource, JSON.stringify(value) ?? 'null', new Date().toISOString()],
      );
    },
    async list() {
      const rows = await db.all<CursorRow>('SELECT resource, value, updated_at FROM sync_cursors ORDER BY resource');
      return rows.map(toCursor);
    },
    async reset(resource) {
      if (resource === undefined) await db.run('DELETE FROM sync_cursors');
      else await db.run('DELETE FROM sync_cursors WHERE resource = ?', [resource]);
    },
  };
}

function toCursor(row: CursorRow): SyncCursor {
  return {
    resource: row.resource,
    value: parseJsonColumn<unknown>(row.value, 'a sync cursor'),
    updatedAt: row.updated_at,
  };
}
