import type { Member } from '../../../shared/domain';
import type { Queryable } from '../driver';
import { removeByIds, writePage } from './json-page';

/** The team's agents. */
export interface MembersRepository {
  upsertMany(members: readonly Member[]): Promise<number>;
  list(): Promise<Member[]>;
  get(id: string): Promise<Member | null>;
  remove(ids: readonly string[]): Promise<number>;
}

const UPSERT = `
INSERT INTO members (id, first_name, last_name, email, status, time_zone, direct_number)
SELECT value ->> 'id', value ->> 'firstName', value ->> 'lastName', value ->> 'email', value ->> 'status',
       value ->> 'timeZone', value ->> 'directNumber'
FROM json_each(?1) WHERE true
ON CONFLICT (id) DO UPDATE SET
  first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
  status = excluded.status, time_zone = excluded.time_zone, direct_number = excluded.direct_number`;

const COLUMNS = `id, first_name AS firstName, last_name AS lastName, email, status, time_zone AS timeZone,
  direct_number AS directNumber`;

export function createMembersRepository(db: Queryable): MembersRepository {
  return {
    upsertMany: (members) => writePage(db, UPSERT, members),
    list: () => db.all<Member>(`SELECT ${COLUMNS} FROM members ORDER BY first_name, last_name, id`),
    async get(id) {
      return (await db.get<Member>(`SELECT ${COLUMNS} FROM members WHERE id = ?`, [id])) ?? null;
    },
    remove: (ids) => removeByIds(db, 'members', 'id', ids),
  };
}
