import type { Tag } from '../../../shared/domain';
import type { Queryable } from '../driver';
import { removeByIds, writePage } from './json-page';

export interface TagsRepository {
  upsertMany(tags: readonly Tag[]): Promise<number>;
  list(): Promise<Tag[]>;
  /** Also takes the tag off every lead. */
  remove(ids: readonly string[]): Promise<number>;
}

const UPSERT = `
INSERT INTO tags (id, title, status)
SELECT value ->> 'id', value ->> 'title', value ->> 'status' FROM json_each(?1) WHERE true
ON CONFLICT (id) DO UPDATE SET title = excluded.title, status = coalesce(excluded.status, tags.status)`;

export function createTagsRepository(db: Queryable): TagsRepository {
  return {
    upsertMany: (tags) => writePage(db, UPSERT, tags),
    async list() {
      const rows = await db.all<{ id: string; title: string; status: string | null }>(
        'SELECT id, title, status FROM tags ORDER BY title, id',
      );
      return rows.map((row) =>
        row.status === null ? { id: row.id, title: row.title } : { ...row, status: row.status },
      );
    },
    remove: (ids) => removeByIds(db, 'tags', 'id', ids),
  };
}
