import { DateTime } from 'luxon';

/**
 * Calendar days (YYYY-MM-DD) in the account's zone: Hot Prospector's date filters (from_date,
 * to_date, the dashboard's date) are days on the account's wall clock, not UTC days.
 */

export function dayIn(zone: string, at: Date): string {
  return DateTime.fromJSDate(at).setZone(zone).toFormat('yyyy-MM-dd');
}

export function shiftDay(day: string, days: number): string {
  const shifted = DateTime.fromISO(day, { zone: 'UTC' }).plus({ days });
  if (!shifted.isValid) throw new RangeError(`Not a calendar day: "${day}".`);
  return shifted.toFormat('yyyy-MM-dd');
}

/** YYYY-MM-DD compares correctly as text. */
export function laterDay(a: string, b: string): string {
  return a > b ? a : b;
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = shiftDay(day, 1)) days.push(day);
  return days;
}
