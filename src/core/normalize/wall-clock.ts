import { Info, Settings, type Zone } from 'luxon';

/**
 * The fast path of parseHpDateTime for the two spellings a sync reads by the hundred thousand:
 * the logs' "Sep 23, 2026 6:00 am" (also "… 6:00:15 am") and SQL's "2026-06-23 10:30:00".
 * Luxon reads those too, but finds the zone's offset through Intl once or twice per parse; here
 * a regex and a month table read the wall clock, and the offset comes from a cache keyed by
 * (zone, provisional offset, local date-hour), filled from Luxon's own zone once per key.
 *
 * The answer must be Luxon's, to the millisecond, including for the hour that repeats when
 * clocks go back and the hour that does not exist when they go forward. Luxon resolves a local
 * time by guessing an offset (the zone's offset *now*: the "provisional" one) and correcting it
 * (`fixOffset` in luxon/src/datetime.js):
 *   o2 = offset(local - o); if o2 = o → o; o3 = offset(local - o2); if o3 = o2 → o2; else a gap.
 * So a repeated hour resolves to whichever of its two offsets the zone has today. A cached hour
 * is therefore only used when the zone's offset is one constant value over every instant that
 * computation can look at for any second of that hour, i.e. over
 * [hourStart − max(off, o), hourEnd − min(off, o)]: then both guesses land on that value and
 * Luxon's answer is that offset for the whole hour. Hours near a transition (repeated, skipped,
 * or merely within |off − o| of one) are cached as "not uniform" and left to Luxon, as is
 * anything the regexes do not take (other spellings, out-of-range fields, far years).
 *
 * Constancy over the window is checked by sampling it every 30 minutes and at both ends, which
 * is exact unless a zone changes offset and changes back within 30 minutes (no tzdb zone does).
 * The provisional offset is read once per minute of the clock (checked at both ends of that
 * minute; if they differ, on every call), so the cache follows Luxon across a DST change of
 * "now" too: when it changes, the zone's hours are dropped and recomputed.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const SAMPLE_STEP_MS = 30 * MINUTE_MS;
/** Beyond this spread between today's and that hour's offset, the window is wide: leave it to Luxon. */
const MAX_OFFSET_SPREAD_MIN = 180;
/** Hours cached per zone before the zone's cache starts over (~8,800 hours a year). */
const HOURS_PER_ZONE_LIMIT = 100_000;
const ZONES_LIMIT = 64;

/** Years the fast path takes; Luxon handles the rest (two-digit years, LMT offsets, …). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const LOG_SPELLING = /^([A-Za-z]{3}) (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))? ([AaPp][Mm])$/;
const SQL_SPELLING = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Luxon's en-US short month names ("LLL"), which it matches without regard to case. */
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

interface ZoneState {
  readonly zone: Zone;
  /** The clock minute `provisional` was read for; NaN: not read yet. */
  minute: number;
  provisional: number;
  /** The provisional offset the cached hours were computed with. */
  hoursFor: number;
  /** Local hour start (ms, as if UTC) → the hour's offset in minutes, or null: ask Luxon. */
  readonly hours: Map<number, number | null>;
}

const zones = new Map<string, ZoneState | null>();

/**
 * The UTC ISO-8601 text Luxon would give for `clock` read in `zoneName`, or undefined when
 * this path does not take the text (the caller then asks Luxon).
 */
export function fastWallClockToUtcIso(clock: string, zoneName: string): string | undefined {
  const fields = readWallClock(clock);
  if (!fields) return undefined;
  const state = zoneState(zoneName);
  if (!state) return undefined;
  const [year, month, day, hour, minute, second] = fields;
  const hourStart = Date.UTC(year, month - 1, day, hour);
  const offset = hourOffset(state, hourStart);
  if (offset === null) return undefined;
  return new Date(hourStart + minute * MINUTE_MS + second * 1000 - offset * MINUTE_MS).toISOString();
}

type WallClock = [year: number, month: number, day: number, hour: number, minute: number, second: number];

