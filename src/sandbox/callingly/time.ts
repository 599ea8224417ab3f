import { DateTime } from 'luxon';

/**
 * Callingly's four ways of writing a time, all on the account zone's wall clock: zone-less SQL
 * times, `time_formatted`, `scheduled_call_at` with a zone abbreviation, and Y-m-d filters.
 * English month and meridiem whatever the machine's locale: the provider prints English.
 */

const LOCALE = 'en-US';
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const SQL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function local(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone, locale: LOCALE });
}

/** "2020-11-11 12:08:13" */
export function sqlTime(ms: number, zone: string): string {
  return local(ms, zone).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** "11/11/20 12:08pm" */
export function timeFormatted(ms: number, zone: string): string {
  const dt = local(ms, zone);
  return `${dt.toFormat('MM/dd/yy h:mm')}${dt.hour < 12 ? 'am' : 'pm'}`;
}

/** "06/13/24 3:48pm MST": the zone's short name at that instant ("GMT+2" where there is none). */
export function scheduledFormatted(ms: number, zone: string): string {
  return `${timeFormatted(ms, zone)} ${local(ms, zone).toFormat('ZZZZ')}`;
}

/** Epoch ms of local midnight starting a Y-m-d, or null when the text is not a date. */
export function startOfLocalDay(ymd: string, zone: string): number | null {
  const match = YMD.exec(ymd.trim());
  if (!match) return null;
  const dt = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, { zone });
  return dt.isValid ? dt.toMillis() : null;
}

/** Epoch ms of local midnight ending a Y-m-d (exclusive): `end` filters are inclusive dates. */
export function endOfLocalDay(ymd: string, zone: string): number | null {
  const start = startOfLocalDay(ymd, zone);
  return start === null ? null : DateTime.fromMillis(start, { zone }).plus({ days: 1 }).toMillis();
}

/** Epoch ms of a zone-less "Y-m-d H:i:s" read in the zone, or null. */
export function parseSqlTime(text: string, zone: string): number | null {
  const m = SQL.exec(text.trim());
  if (!m) return null;
  const dt = DateTime.fromObject(
    {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4]),
      minute: Number(m[5]),
      second: Number(m[6]),
    },
    { zone },
  );
  return dt.isValid ? dt.toMillis() : null;
}

/** Local midnight of the day containing the instant. */
export function localMidnight(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).startOf('day').toMillis();
}

/** Local midnight `days` days before the one containing the instant (DST-safe). */
export function midnightDaysBefore(ms: number, days: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).startOf('day').minus({ days }).toMillis();
}

/** Minutes past local midnight and ISO weekday (0 = Sunday) at the instant. */
export function localClock(ms: number, zone: string): { minutes: number; weekday: number } {
  const dt = local(ms, zone);
  return { minutes: dt.hour * 60 + dt.minute, weekday: dt.weekday % 7 };
}

/** "37s", "2m 5s", "1h 2m 5s" */
export function durationText(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${m}m ${s}s`;
  if (m > 0) return `${m}m ${s}s`;
  return `${s}s`;
}
