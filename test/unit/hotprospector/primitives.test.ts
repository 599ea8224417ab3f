import { describe, expect, it } from 'vitest';
import { parseHpDateTime, parseTimeOnDate } from '../../../src/core/providers/hotprospector/wire/dates';
import { parseDurationSec, parseMinutes } from '../../../src/core/providers/hotprospector/wire/durations';
import { WireValueError } from '../../../src/core/providers/hotprospector/wire/errors';
import { openJsonText } from '../../../src/core/providers/hotprospector/wire/jsonText';
import { parseCount, parseNumber, parseRate } from '../../../src/core/providers/hotprospector/wire/numbers';
import { normalizePhone } from '../../../src/core/normalize/phones';
import { readPrintRMessage } from '../../../src/core/providers/hotprospector/wire/printR';
import { fixtureText, LA } from './support/fixtures';

describe('durations (every spelling in the docs)', () => {
  it.each([
    ['08h :15m :32s', 29732],
    ['05h 10m 30s', 18630],
    ['45m :12s', 2712],
    ['01h 20m 10s', 4810],
    ['02m 50s', 170],
    ['04m 30s', 270],
    ['01:02', 62],
    ['01:10 m', 70],
    ['1:02:03', 3723],
    ['90', 90],
    ['84', 84],
    ['320.000000', 320],
    ['35 m', 2100],
    [52, 52],
  ])('%s is %d seconds', (text, seconds) => {
    expect(parseDurationSec(text)).toBe(seconds);
  });

  it('reads empty as null and rejects text that is no duration', () => {
    expect(parseDurationSec('')).toBeNull();
    expect(parseDurationSec(null)).toBeNull();
    expect(() => parseDurationSec('soon')).toThrow(WireValueError);
    expect(() => parseDurationSec('12 parsecs')).toThrow(WireValueError);
    expect(() => parseDurationSec({ minutes: 3 })).toThrow(WireValueError);
  });

  it('reads talk minutes: bare numbers are minutes, spelled durations are converted', () => {
    expect(parseMinutes('280')).toBe(280);
    expect(parseMinutes('240 m')).toBe(240);
    expect(parseMinutes('35 m')).toBe(35);
    expect(parseMinutes('1h 30m')).toBe(90);
  });
});

describe('numbers and rates', () => {
  it('reads numbers sent as text, with units or separators', () => {
    expect(parseNumber('250')).toBe(250);
    expect(parseNumber('320.000000')).toBe(320);
    expect(parseNumber('12.50')).toBe(12.5);
    expect(parseNumber('35 m')).toBe(35);
    expect(parseNumber('1,520')).toBe(1520);
    expect(parseNumber(14)).toBe(14);
    expect(parseNumber('')).toBeNull();
    expect(parseCount('')).toBe(0);
    expect(parseCount(72)).toBe(72);
    expect(() => parseNumber('many')).toThrow(WireValueError);
    expect(() => parseNumber('44 %')).toThrow(WireValueError);
  });

  it('turns percentages into 0..1 fractions', () => {
    expect(parseRate('44 %')).toBe(0.44);
    expect(parseRate('16.36 %')).toBe(0.1636);
    expect(parseRate('38%')).toBe(0.38);
    expect(parseRate('26.31%')).toBe(0.2631);
    expect(parseRate('0.5')).toBe(0.5);
    expect(parseRate(44)).toBe(0.44);
    expect(parseRate('')).toBeNull();
    expect(() => parseRate('44 m')).toThrow(WireValueError);
  });
});

