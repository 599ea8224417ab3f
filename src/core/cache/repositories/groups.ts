import type { Group } from '../../../shared/domain';
import type { Queryable } from '../driver';
import { removeByIds, writePage } from './json-page';

export interface GroupsRepository {
  upsertMany(groups: readonly Group[]): Promise<number>;
  list(): Promise<Group[]>;
  /** Memberships stay: leads name their groups themselves and the next lead pull settles them. */
  remove(ids: readonly string[]): Promise<number>;
  /** Lead count per group id (memberships, including groups not in the list yet). */
  memberCounts(): Promise<Map<string, number>>;
}

const UPSERT = `
INSERT INTO groups (id, title) SELECT value ->> 'id', value ->> 'title' FROM json_each(?1) WHERE true
ON CONFLICT (id) DO UPDATE SET title = excluded.title`;

export function createGroupsRepository(db: Queryable): GroupsRepository {
  return {
    upsertMany: (groups) => writePage(db, UPSERT, groups),
    list: () => db.all<Group>('SELECT id, title FROM groups ORDER BY title, id'),
    remove: (ids) => removeByIds(db, 'groups', 'id', ids),
    async memberCounts() {
      const rows = await db.all<{ group_id: string; n: number }>(
        'SELECT group_id, count(*) AS n FROM group_memberships GROUP BY group_id',
      );
      return new Map(rows.map((row) => [row.group_id, row.n]));
    },
  };
}
