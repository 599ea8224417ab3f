import type { Queryable } from '../driver';

/** Runs one `… FROM json_each(?1) …` statement over a list: one statement however long the list. */
export async function writePage<T>(db: Queryable, sql: string, items: readonly T[]): Promise<number> {
  if (items.length === 0) return 0;
  await db.run(sql, [JSON.stringify(items)]);
  return items.length;
}

export async function removeByIds(db: Queryable, table: string, key: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.run(`DELETE FROM ${table} WHERE ${key} IN (SELECT value FROM json_each(?))`, [
    JSON.stringify(ids),
  ]);
  return result.changes;
}
