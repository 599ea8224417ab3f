import { DateTime, Info, Settings } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHpDateTime } from '../../../src/core/providers/hotprospector/wire/dates';
import { fastWallClockToUtcIso, resetWallClockCache } from '../../../src/core/normalize/wall-clock';
import { LA } from './support/fixtures';

/**
 * The wall-clock fast path must give Luxon's answer exactly: random times over many years and
 * every minute around each DST transition of five zones (three more with odd offsets), with
 * "now" pinned in winter and in summer, because Luxon resolves a repeated hour by today's offset.
 */

const ZONES = ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Australia/Sydney', 'UTC'];
/** Half-hour DST (Lord Howe), a :30 offset (St John's, DST at 23:59 local until 2011), a :45 offset. */
const ODD_ZONES = ['Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kathmandu'];
/** Years whose transitions are swept minute by minute (the random sweep covers 2005–2037). */
const YEARS = [2007, 2011, 2020, 2024, 2025, 2026, 2027, 2037];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WALL_CLOCK_FORMATS = ['LLL d, yyyy h:mm a', 'LLL d, yyyy h:mm:ss a'];

/** What parseHpDateTime did before the fast path: Luxon alone. */
function luxon(clock: string, zone: string): string | null {
  const sql = DateTime.fromSQL(clock, { zone });
  if (sql.isValid) return sql.toUTC().toISO();
  for (const format of WALL_CLOCK_FORMATS) {
    const parsed = DateTime.fromFormat(clock, format, { zone, locale: 'en-US' });
    if (parsed.isValid) return parsed.toUTC().toISO();
  }
  return null;
}

