/**
 * Hot Prospector sometimes has no time for a record (an empty or 0000-00-00 date), and the
 * client then leaves `at` empty rather than invent one. The cache orders by time and refuses a
 * row without one, so such rows get the epoch: they are kept, and sort last in a newest-first
 * list instead of appearing as the newest.
 */
export const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';

export function withKnownTimes<T extends { at: string }>(rows: readonly T[]): T[] {
  return rows.map((row) => (Number.isFinite(Date.parse(row.at)) ? row : { ...row, at: UNKNOWN_TIME }));
}
