import type { SqlValue } from '../driver';
import { toDigitQuery, toFtsQuery } from '../fts-query';
import { LEAD_COLUMNS } from './lead-rows';

export type LeadOrder = 'queue' | 'name';

export interface LeadListQuery {
  groupId?: string;
  /** A tag id or an exact tag title. */
  tag?: string;
  /**
   * Free text: prefix match on any word of name, company, email, phone digits, custom values;
   * digits alone (3+) also match anywhere inside a phone; the exact lead id matches too.
   */
  search?: string;
  /**
   * 'queue' (default, indexed): never-called leads first, newest first; then the
   * longest-untouched. 'name': accent-free first + last name (sorted on demand, see the schema).
   */
  order?: LeadOrder;
  limit?: number;
  offset?: number;
}

export const DEFAULT_LEAD_LIMIT = 100;

/**
 * What a queue row shows beyond the lead: when it was last touched and how many calls it has
 * had. Computed for the page's rows only (at most a few hundred); the count reads the lead's
 * own range of the activities timeline index, not the table.
 */
const QUEUE_COLUMNS = `l.last_touch_ms,
  (SELECT count(*) FROM activities a WHERE a.lead_id = l.id AND a.kind = 'call') AS call_count`;
const MAX_LEAD_LIMIT = 10_000;
/**
 * A search ranks at most this many matching leads (in the order the index finds them) by the
 * requested order. Sorting every match of a one-letter prefix over 100k leads would cost tens
 * of milliseconds per keystroke; past this many matches the agent types another letter anyway.
 */
export const MAX_SEARCH_CANDIDATES = 1000;

const ORDER_COLUMNS: Record<LeadOrder, string[]> = {
  queue: ['queue_group', 'queue_rank', 'id'],
  name: ['sort_name', 'id'],
};

/**
 * Builds the list statement from fixed fragments (the statement cache sees at most a dozen
 * shapes). Two stages: pick the page's keys first, then build whole leads (tags, groups) for
 * those rows only; SQLite would otherwise compute every column of every match before sorting.
 * null: the search text has nothing searchable in it, which matches no lead.
 */
export function buildLeadListQuery(query: LeadListQuery): { sql: string; params: SqlValue[] } | null {
  const params: SqlValue[] = [];
  const filters: string[] = [];
  const search = query.search?.trim();
  let hits: string | null = null;
  if (search) {
    const match = toFtsQuery(search);
    if (match === null) return null;
    // An exact lead id first, so it is always among the candidates; then any run of digits in a
    // phone (trigram index); then word prefixes. UNION ALL streams (a UNION would collect every
    // hit of a one-letter prefix before the candidate limit); duplicates go in the page stage.
    const branches = ['SELECT key AS rowid FROM leads WHERE id = ?'];
    params.push(search);
    const digits = toDigitQuery(search);
    if (digits !== null) {
      branches.push('SELECT rowid FROM lead_digits WHERE lead_digits MATCH ?');
      params.push(digits);
    }
    branches.push('SELECT rowid FROM lead_search WHERE lead_search MATCH ?');
    params.push(match);
    hits = branches.join(' UNION ALL ');
  }
  if (query.groupId !== undefined) {
    filters.push('l.id IN (SELECT gm.lead_id FROM group_memberships gm WHERE gm.group_id = ?)');
    params.push(query.groupId);
  }
  if (query.tag !== undefined) {
    filters.push(
      'l.id IN (SELECT lt.lead_id FROM lead_tags lt WHERE lt.tag_id IN (SELECT t.id FROM tags t WHERE t.id = ? OR t.title = ?))',
    );
    params.push(query.tag, query.tag);
  }
  const where = filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : '';
  const orderName = query.order ?? 'queue';
  const order = ORDER_COLUMNS[orderName];
  const orderBy = (table: string) => order.map((column) => `${table}.${column}`).join(', ');

  // CROSS JOIN keeps the search hits as the outer loop: walking the name or queue index and
  // probing the hits would read every lead when the hits are few.
  // By name, the candidates' sort keys come from a narrow covering index (see the schema);
  // SQLite would otherwise always go to the wide lead rows by their integer key.
  const candidateSource = orderName === 'name' ? 'leads l INDEXED BY leads_search_candidates' : 'leads l';
  const candidates = hits
    ? `SELECT l.key, ${orderBy('l')} FROM (${hits}) AS s CROSS JOIN ${candidateSource} ON l.key = s.rowid ${where} LIMIT ${MAX_SEARCH_CANDIDATES}`
    : null;
  // A lead found by its digits and its words is one candidate, listed once.
  const page = candidates
    ? `SELECT DISTINCT c.key, ${orderBy('c')} FROM (${candidates}) AS c ORDER BY ${orderBy('c')} LIMIT ? OFFSET ?`
    : `SELECT l.key FROM leads l ${where} ORDER BY ${orderBy('l')} LIMIT ? OFFSET ?`;
  params.push(clampLimit(query.limit), Math.max(0, Math.floor(query.offset ?? 0)));
  const sql = `SELECT ${LEAD_COLUMNS}, ${QUEUE_COLUMNS} FROM (${page}) AS page CROSS JOIN leads l ON l.key = page.key ORDER BY ${orderBy('l')}`;
  return { sql, params };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LEAD_LIMIT;
  return Math.min(MAX_LEAD_LIMIT, Math.max(0, Math.floor(limit)));
}