/** mulberry32: a small seeded generator, so a failure names a case that can be run again. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Local {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function logSpelling(t: Local, variant: number): string {
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  let month = MONTHS[t.month - 1] ?? '';
  let meridiem = t.hour < 12 ? 'am' : 'pm';
  if (variant % 3 === 1) meridiem = meridiem.toUpperCase();
  if (variant % 5 === 2) month = month.toLowerCase();
  const day = variant % 7 === 3 ? pad(t.day) : String(t.day);
  const hour = variant % 11 === 4 ? pad(hour12) : String(hour12);
  const seconds = variant % 4 === 0 ? `:${pad(t.second)}` : '';
  return `${month} ${day}, ${t.year} ${hour}:${pad(t.minute)}${seconds} ${meridiem}`;
}

function sqlSpelling(t: Local): string {
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

/** Local wall-clock fields of a UTC instant read as if it were local time. */
function localFields(ms: number): Local {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** UTC instants where `zone` changes offset during `year`. */
function transitions(zone: string, year: number): number[] {
  const z = Info.normalizeZone(zone);
  const found: number[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  const step = 6 * 3_600_000;
  for (let at = Date.UTC(year, 0, 1); at < end; at += step) {
    if (z.offset(at) === z.offset(at + step)) continue;
    let lo = at;
    let hi = at + step;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (z.offset(mid) === z.offset(lo)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

/**
 * Local wall-clock instants (as-if-UTC ms) around each transition's local time before and after
 * it: every minute within 75 minutes, then every 7 minutes out to 4 hours.
 */
function aroundTransitions(zone: string): number[] {
  const z = Info.normalizeZone(zone);
  const locals: number[] = [];
  for (const year of YEARS) {
    for (const at of transitions(zone, year)) {
      const before = at + z.offset(at - 1) * 60_000;
      const after = at + z.offset(at) * 60_000;
      for (const anchor of [before, after]) {
        for (let minutes = -240; minutes <= 240; minutes += Math.abs(minutes) < 75 ? 1 : 7) {
          locals.push(anchor + minutes * 60_000);
        }
      }
    }
  }
  return locals;
}

function expectSameAsLuxon(clocks: readonly string[], zone: string): { fast: number } {
  let fast = 0;
  const mismatches: string[] = [];
  for (const clock of clocks) {
    const expected = luxon(clock, zone);
    const quick = fastWallClockToUtcIso(clock, zone);
    if (quick !== undefined) {
      fast += 1;
      if (quick !== expected) mismatches.push(`${zone} ${JSON.stringify(clock)}: fast ${quick}, Luxon ${expected}`);
    }
    const parsed = expected === null ? 'throws' : parseHpDateTime(clock, zone);
    if (expected !== null && parsed !== expected) {
      mismatches.push(`${zone} ${JSON.stringify(clock)}: parseHpDateTime ${parsed}, Luxon ${expected}`);
    }
  }
  expect(mismatches.slice(0, 10)).toEqual([]);
  return { fast };
}

/** "Now" in northern winter/southern summer, and the other way round. */
const NOWS = { january: Date.UTC(2026, 0, 15, 12), july: Date.UTC(2026, 6, 15, 12) };

describe('parseHpDateTime fast path (log and SQL spellings)', () => {
  const realNow = Settings.now;
  beforeEach(() => resetWallClockCache());
  afterEach(() => {
    Settings.now = realNow;
    resetWallClockCache();
  });

  it('reads the log and SQL spellings without Luxon and gives the same instants', () => {
    const cases: Array<[string, string, string]> = [
      ['Sep 23, 2026 6:00 am', LA, '2026-09-23T13:00:00.000Z'],
      ['Jun 23, 2026 10:30 am', LA, '2026-06-23T17:30:00.000Z'],
      ['Jun 23, 2026 6:34 pm', LA, '2026-06-24T01:34:00.000Z'],
      ['Jun 23, 2026 12:05 am', LA, '2026-06-23T07:05:00.000Z'],
      ['Jun 23, 2026 12:05 PM', LA, '2026-06-23T19:05:00.000Z'],
      ['jun 03, 2026 06:07:08 Pm', LA, '2026-06-04T01:07:08.000Z'],
      ['Feb 4, 2026 2:25 pm', LA, '2026-02-04T22:25:00.000Z'],
      ['2026-06-23 10:30:00', LA, '2026-06-23T17:30:00.000Z'],
      ['2026-02-04 14:30:00', LA, '2026-02-04T22:30:00.000Z'],
      ['2026-06-23 10:30:00', 'America/New_York', '2026-06-23T14:30:00.000Z'],
      ['Dec 31, 2026 11:59:59 pm', 'UTC', '2026-12-31T23:59:59.000Z'],
      ['Jan 1, 2027 9:00 am', 'Australia/Sydney', '2026-12-31T22:00:00.000Z'],
      ['Jul 1, 2026 9:00 am', 'Europe/London', '2026-07-01T08:00:00.000Z'],
      ['Feb 29, 2028 1:00 am', LA, '2028-02-29T09:00:00.000Z'],
    ];
    for (const [clock, zone, utc] of cases) {
      expect(fastWallClockToUtcIso(clock, zone), clock).toBe(utc);
      expect(luxon(clock, zone), clock).toBe(utc);
      expect(parseHpDateTime(clock, zone), clock).toBe(utc);
    }
    // With a zone label, as the server prints it.
    expect(parseHpDateTime('Jun 23, 2026 12:46 pm (PST)', 'America/New_York')).toBe('2026-06-23T19:46:00.000Z');
  });

  it('leaves everything else to Luxon', () => {
    for (const clock of [
      'Sept 23, 2026 6:00 am',
      'September 23, 2026 6:00 am',
      'Sep 23, 2026 0:30 am',
      'Sep 23, 2026 13:30 pm',
      'Sep  23, 2026 6:00 am',
      'Sep 23, 2026 6:00am',
      'Feb 29, 2026 1:00 am',
      'Sep 31, 2026 1:00 am',
      'Sep 3, 0026 12:30 pm',
      '2026-06-23',
      '2026-06-23 10:30',
      '2026-06-23 24:00:00',
      '2026-06-23 10:30:00.250',
      '2026-06-23T10:30:00Z',
      '2026-13-01 10:30:00',
      '06/23/2026 10:30 am',
    ]) {
      expect(fastWallClockToUtcIso(clock, LA), clock).toBeUndefined();
    }
    // Luxon still reads the ones it can (unchanged behaviour).
    expect(parseHpDateTime('Sep 23, 2026 0:30 am', LA)).toBe(luxon('Sep 23, 2026 0:30 am', LA));
    expect(parseHpDateTime('2026-06-23 24:00:00', LA)).toBe('2026-06-24T07:00:00.000Z');
    expect(() => parseHpDateTime('Feb 29, 2026 1:00 am', LA)).toThrow();
    // Zones it does not cache: invalid ones (Luxon then fails the parse) and the settings-dependent ones.
    expect(fastWallClockToUtcIso('Sep 23, 2026 6:00 am', 'Mars/Olympus_Mons')).toBeUndefined();
    expect(() => parseHpDateTime('Sep 23, 2026 6:00 am', 'Mars/Olympus_Mons')).toThrow();
    expect(fastWallClockToUtcIso('Sep 23, 2026 6:00 am', 'local')).toBeUndefined();
  });

  it('resolves the repeated and the skipped hour exactly as Luxon does, whatever the season now', () => {
    for (const [season, now] of Object.entries(NOWS)) {
      Settings.now = () => now;
      resetWallClockCache();
      for (const clock of [
        'Nov 1, 2026 1:00 am',
        'Nov 1, 2026 1:30 am',
        'Nov 1, 2026 1:59:59 am',
        'Nov 1, 2026 2:00 am',
        'Nov 1, 2026 12:59:59 am',
        'Mar 8, 2026 1:59:59 am',
        'Mar 8, 2026 2:00 am',
        'Mar 8, 2026 2:30 am',
        'Mar 8, 2026 3:00 am',
        '2026-11-01 01:30:00',
        '2026-03-08 02:30:00',
      ]) {
        expect(parseHpDateTime(clock, LA), `${season}: ${clock}`).toBe(luxon(clock, LA));
      }
    }
    // Luxon's own answer for the repeated 1:30 am depends on today's offset; so does ours.
    Settings.now = () => NOWS.january;
    expect(parseHpDateTime('Nov 1, 2026 1:30 am', LA)).toBe('2026-11-01T09:30:00.000Z');
    Settings.now = () => NOWS.july;
    expect(parseHpDateTime('Nov 1, 2026 1:30 am', LA)).toBe('2026-11-01T08:30:00.000Z');
  });

  it('matches Luxon over a seeded random sweep of years, spellings and zones', () => {
    const random = rng(20260623);
    const from = Date.UTC(2005, 0, 1);
    const to = Date.UTC(2038, 0, 1);
    for (const now of [NOWS.january, NOWS.july]) {
      Settings.now = () => now;
      resetWallClockCache();
      for (const zone of [...ZONES, ...ODD_ZONES]) {
        const clocks: string[] = [];
        for (let i = 0; i < 2500; i += 1) {
          const local = localFields(from + Math.floor(random() * ((to - from) / 1000)) * 1000);
          clocks.push(i % 3 === 0 ? sqlSpelling(local) : logSpelling(local, Math.floor(random() * 1000)));
        }
        const { fast } = expectSameAsLuxon(clocks, zone);
        // Nearly all of them take the fast path (the rest are near a transition).
        expect(fast / clocks.length, zone).toBeGreaterThan(0.97);
      }
    }
  });

  it('matches Luxon minute by minute around each DST transition, in winter and in summer', () => {
    for (const now of [NOWS.january, NOWS.july]) {
      Settings.now = () => now;
      resetWallClockCache();
      for (const zone of [...ZONES, ...ODD_ZONES]) {
        const clocks = aroundTransitions(zone).map((local, i) =>
          // Some at hh:mm:59, the last second of a repeated or skipped span.
          i % 2 === 0 ? logSpelling(localFields(local), i) : sqlSpelling(localFields(local + 59_000)),
        );
        if (['UTC', 'Asia/Kathmandu'].includes(zone)) expect(clocks).toEqual([]);
        else expect(clocks.length, zone).toBeGreaterThan(3000);
        expectSameAsLuxon(clocks, zone);
      }
    }
  }, 240_000);

  it('follows a change of "now" across a DST boundary without stale hours', () => {
    Settings.now = () => NOWS.january;
    expect(parseHpDateTime('Nov 1, 2026 1:30 am', LA)).toBe(luxon('Nov 1, 2026 1:30 am', LA));
    expect(parseHpDateTime('Nov 1, 2026 1:31 am', LA)).toBe('2026-11-01T09:31:00.000Z');
    Settings.now = () => NOWS.july;
    expect(parseHpDateTime('Nov 1, 2026 1:31 am', LA)).toBe(luxon('Nov 1, 2026 1:31 am', LA));
    expect(parseHpDateTime('Nov 1, 2026 1:31 am', LA)).toBe('2026-11-01T08:31:00.000Z');
    // A "now" inside the minute a transition happens (2026-03-08 10:00 UTC in Los Angeles).
    Settings.now = () => Date.UTC(2026, 2, 8, 10, 0, 30);
    expect(parseHpDateTime('Nov 1, 2026 1:31 am', LA)).toBe(luxon('Nov 1, 2026 1:31 am', LA));
    Settings.now = () => Date.UTC(2026, 2, 8, 9, 59, 59, 999);
    expect(parseHpDateTime('Nov 1, 2026 1:31 am', LA)).toBe(luxon('Nov 1, 2026 1:31 am', LA));
  });
});
