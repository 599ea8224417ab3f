import { z } from 'zod';
import { malformedAnswer, WireValueError } from './errors';
import { parseHpDateTime, parseTimeOnDate } from './dates';
import { parseDurationSec, parseMinutes } from './durations';
import { isPlainObject, openJsonText } from './jsonText';
import { parseCount, parseNumber, parseRate } from './numbers';
import { normalizePhone } from '../../../normalize/phones';

/** One key, or the spellings the docs use for the same field (`E-Mail` / `email`, `noteId` / `notesId`). */
export type FieldName = string | readonly string[];

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const idValue = z.union([z.string().trim().min(1), z.number().int().nonnegative()]);
const flagText = z.enum(['true', 'false', 'yes', 'no', '1', '0', 'y', 'n']);

/**
 * A JSON object from an answer, read field by field. Every reader accepts the documented
 * spellings of a value and throws a malformed-answer error that names the Method and the exact
 * place (`Results[2].call_time`) when the value is something else. Values are never echoed.
 */
export class WireRecord {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly data: Record<string, unknown>,
  ) {}

  private locate(name: FieldName): { key: string; value: unknown } {
    const keys = typeof name === 'string' ? [name] : name;
    for (const key of keys) {
      if (key in this.data) return { key, value: this.data[key] };
    }
    return { key: keys[0] ?? '?', value: undefined };
  }

  private pathTo(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  private fail(key: string, expected: string): never {
    throw malformedAnswer(this.method, `${this.pathTo(key)} is not ${expected}`);
  }

  private convert<T>(name: FieldName, read: (value: unknown) => T): T {
    const { key, value } = this.locate(name);
    try {
      return read(value);
    } catch (error) {
      if (error instanceof WireValueError) this.fail(key, error.expected);
      throw error;
    }
  }

  has(name: FieldName): boolean {
    return this.locate(name).value !== undefined;
  }

  raw(name: FieldName): unknown {
    return this.locate(name).value;
  }

  /** Text as sent; numbers and booleans become text, missing and null become "". */
  text(name: FieldName): string {
    const { key, value } = this.locate(name);
    if (value === undefined || value === null) return '';
    const parsed = scalar.safeParse(value);
    if (!parsed.success) this.fail(key, 'text');
    return String(parsed.data).trim();
  }

  optionalText(name: FieldName): string | null {
    const text = this.text(name);
    return text === '' ? null : text;
  }

  /** A required identifier: a non-empty string or a whole number. */
  id(name: FieldName): string {
    const { key, value } = this.locate(name);
    const parsed = idValue.safeParse(value);
    if (!parsed.success) this.fail(key, value === undefined || value === '' ? 'present (an id is required)' : 'an id');
    return String(parsed.data);
  }

  optionalId(name: FieldName): string | null {
    const { value } = this.locate(name);
    if (value === undefined || value === null || value === '') return null;
    return this.id(name);
  }

  number(name: FieldName): number | null {
    return this.convert(name, parseNumber);
  }

  count(name: FieldName): number {
    return this.convert(name, parseCount);
  }

  rate(name: FieldName): number | null {
    return this.convert(name, parseRate);
  }

  durationSec(name: FieldName): number | null {
    return this.convert(name, parseDurationSec);
  }

  minutes(name: FieldName): number | null {
    return this.convert(name, parseMinutes);
  }

  dateTime(name: FieldName, zone: string): string | null {
    return this.convert(name, (value) => parseHpDateTime(value, zone));
  }

  timeOnDate(name: FieldName, date: string, zone: string): string | null {
    return this.convert(name, (value) => parseTimeOnDate(date, value, zone));
  }

  phone(name: FieldName, countryCode?: string): string {
    return normalizePhone(this.text(name), countryCode);
  }

  /** true/"true"/"Yes"/1 and their opposites; `null` when absent or empty. */
  flag(name: FieldName): boolean | null {
    const { key, value } = this.locate(name);
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'boolean') return value;
    const parsed = flagText.safeParse(String(value).trim().toLowerCase());
    if (!parsed.success) this.fail(key, 'a yes/no value');
    return ['true', 'yes', '1', 'y'].includes(parsed.data);
  }

  /** A nested object (also when sent as JSON text); `null` when absent or empty. */
  child(name: FieldName): WireRecord | null {
    const { key, value } = this.locate(name);
    const opened = openJsonText(value);
    if (opened === undefined || opened === null || opened === '') return null;
    // PHP's json_encode prints an empty associative array as [].
    if (Array.isArray(opened) && opened.length === 0) return new WireRecord(this.method, this.pathTo(key), {});
    if (!isPlainObject(opened)) this.fail(key, 'an object');
    return new WireRecord(this.method, this.pathTo(key), opened);
  }

  /** A nested list of objects (also as JSON text, or a single object); `[]` when absent or empty. */
  records(name: FieldName): WireRecord[] {
    const { key, value } = this.locate(name);
    return readRecordList(this.method, this.pathTo(key), value);
  }

  /** Every key with its value, for maps keyed by name (carriers, dispositions, custom fields). */
  entries(): Array<[string, unknown]> {
    return Object.entries(this.data);
  }
}

/**
 * The docs' lists come as arrays, sometimes as JSON text, as a lone object where PHP had one
 * row, or as "" / null when there is nothing. Every item must be an object.
 */
export function readRecordList(method: string, path: string, value: unknown): WireRecord[] {
  const opened = openJsonText(value);
  if (opened === undefined || opened === null || opened === '') return [];
  const items = Array.isArray(opened) ? opened : isPlainObject(opened) ? [opened] : null;
  if (items === null) throw malformedAnswer(method, `${path} is not a list`);
  return items.map((item, index) => {
    if (!isPlainObject(item)) throw malformedAnswer(method, `${path}[${index}] is not an object`);
    return new WireRecord(method, `${path}[${index}]`, item);
  });
}

/** The envelope itself as a record, so payload fields beside `response` read the same way. */
export function envelopeRecord(method: string, fields: Record<string, unknown>): WireRecord {
  return new WireRecord(method, '', fields);
}

/**
 * The list of an answer under whichever key this Method uses (`tag`/`tags`,
 * `result`/`results`/`Results`/`data`). A success without any of the keys is an empty list:
 * the server leaves the key out when it has nothing to list.
 */
export function listUnder(answer: WireRecord, keys: readonly string[]): WireRecord[] {
  const present = keys.find((key) => answer.has(key)) ?? keys[0] ?? 'list';
  return answer.records(present);
}
