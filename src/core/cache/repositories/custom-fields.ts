import type { CustomField } from '../../../shared/domain';
import type { Queryable } from '../driver';

export interface CustomFieldsRepository {
  /** The provider's full list of field definitions, in its order. Lead values are not touched. */
  replaceAll(fields: readonly CustomField[]): Promise<number>;
  list(): Promise<CustomField[]>;
}

const INSERT = `
INSERT INTO custom_fields (name, type, built_in, position)
SELECT value ->> 'name', value ->> 'type', value ->> 'builtIn', key FROM json_each(?1) WHERE true
ON CONFLICT (name) DO UPDATE SET type = excluded.type, built_in = excluded.built_in, position = excluded.position`;

export function createCustomFieldsRepository(db: Queryable): CustomFieldsRepository {
  return {
    replaceAll: (fields) =>
      db.transaction(async (tx) => {
        await tx.run('DELETE FROM custom_fields');
        const rows = fields.map((field) => ({ ...field, builtIn: field.builtIn ? 1 : 0 }));
        if (rows.length > 0) await tx.run(INSERT, [JSON.stringify(rows)]);
        return rows.length;
      }),
    async list() {
      const rows = await db.all<{ name: string; type: string | null; built_in: number }>(
        'SELECT name, type, built_in FROM custom_fields ORDER BY position, name',
      );
      return rows.map((row) => ({ name: row.name, type: row.type, builtIn: row.built_in === 1 }));
    },
  };
}
