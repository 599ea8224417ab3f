import { CallsideError } from '../../../shared/errors';

/**
 * Hipcall's answers read defensively: every value is provider text, so each field is checked
 * for the type it must have and a row that cannot be read fails as `malformed` naming the
 * endpoint, never a TypeError deep in the sync.
 */

export type Row = Record<string, unknown>;

export function malformed(endpoint: string, what: string): CallsideError {
  return new CallsideError('malformed', `Hipcall answered ${endpoint} with ${what}.`);
}

export function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ data: [...], links: { next } }` in either Laravel flavour; only `data` and `links.next` are trusted. */
export function readPage(body: unknown, endpoint: string): { rows: Row[]; next: string | null } {
  if (!isRow(body) || !Array.isArray(body.data)) throw malformed(endpoint, 'no list of data');
  const rows = body.data.filter(isRow);
  const links = isRow(body.links) ? body.links : {};
  const next = typeof links.next === 'string' && links.next.trim() !== '' ? links.next : null;
  return { rows, next };
}

export function readSingle(body: unknown, endpoint: string): Row {
  if (!isRow(body) || !isRow(body.data)) throw malformed(endpoint, 'no data object');
  return body.data;
}

/** Ids arrive as numbers (and, in newer SDK fixtures, numeric strings); 0 and absent mean "none". */
export function positiveId(value: unknown): string | null {
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? String(n) : null;
}

export function int(value: unknown): number | null {
  const n = typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : null;
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

const OFFSET_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * `2023-03-31T08:41:58+0000`: the offset has no colon, which `new Date` happens to accept in
 * V8 but no standard promises, so it is read by hand. `Z` and `+00:00` are taken too. A time
 * without an offset is refused: Hipcall always sends one, and guessing a zone would move calls.
 */
export function parseHipcallTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = OFFSET_TIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMin = 0;
  if (zone && zone !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 14 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
  }
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMin * 60_000;
  const date = new Date(utc);
  // Date.UTC rolls 31 February over into March: such a time is not a time.
  const local = new Date(Date.UTC(year, month - 1, day));
  if (local.getUTCDate() !== day) return null;
  return date.toISOString();
}
