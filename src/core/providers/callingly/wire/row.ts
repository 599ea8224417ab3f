import { CallsideError } from '../../../../shared/errors';
import { parseDurationSec } from '../../hotprospector/wire/durations';
import { readCallinglyTime } from './times';

/** A broken answer: names Callingly, the endpoint and the field, never the value. */
export function malformed(endpoint: string, problem: string): CallsideError {
  return new CallsideError('malformed', `Callingly's answer to ${endpoint} could not be read: ${problem}.`);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One JSON object of an answer, read field by field with the doc's spellings [providers.md 3.2]:
 * ids as numbers or text, booleans as `0|1|"0"|"1"|true|false`, PHP's `[]` for an absent object.
 * A value of the wrong kind fails as `malformed`, naming the place (`data[2].seconds`).
 */
export class WireRow {
  constructor(
    readonly endpoint: string,
    readonly path: string,
    readonly data: Record<string, unknown>,
  ) {}

  private where(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  fail(key: string, expected: string): never {
    throw malformed(this.endpoint, `${this.where(key)} is not ${expected}`);
  }

  raw(key: string): unknown {
    return this.data[key];
  }

  has(key: string): boolean {
    return this.data[key] !== undefined && this.data[key] !== null;
  }

  /** Text as sent; numbers become text; missing and null become "". */
  text(key: string): string {
    const value = this.data[key];
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'boolean') return String(value);
    return this.fail(key, 'text');
  }

  optionalText(key: string): string | null {
    const text = this.text(key);
    return text === '' ? null : text;
  }

  /** A required id: a whole number or non-empty text, as a string. */
  id(key: string): string {
    const id = this.optionalId(key);
    return id ?? this.fail(key, 'present (an id is required)');
  }

  optionalId(key: string): string | null {
    const value = this.data[key];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    return this.fail(key, 'an id');
  }

  /** `0|1|"0"|"1"|true|false|"true"|"false"`; null when absent. */
  flag(key: string): boolean | null {
    const value = this.data[key];
    if (value === undefined || value === null || value === '') return null;
    if (value === true || value === 1) return true;
    if (value === false || value === 0) return false;
    if (typeof value === 'string') {
      const text = value.trim().toLowerCase();
      if (text === '1' || text === 'true') return true;
      if (text === '0' || text === 'false') return false;
    }
    return this.fail(key, 'a yes/no value');
  }

  /** A count or amount: a number or numeric text; null when absent. */
  number(key: string): number | null {
    const value = this.data[key];
    if (value === undefined || value === null || value === '') return null;
    const number = typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : value;
    if (typeof number === 'number' && Number.isFinite(number)) return number;
    return this.fail(key, 'a number');
  }

  /** Seconds: `seconds` when present, else the text `duration` ("37s", "2m 5s") [CL:105]. */
  durationSec(secondsKey: string, durationKey: string): number | null {
    const seconds = this.number(secondsKey);
    if (seconds !== null) {
      if (seconds < 0) this.fail(secondsKey, 'a duration');
      return seconds;
    }
    const duration = this.data[durationKey];
    if (duration === undefined || duration === null) return null;
    try {
      return parseDurationSec(duration);
    } catch {
      return this.fail(durationKey, 'a duration');
    }
  }

  /** A time in any of Callingly's spellings, as UTC ISO; null when absent. */
  time(key: string, zone: string): string | null {
    const text = this.text(key);
    if (text === '') return null;
    return readCallinglyTime(text, zone) ?? this.fail(key, 'a time');
  }

  /** A nested object; null when absent, null, "" or PHP's empty array `[]` [CL:110]. */
  child(key: string): WireRow | null {
    const value = this.data[key];
    if (value === undefined || value === null || value === '') return null;
    if (Array.isArray(value) && value.length === 0) return null;
    if (!isPlainObject(value)) return this.fail(key, 'an object');
    return new WireRow(this.endpoint, this.where(key), value);
  }

  /** A nested list as sent; [] when absent or null. */
  items(key: string): unknown[] {
    const value = this.data[key];
    if (value === undefined || value === null || value === '') return [];
    if (!Array.isArray(value)) return this.fail(key, 'a list');
    return value;
  }

  /** A nested list of objects. */
  rows(key: string): WireRow[] {
    return this.items(key).map((item, index) => {
      if (!isPlainObject(item)) return this.fail(`${key}[${index}]`, 'an object');
      return new WireRow(this.endpoint, this.where(`${key}[${index}]`), item);
    });
  }
}

/**
 * A list answer in any of the doc's envelopes [CL:20, 57, 110]: a bare array, `{data: [...]}`
 * or `{<name>: [...]}` (e.g. `agents`). An empty object is an empty list.
 */
export function readList(body: unknown, endpoint: string, names: readonly string[] = []): WireRow[] {
  let list: unknown = body;
  let path = '';
  if (isPlainObject(body)) {
    const key = ['data', ...names].find((name) => Array.isArray(body[name]));
    if (key === undefined) {
      if (Object.keys(body).length === 0) return [];
      throw malformed(endpoint, 'no list in the answer');
    }
    list = body[key];
    path = key;
  }
  if (!Array.isArray(list)) throw malformed(endpoint, 'the answer is not a list');
  return list.map((item, index) => {
    const at = path === '' ? `[${index}]` : `${path}[${index}]`;
    if (!isPlainObject(item)) throw malformed(endpoint, `${at} is not an object`);
    return new WireRow(endpoint, at, item);
  });
}

/** A single-object answer, bare or as `{data: {...}}`; null for `[]` (PHP's empty object). */
export function readObject(body: unknown, endpoint: string): WireRow | null {
  if (Array.isArray(body) && body.length === 0) return null;
  if (!isPlainObject(body)) throw malformed(endpoint, 'the answer is not an object');
  const inner = body.data;
  if (isPlainObject(inner) && Object.keys(body).length === 1) return new WireRow(endpoint, 'data', inner);
  return new WireRow(endpoint, '', body);
}
