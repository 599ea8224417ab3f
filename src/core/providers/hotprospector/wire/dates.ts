import { DateTime } from 'luxon';
import { WireValueError } from './errors';
import { fastWallClockToUtcIso } from '../../../normalize/wall-clock';
import { US_ZONE_ABBREVIATIONS } from '../../../normalize/time';

export { isValidTimeZone, todayIn } from '../../../normalize/time';

/**
 * Hot Prospector prints times as wall-clock text without a zone ("Jun 23, 2026 10:30 am",
 * "2026-06-23 10:30:00"); those are read in the account's time zone (America/Los_Angeles
 * unless the account says otherwise). A trailing label such as "(PST)" names the zone the
 * server used, so a known label wins over the account setting; PST and PDT both mean Pacific
 * wall-clock time, because the server prints "(PST)" in summer too. The result is UTC ISO-8601.
 */
const WALL_CLOCK_FORMATS = [
  'LLL d, yyyy h:mm a',
  'LLL d, yyyy h:mm:ss a',
  'LLLL d, yyyy h:mm a',
  'LLL d, yyyy',
  'MM/dd/yyyy h:mm a',
  'MM/dd/yyyy HH:mm:ss',
  'MM/dd/yyyy',
];

const TIME_OF_DAY_FORMATS = ['h:mm a', 'h:mm:ss a', 'H:mm', 'H:mm:ss'];

/** MySQL's "no date" values and empty text mean the server has no time for this record. */
function isEmptyDate(text: string): boolean {
  return text === '' || /^0000-00-00/.test(text);
}

function splitZoneLabel(text: string, accountZone: string): { clock: string; zone: string } {
  const match = /^(.*?)\s*\(([A-Za-z]{2,4})\)$/.exec(text);
  if (!match) return { clock: text, zone: accountZone };
  const labelZone = US_ZONE_ABBREVIATIONS[(match[2] ?? '').toUpperCase()];
  return { clock: match[1] ?? '', zone: labelZone ?? accountZone };
}

function toUtcIso(value: DateTime): string {
  const iso = value.toUTC().toISO();
  if (iso === null) throw new WireValueError('a date and time');
  return iso;
}

/** Reads any documented date-time spelling; `null` for empty. Throws WireValueError otherwise. */
export function parseHpDateTime(value: unknown, accountZone: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new WireValueError('a date and time');
  const text = value.trim();
  if (isEmptyDate(text)) return null;
  const { clock, zone } = splitZoneLabel(text, accountZone);

  // The log and SQL spellings without Luxon (same answer, a fraction of the time): see wall-clock.ts.
  const fast = fastWallClockToUtcIso(clock, zone);
  if (fast !== undefined) return fast;

  // "2026-06-23 10:30:00", "2026-06-23", and ISO text; an explicit offset in the text wins.
  const sql = DateTime.fromSQL(clock, { zone });
  if (sql.isValid) return toUtcIso(sql);
  const iso = DateTime.fromISO(clock, { zone });
  if (iso.isValid) return toUtcIso(iso);
  for (const format of WALL_CLOCK_FORMATS) {
    const parsed = DateTime.fromFormat(clock, format, { zone, locale: 'en-US' });
    if (parsed.isValid) return toUtcIso(parsed);
  }
  throw new WireValueError('a date and time');
}

/**
 * The dashboard gives first/last call as a time of day ("09:01 AM") next to the report's date
 * ("2026-06-23"); together they are one moment in the account's zone.
 */
export function parseTimeOnDate(date: string, value: unknown, accountZone: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new WireValueError('a time of day');
  const text = value.trim();
  // Agents without calls show a dash or N/A instead of a time.
  if (['', '-', '--', 'n/a', 'na'].includes(text.toLowerCase())) return null;
  const { clock, zone } = splitZoneLabel(text, accountZone);
  for (const format of TIME_OF_DAY_FORMATS) {
    const parsed = DateTime.fromFormat(`${date} ${clock}`, `yyyy-MM-dd ${format}`, { zone, locale: 'en-US' });
    if (parsed.isValid) return toUtcIso(parsed);
  }
  throw new WireValueError('a time of day');
}
