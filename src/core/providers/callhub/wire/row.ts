import { CallsideError } from '../../../../shared/errors';

/** A broken answer: names CallHub, the endpoint and the problem, never a value (provider text is untrusted). */
export function malformed(endpoint: string, problem: string): CallsideError {
  return new CallsideError('malformed', `CallHub's answer to ${endpoint} could not be read: ${problem}.`);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One page of a list: its rows and the DRF `next` link (null on the last page or a bare array). */
export interface ListPage {
  rows: Record<string, unknown>[];
  next: string | null;
}

/**
 * The doc gives no paging; CallHub's DRF answers `{count, next, previous, results}` and some
 * deployments a bare array [providers.md 2.2]. Anything else is `malformed`: a guess at an
 * unknown shape could silently read an empty account.
 */
export function readListPage(body: unknown, endpoint: string): ListPage {
  const rows = Array.isArray(body) ? body : isPlainObject(body) && Array.isArray(body.results) ? body.results : null;
  if (rows === null) throw malformed(endpoint, 'neither a list nor a page of results');
  if (!rows.every(isPlainObject)) throw malformed(endpoint, 'a list entry is not an object');
  const next = isPlainObject(body) ? body.next : null;
  if (next !== undefined && next !== null && typeof next !== 'string') throw malformed(endpoint, 'next is not a link');
  return { rows, next: typeof next === 'string' && next.trim() !== '' ? next.trim() : null };
}

/** Text as sent, trimmed; numbers become text; missing, null and non-text become "". */
export function text(row: Record<string, unknown>, key: string): string {
  const value = row[key];
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** `user.first_name` may be a nested object's key or a flat key with a dot in it [providers.md 2.6 #7]. */
export function dotted(row: Record<string, unknown>, path: string): string {
  const flat = text(row, path);
  if (flat !== '') return flat;
  const [head, ...rest] = path.split('.');
  const inner = head === undefined ? undefined : row[head];
  return isPlainObject(inner) && rest.length > 0 ? dotted(inner, rest.join('.')) : '';
}
