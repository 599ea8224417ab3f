import type { Queryable } from './driver';
import { isCorruptionError } from './storage-error';

export interface IntegrityReport {
  ok: boolean;
  /** SQLite's own descriptions of what is wrong (at most a hundred); empty when ok. */
  problems: string[];
}

export type IntegrityMode = 'quick' | 'full';

const MAX_PROBLEMS = 100;

/**
 * PRAGMA quick_check (page structure, O(file size)) or integrity_check (also every index against
 * its table; slower). `table` limits the check to one table and its indexes. A file too damaged
 * to even run the check reports that as its problem instead of throwing.
 */
export async function checkIntegrity(
  db: Queryable,
  mode: IntegrityMode = 'quick',
  table?: string,
): Promise<IntegrityReport> {
  const pragma = mode === 'quick' ? 'quick_check' : 'integrity_check';
  const argument = table === undefined ? String(MAX_PROBLEMS) : assertIdentifier(table);
  try {
    const rows = await db.all<Record<string, string>>(`PRAGMA ${pragma}(${argument})`);
    const messages = rows.map((row) => String(Object.values(row)[0]));
    const ok = messages.length === 1 && messages[0] === 'ok';
    return { ok, problems: ok ? [] : messages };
  } catch (error) {
    if (isCorruptionError(error)) return { ok: false, problems: [error.message] };
    throw error;
  }
}

function assertIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Not a table name: ${name}`);
  return name;
}