describe('dates in the account zone, out as UTC ISO-8601', () => {
  it('reads the "Jun 23, 2026 10:30 am" spelling as Pacific time (PDT in June)', () => {
    expect(parseHpDateTime('Jun 23, 2026 10:30 am', LA)).toBe('2026-06-23T17:30:00.000Z');
    expect(parseHpDateTime('Jun 23, 2026 6:34 pm', LA)).toBe('2026-06-24T01:34:00.000Z');
  });

  it('reads the SQL spelling, and winter dates with PST', () => {
    expect(parseHpDateTime('2026-06-23 10:30:00', LA)).toBe('2026-06-23T17:30:00.000Z');
    expect(parseHpDateTime('2026-02-04 14:30:00', LA)).toBe('2026-02-04T22:30:00.000Z');
    expect(parseHpDateTime('Feb 4, 2026 2:25 pm', LA)).toBe('2026-02-04T22:25:00.000Z');
  });

  it('honours the account zone for zone-less text', () => {
    expect(parseHpDateTime('2026-06-23 10:30:00', 'America/New_York')).toBe('2026-06-23T14:30:00.000Z');
  });

  it('reads a "(PST)" label as Pacific time even when the account zone differs', () => {
    expect(parseHpDateTime('Jun 23, 2026 12:46 pm (PST)', LA)).toBe('2026-06-23T19:46:00.000Z');
    expect(parseHpDateTime('May 15, 2026 12:00 PM (PST)', 'America/New_York')).toBe('2026-05-15T19:00:00.000Z');
  });

  it('keeps explicit offsets and treats empty or zero dates as unknown', () => {
    expect(parseHpDateTime('2026-06-23T10:30:00Z', LA)).toBe('2026-06-23T10:30:00.000Z');
    expect(parseHpDateTime('', LA)).toBeNull();
    expect(parseHpDateTime('0000-00-00 00:00:00', LA)).toBeNull();
    expect(() => parseHpDateTime('Jul mm, yyyy 5:18 am', LA)).toThrow(WireValueError);
    expect(() => parseHpDateTime(1750000000, LA)).toThrow(WireValueError);
  });

  it('places a time of day on the report date', () => {
    expect(parseTimeOnDate('2026-06-23', '09:01 AM', LA)).toBe('2026-06-23T16:01:00.000Z');
    expect(parseTimeOnDate('2026-06-23', '05:12 PM', LA)).toBe('2026-06-24T00:12:00.000Z');
    expect(parseTimeOnDate('2026-06-23', '', LA)).toBeNull();
    expect(parseTimeOnDate('2026-06-23', 'N/A', LA)).toBeNull();
    expect(() => parseTimeOnDate('2026-06-23', 'noon-ish', LA)).toThrow(WireValueError);
  });
});

describe('phones', () => {
  it('makes E.164 where the digits can be a number, US by default', () => {
    expect(normalizePhone('5551234567')).toBe('+15551234567');
    expect(normalizePhone('3337991895', '+1')).toBe('+13337991895');
    expect(normalizePhone('14087777111')).toBe('+14087777111');
    expect(normalizePhone('+1 (555) 123-4567')).toBe('+15551234567');
    expect(normalizePhone('+15550000001')).toBe('+15550000001');
  });

  it('uses a non-US country code from the record', () => {
    expect(normalizePhone('2071234567', '+44')).toBe('+442071234567');
  });

  it('keeps text that is no phone number as sent', () => {
    expect(normalizePhone('ext. 12')).toBe('ext. 12');
    expect(normalizePhone('12345')).toBe('12345');
    expect(normalizePhone('')).toBe('');
  });
});

describe('JSON inside strings and PHP print_r', () => {
  it('opens JSON text and leaves other text alone', () => {
    expect(openJsonText('{"a":1}')).toEqual({ a: 1 });
    expect(openJsonText('[1,2]')).toEqual([1, 2]);
    expect(openJsonText('{not json')).toBe('{not json');
    expect(openJsonText('plain')).toBe('plain');
  });

  it('reads the message of both router error pages in the docs', () => {
    expect(readPrintRMessage(fixtureText('v1', 'router-error-missing-method.txt'))).toBe(
      'Sorry you cannot access page, Please provide required details.',
    );
    expect(readPrintRMessage(fixtureText('v1', 'router-error-unavailable-method.txt'))).toBe(
      'Service you are trying to access is not available or provided information is incorrect!',
    );
    expect(readPrintRMessage('{"response":"true"}')).toBeNull();
  });
});