/** The fields of a log or SQL spelling, all in range; undefined for anything else. */
function readWallClock(clock: string): WallClock | undefined {
  let fields: WallClock;
  const log = LOG_SPELLING.exec(clock);
  if (log) {
    const month = MONTHS[(log[1] ?? '').toLowerCase()];
    const hour12 = Number(log[4]);
    if (month === undefined || hour12 < 1 || hour12 > 12) return undefined;
    const pm = (log[7] ?? '').toLowerCase() === 'pm';
    const hour = (hour12 % 12) + (pm ? 12 : 0);
    fields = [Number(log[3]), month, Number(log[2]), hour, Number(log[5]), Number(log[6] ?? '0')];
  } else {
    const sql = SQL_SPELLING.exec(clock);
    if (!sql) return undefined;
    fields = [Number(sql[1]), Number(sql[2]), Number(sql[3]), Number(sql[4]), Number(sql[5]), Number(sql[6])];
  }
  const [year, month, day, hour, minute, second] = fields;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return fields;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** IANA and fixed-offset zones only: "local"/"default" follow settings that may change. */
function zoneState(name: string): ZoneState | null {
  const known = zones.get(name);
  if (known !== undefined) return refreshProvisional(known);
  const lowered = name.toLowerCase();
  const zone = ['default', 'local', 'system'].includes(lowered) ? null : Info.normalizeZone(name);
  const state: ZoneState | null =
    zone && zone.isValid && (zone.type === 'iana' || zone.type === 'fixed')
      ? { zone, minute: Number.NaN, provisional: Number.NaN, hoursFor: Number.NaN, hours: new Map() }
      : null;
  if (zones.size >= ZONES_LIMIT) zones.clear();
  zones.set(name, state);
  return refreshProvisional(state);
}

/** The zone's offset now, as Luxon's fromObject reads it (Settings.now(), so tests can pin it). */
function refreshProvisional(state: ZoneState | null): ZoneState | null {
  if (!state) return null;
  const now = Settings.now();
  const minute = Math.floor(now / MINUTE_MS);
  if (minute !== state.minute) {
    const start = state.zone.offset(minute * MINUTE_MS);
    const end = state.zone.offset(minute * MINUTE_MS + MINUTE_MS - 1);
    // A minute in which the offset changes is not cached: read it at the exact instant.
    state.minute = start === end ? minute : Number.NaN;
    state.provisional = start === end ? start : state.zone.offset(now);
  }
  if (state.provisional !== state.hoursFor) {
    state.hours.clear();
    state.hoursFor = state.provisional;
  }
  return state;
}

function hourOffset(state: ZoneState, hourStart: number): number | null {
  const cached = state.hours.get(hourStart);
  if (cached !== undefined) return cached;
  const offset = uniformOffset(state.zone, hourStart, state.provisional);
  if (state.hours.size >= HOURS_PER_ZONE_LIMIT) state.hours.clear();
  state.hours.set(hourStart, offset);
  return offset;
}

/**
 * The offset every second of the local hour starting at `hourStart` gets from Luxon given
 * provisional offset `o`, when it is the same for the whole hour; null otherwise.
 */
function uniformOffset(zone: Zone, hourStart: number, o: number): number | null {
  if (!Number.isInteger(o)) return null;
  const first = zone.offset(hourStart - o * MINUTE_MS);
  if (!Number.isInteger(first) || Math.abs(first - o) > MAX_OFFSET_SPREAD_MIN) return null;
  // Seconds are the finest unit the spellings carry: the last second starts 1 s before the hour ends.
  const from = hourStart - Math.max(first, o) * MINUTE_MS;
  const to = hourStart + HOUR_MS - 1000 - Math.min(first, o) * MINUTE_MS;
  for (let at = from; at < to; at += SAMPLE_STEP_MS) {
    if (zone.offset(at) !== first) return null;
  }
  return zone.offset(to) === first ? first : null;
}

/** For tests: forget cached zones and hours. */
export function resetWallClockCache(): void {
  zones.clear();
}
