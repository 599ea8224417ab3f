import { DateTime, IANAZone } from 'luxon';
import { fastWallClockToUtcIso } from './wall-clock';

/**
 * Times every provider sends, read one way: text with an offset or `Z` is that moment; text
 * without a zone is wall-clock time in the account's zone (never the machine's: `new Date("2020-11-11 12:08:13")`
 * would read it in whatever zone the agent's computer is set to). The result is UTC ISO-8601.
 * Provider adapters add their own spellings on top (Hot Prospector's "(PST)" labels,
 * Callingly's "06/13/24 3:48pm MST").
 */

/** US zone abbreviations providers print after a time, as the IANA zone they stand for. */
export const US_ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PT: 'America/Los_Angeles',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  UTC: 'UTC',
  GMT: 'UTC',
};

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Today's date (YYYY-MM-DD) in a zone: "today" for an account is the account's day. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now).setZone(zone).toFormat('yyyy-MM-dd');
}

export function toUtcIso(value: DateTime): string | null {
  return value.isValid ? value.toUTC().toISO() : null;
}

/**
 * SQL (`2026-06-23 10:30:00`, `2026-06-23`) and ISO-8601 text (`2026-06-23T10:30:00+0000`,
 * with or without a colon in the offset, fractions optional); an offset in the text wins over
 * `zone`. Null when the text is neither.
 */
export function wallClockToUtcIso(text: string, zone: string): string | null {
  const clock = text.trim();
  if (clock === '') return null;
  const fast = fastWallClockToUtcIso(clock, zone);
  if (fast !== undefined) return fast;
  const sql = DateTime.fromSQL(clock, { zone });
  if (sql.isValid) return toUtcIso(sql);
  // Luxon's ISO reader takes "+00:00" and "+0000" alike.
  const iso = DateTime.fromISO(clock.replace(' ', 'T'), { zone });
  if (iso.isValid) return toUtcIso(iso);
  return null;
}

/** Text in one of `formats` (Luxon tokens, en-US), read in `zone`; null when none fits. */
export function formattedToUtcIso(text: string, formats: readonly string[], zone: string): string | null {
  for (const format of formats) {
    const parsed = DateTime.fromFormat(text.trim(), format, { zone, locale: 'en-US' });
    if (parsed.isValid) return toUtcIso(parsed);
  }
  return null;
}
