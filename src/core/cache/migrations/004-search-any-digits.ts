import type { Queryable } from '../driver';
import { leadSearchText } from '../search-document';
import type { Migration } from './migration';

/**
 * Search as agents search: any run of three or more digits of a phone ("5803", the "986" of
 * (305) 986-5803) and names typed without their punctuation ("dandre" for D'Andre).
 *
 * Digits go to their own trigram table: a trigram index answers a substring query from the
 * index (one posting list per three digits), where a LIKE '%986%' would read every lead per
 * keystroke. Only phone digits go there, so it stays small (about nine trigrams per phone) and
 * the word index keeps its prefix indexes for letters. Keyed by leads.key like lead_search.
 *
 * Both indexes are rebuilt from the leads table, which holds every indexed field: nothing is
 * lost, and entries of the old shape do not linger.
 */
const SCHEMA = `
CREATE VIRTUAL TABLE lead_digits USING fts5 (
  digits,
  content = '', contentless_delete = 1,
  tokenize = 'trigram'
);
CREATE TRIGGER leads_leave_digits AFTER DELETE ON leads BEGIN
  DELETE FROM lead_digits WHERE rowid = old.key;
END;
INSERT INTO lead_search (lead_search) VALUES ('delete-all');
`;

/** Leads per read-and-write round: bounded memory on a cache of any size. */
const BATCH = 2000;

interface SearchableRow {
  key: number;
  first_name: string;
  last_name: string;
  company: string;
  email: string;
  phone: string;
  mobile: string;
  custom_fields: string;
}

const NEXT_BATCH = `
SELECT key, first_name, last_name, company, email, phone, mobile, custom_fields
FROM leads WHERE key > ? ORDER BY key LIMIT ${BATCH}`;

const INSERT_WORDS = `
INSERT INTO lead_search (rowid, name, company, email, phones, custom)
SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?1)`;

const INSERT_DIGITS = `
INSERT INTO lead_digits (rowid, digits) SELECT value ->> 0, value ->> 6 FROM json_each(?1)`;

async function rebuildSearchIndexes(db: Queryable): Promise<void> {
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = await db.all<SearchableRow>(NEXT_BATCH, [after]);
    const last = rows.at(-1);
    if (!last) return;
    const entries = rows.map((row) => {
      const text = leadSearchText({
        firstName: row.first_name,
        lastName: row.last_name,
        company: row.company,
        email: row.email,
        phone: row.phone,
        mobile: row.mobile,
        customFields: customFields(row.custom_fields),
      });
      return [row.key, text.name, text.company, text.email, text.phones, text.custom, text.digits];
    });
    const json = JSON.stringify(entries);
    await db.run(INSERT_WORDS, [json]);
    await db.run(INSERT_DIGITS, [json]);
    after = last.key;
  }
}

/** A damaged custom_fields value must not stop the upgrade: the lead is indexed without them. */
function customFields(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).map(([name, text]) => [name, String(text ?? '')]));
  } catch {
    return {};
  }
}

export const searchAnyDigits: Migration = {
  version: 4,
  name: 'search-any-digits',
  up: async (db) => {
    await db.exec(SCHEMA);
    await rebuildSearchIndexes(db);
  },
};
