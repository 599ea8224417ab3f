import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { afterEach, describe, expect, it } from 'vitest';
import { normalizePhone, phoneMemoSize, resetPhoneMemo } from '../../../src/core/normalize/phones';

/**
 * normalizePhone skips libphonenumber for NANP numbers already in E.164 and remembers recent
 * answers; both must leave every answer exactly what libphonenumber alone gives.
 */

/** normalizePhone before the fast path and the memo: libphonenumber on every call. */
function reference(value: string | number, countryCode?: string): string {
  const text = String(value).trim();
  if (text === '') return '';
  const callingCode = (countryCode ?? '').replace(/\D/g, '');
  const parsed =
    callingCode !== '' && callingCode !== '1'
      ? parsePhoneNumberFromString(text, { defaultCallingCode: callingCode })
      : parsePhoneNumberFromString(text, 'US');
  return parsed?.isPossible() ? parsed.number : text;
}

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

const COUNTRY_CODES = [undefined, '', '+1', '1', '+44', '44', '+61', '+52', '+33', 'x'];

describe('normalizePhone fast path and memo', () => {
  afterEach(() => resetPhoneMemo());

  it('returns NANP E.164 unchanged, as libphonenumber does, for any default country', () => {
    for (const number of ['+12135550142', '+15124031676', '+17025481584', '+19999999999', '+12002000000']) {
      for (const code of COUNTRY_CODES) {
        expect(normalizePhone(number, code)).toBe(number);
        expect(reference(number, code)).toBe(number);
      }
    }
    // Not taken by the fast path (area code or exchange starting 0/1, wrong length): libphonenumber decides.
    for (const text of ['+15550000001', '+11125550142', '+1213555014', '+121355501420', '+1 213 555 0142']) {
      expect(normalizePhone(text)).toBe(reference(text));
    }
  });

  it('reads national NANP spellings as libphonenumber does, and only with US as the default', () => {
    const spellings = [
      '2135550142',
      '213-555-0142',
      '213.555.0142',
      '213 555 0142',
      '(213) 555-0142',
      '(213)555-0142',
      '12135550142',
      '1-213-555-0142',
      '1 (213) 555-0142',
      '+1 (213) 555-0142',
      '+1-213-555-0142',
      '+1 213.555.0142',
    ];
    for (const text of spellings) {
      for (const code of COUNTRY_CODES) {
        expect(normalizePhone(text, code), `${text} ${code}`).toBe(reference(text, code));
      }
      expect(normalizePhone(text), text).toBe('+12135550142');
    }
    // A national spelling with another default country is that country's number (libphonenumber's answer).
    expect(normalizePhone('2071234567', '+44')).toBe('+442071234567');
  });

  it('gives the same answers as libphonenumber for the spellings the server sends', () => {
    const cases: Array<[string | number, string | undefined, string]> = [
      ['5551234567', undefined, '+15551234567'],
      ['3337991895', '+1', '+13337991895'],
      ['14087777111', undefined, '+14087777111'],
      [14087777111, undefined, '+14087777111'],
      ['+1 (555) 123-4567', undefined, '+15551234567'],
      ['(213) 555-0142', undefined, '+12135550142'],
      ['2071234567', '+44', '+442071234567'],
      ['+12135550142 ', '+44', '+12135550142'],
      ['ext. 12', undefined, 'ext. 12'],
      ['12345', undefined, '12345'],
      ['', undefined, ''],
    ];
    for (const [value, code, expected] of cases) {
      expect(normalizePhone(value, code), String(value)).toBe(expected);
      // Twice: the second answer comes from the memo (or the fast path).
      expect(normalizePhone(value, code), String(value)).toBe(expected);
      expect(reference(value, code), String(value)).toBe(expected);
    }
  });

  it('matches libphonenumber over a seeded random sweep, repeats included', () => {
    const random = rng(4087777);
    const digit = () => String(Math.floor(random() * 10));
    const digits = (n: number) => Array.from({ length: n }, digit).join('');
    const separator = () => ['', ' ', '-', '.', '  ', '/'][Math.floor(random() * 6)] ?? '';
    const spell = (ten: string): string => {
      const [area, exchange, line] = [ten.slice(0, 3), ten.slice(3, 6), ten.slice(6)];
      switch (Math.floor(random() * 14)) {
        case 8:
          return `${area}${separator()}${exchange}${separator()}${line}`;
        case 9:
          return `1${separator()}${area}${separator()}${exchange}${separator()}${line}`;
        case 10:
          return `+1${separator()}(${area})${separator()}${exchange}${separator()}${line}`;
        case 11:
          return `${random() < 0.5 ? '1 ' : ''}(${area}) ${exchange}-${line}`;
        case 12:
          return `(${area})${exchange}-${line}`;
        case 13:
          return `+${separator()}1${separator()}${area}${separator()}${exchange}${line}`;
        case 0:
          return `+1${ten}`;
        case 1:
          return ten;
        case 2:
          return `1${ten}`;
        case 3:
          return `(${ten.slice(0, 3)}) ${ten.slice(3, 6)}-${ten.slice(6)}`;
        case 4:
          return `+1 ${ten.slice(0, 3)}.${ten.slice(3, 6)}.${ten.slice(6)}`;
        case 5:
          return `+44${digits(10)}`;
        case 6:
          return digits(1 + Math.floor(random() * 14));
        default:
          return ` +1${ten} `;
      }
    };
    const pool: string[] = [];
    const mismatches: string[] = [];
    let checked = 0;
    for (let i = 0; i < 30_000; i += 1) {
      // A third of the inputs repeat an earlier one, as account numbers do.
      const text = pool.length > 0 && random() < 0.33 ? pool[Math.floor(random() * pool.length)]! : spell(digits(10));
      if (pool.length < 500) pool.push(text);
      const code = COUNTRY_CODES[Math.floor(random() * COUNTRY_CODES.length)];
      checked += 1;
      const [ours, theirs] = [normalizePhone(text, code), reference(text, code)];
      if (ours !== theirs) mismatches.push(`${JSON.stringify(text)} (${code}): ${ours}, libphonenumber ${theirs}`);
    }
    expect({ checked, mismatches: mismatches.slice(0, 10) }).toEqual({ checked: 30_000, mismatches: [] });
    // The memo stays bounded however many distinct numbers go through it.
    expect(phoneMemoSize()).toBeLessThanOrEqual(4096);
  });
});
