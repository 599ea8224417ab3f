import { DateTime, IANAZone } from 'luxon';
import { formattedToUtcIso, US_ZONE_ABBREVIATIONS, wallClockToUtcIso } from '../../../normalize/time';

/**
 * Callingly's time spellings [CL:105, 110, 121]: zone-less SQL ("2020-11-11 12:08:13"), the
 * formatted "11/11/20 12:08pm", and "06/13/24 3:48pm MST" with a zone abbreviation. Zone-less
 * text is the account zone's wall clock; the result is UTC ISO.
 */

const FORMATTED =
  /^(\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?)(?:\s+([A-Za-z]{1,5}|(?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d{2})?))?$/i;
const FORMATS = ['M/d/yy h:mma', 'M/d/yy h:mm a', 'M/d/yyyy h:mma', 'M/d/yyyy h:mm a'] as const;
const OFFSET = /^(?:GMT|UTC)\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

function fixedZone(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

/**
 * The zone a printed abbreviation means. "MST" is always UTC−7 (Phoenix prints it in June too),
 * "MDT" always UTC−6: an abbreviation that names standard or daylight time is a fixed offset,
 * taken from its zone in the shared table. "GMT+2" is that offset. Unknown: the account zone.
 */
export function zoneOfAbbreviation(abbreviation: string, accountZone: string): string {
  const offset = OFFSET.exec(abbreviation);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    return fixedZone(offset[1] === '-' ? -minutes : minutes);
  }
  const upper = abbreviation.toUpperCase();
  const zone = US_ZONE_ABBREVIATIONS[upper];
  if (zone === undefined) return accountZone;
  if (!/[SD]T$/.test(upper) || zone === 'UTC') return zone;
  const iana = IANAZone.create(zone);
  const january = iana.offset(Date.UTC(2024, 0, 15));
  const july = iana.offset(Date.UTC(2024, 6, 15));
  return fixedZone(upper.endsWith('DT') ? Math.max(january, july) : Math.min(january, july));
}

/** UTC ISO, or null when the text is none of Callingly's spellings. */
export function readCallinglyTime(text: string, accountZone: string): string | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return null;
  const formatted = FORMATTED.exec(trimmed);
  if (formatted) {
    const zone = formatted[2] === undefined ? accountZone : zoneOfAbbreviation(formatted[2], accountZone);
    const clock = (formatted[1] ?? '').replace(/\./g, '');
    return formattedToUtcIso(clock, FORMATS, zone);
  }
  return wallClockToUtcIso(trimmed, accountZone);
}

/** A UTC ISO instant as the "YYYY-MM-DD HH:MM:SS" wall clock of the account zone (request bodies [CL:91]); null if unreadable. */
export function toAccountWallClock(iso: string, accountZone: string): string | null {
  const at = DateTime.fromISO(iso.trim(), { setZone: true });
  if (!at.isValid || !/(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso.trim())) return null;
  return at.setZone(accountZone).toFormat('yyyy-MM-dd HH:mm:ss');
}
