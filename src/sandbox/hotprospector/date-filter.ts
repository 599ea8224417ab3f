import type { Params } from './request-fields';
import { endOfLocalDay, startOfLocalDay } from './time';

/**
 * from_date/to_date (Y-m-d, account zone, both days inclusive) as an epoch-ms half-open range.
 * Missing bounds are open; a bound that is not a date makes the whole filter invalid (null).
 */
export interface TimeRange {
  from: number;
  to: number;
}

export function dateRange(params: Params, zone: string): TimeRange | null {
  const fromText = params.str('from_date');
  const toText = params.str('to_date');
  const from = fromText === '' ? -Infinity : startOfLocalDay(fromText, zone);
  const to = toText === '' ? Infinity : endOfLocalDay(toText, zone);
  if (from === null || to === null) return null;
  return { from, to };
}

export function inRange(at: number, range: TimeRange): boolean {
  return at >= range.from && at < range.to;
}

/** First index in a time-ascending array whose `at` is >= t (binary search). */
export function lowerBound(rows: ReadonlyArray<{ at: number }>, t: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid] as { at: number }).at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rows of a time-ascending array inside the range, without scanning the rest. */
export function sliceByTime<T extends { at: number }>(rows: readonly T[], range: TimeRange): T[] {
  const start = range.from === -Infinity ? 0 : lowerBound(rows, range.from);
  const end = range.to === Infinity ? rows.length : lowerBound(rows, range.to);
  return rows.slice(start, end);
}
