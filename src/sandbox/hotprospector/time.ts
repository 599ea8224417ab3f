import { DateTime } from 'luxon';

/**
 * Wall-clock conversions for the simulated account. Hot Prospector sends zone-less times in the
 * account's zone (America/Los_Angeles by default) and reads Y-m-d filters in that zone too, so
 * every date boundary the sandbox draws goes through here.
 */

const DAY_MS = 86_400_000;
/** Month names and AM/PM must not follow the machine's locale: the provider prints English. */
const LOCALE = 'en-US';

function local(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone, locale: LOCALE });
}
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms of local midnight starting the given Y-m-d, or null when the text is not a date. */
export function startOfLocalDay(ymd: string, zone: string): number | null {
  const match = YMD.exec(ymd.trim());
  if (!match) return null;
  const dt = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, { zone });
  return dt.isValid ? dt.toMillis() : null;
}

/** Epoch ms of local midnight ending the given Y-m-d (exclusive), or null. */
export function endOfLocalDay(ymd: string, zone: string): number | null {
  const start = startOfLocalDay(ymd, zone);
  if (start === null) return null;
  return DateTime.fromMillis(start, { zone }).plus({ days: 1 }).toMillis();
}

/** The local Y-m-d containing the instant. */
export function localYmd(ms: number, zone: string): string {
  return local(ms, zone).toFormat('yyyy-MM-dd');
}

/** Whole local days from a to b (b - a), DST-safe. */
export function daysBetween(aYmd: string, bYmd: string): number | null {
  const a = startOfLocalDay(aYmd, 'UTC');
  const b = startOfLocalDay(bYmd, 'UTC');
  if (a === null || b === null) return null;
  return Math.round((b - a) / DAY_MS);
}

/** Adds days to a Y-m-d. */
export function shiftYmd(ymd: string, days: number): string {
  const start = startOfLocalDay(ymd, 'UTC');
  if (start === null) throw new Error(`not a date: ${ymd}`);
  return DateTime.fromMillis(start + days * DAY_MS, { zone: 'UTC' }).toFormat('yyyy-MM-dd');
}

/**
 * Local midnights for the `days` days ending with the day containing `now`: index 0 is today.
 * Precomputed once so the generator can place 500k events without a zone lookup each.
 */
export function localMidnights(now: number, days: number, zone: string): number[] {
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  const out: number[] = [];
  for (let d = 0; d < days; d++) out.push(today.minus({ days: d }).toMillis());
  return out;
}

/** "Jun 23, 2026 10:30 am": the log timestamp spelling. */
export function formatLogTime(ms: number, zone: string): string {
  const dt = local(ms, zone);
  return `${dt.toFormat('LLL d, yyyy h:mm')} ${dt.hour < 12 ? 'am' : 'pm'}`;
}

/** "2026-06-23 10:30:00": PHP's Y-m-d H:i:s, used by notes, members and analytics. */
export function formatSqlTime(ms: number, zone: string): string {
  return local(ms, zone).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** "09:01 AM": first/last call of a dashboard row. */
export function formatClock(ms: number, zone: string): string {
  return local(ms, zone).toFormat('hh:mm a');
}

/**
 * "Jun 23, 2026 12:46 pm (PST)" or "May 15, 2026 12:00 PM (PST)". The zone label is always
 * "(PST)", even in summer: that is what the provider prints.
 */
export function formatLastUpdated(ms: number, zone: string, upperMeridiem: boolean): string {
  const dt = local(ms, zone);
  const meridiem = dt.hour < 12 ? 'am' : 'pm';
  return `${dt.toFormat('LLL d, yyyy hh:mm')} ${upperMeridiem ? meridiem.toUpperCase() : meridiem} (PST)`;
}
