import { WireValueError } from './errors';

/**
 * Hot Prospector sends numbers as numbers, as plain strings ("250", "320.000000"), with
 * thousands separators, or with a unit glued on ("35 m", "44 %"). These helpers read them all.
 * `null` means "the server left it empty"; unreadable text throws WireValueError.
 */
const NUMBER_WITH_UNIT = /^(-?\d+(?:\.\d+)?)\s*([a-z%]*)$/i;

function splitNumberAndUnit(value: unknown, expected: string): { amount: number; unit: string } | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new WireValueError(expected);
    return { amount: value, unit: '' };
  }
  if (typeof value !== 'string') throw new WireValueError(expected);
  const text = value.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (text === '') return null;
  const match = NUMBER_WITH_UNIT.exec(text);
  if (!match) throw new WireValueError(expected);
  return { amount: Number(match[1]), unit: (match[2] ?? '').toLowerCase() };
}

/** Removes float noise such as 0.16359999999999997 so results compare as people expect. */
export function roundTidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** A plain quantity; a trailing unit word is ignored ("35 m" is 35), a percent sign is not allowed. */
export function parseNumber(value: unknown): number | null {
  const parsed = splitNumberAndUnit(value, 'a number');
  if (parsed === null) return null;
  if (parsed.unit === '%') throw new WireValueError('a number, not a percentage');
  return parsed.amount;
}

/** Like parseNumber, but an empty value counts as zero (dashboard counters). */
export function parseCount(value: unknown): number {
  return parseNumber(value) ?? 0;
}

/**
 * A rate as a 0..1 fraction. "44 %" and "38%" are percentages; a bare number above 1 is read
 * as a percentage too (the dashboard never sends rates above 100 %), a bare number up to 1 as a
 * fraction already.
 */
export function parseRate(value: unknown): number | null {
  const parsed = splitNumberAndUnit(value, 'a percentage');
  if (parsed === null) return null;
  if (parsed.unit !== '' && parsed.unit !== '%') throw new WireValueError('a percentage');
  const isPercent = parsed.unit === '%' || parsed.amount > 1;
  return roundTidy(isPercent ? parsed.amount / 100 : parsed.amount);
}
