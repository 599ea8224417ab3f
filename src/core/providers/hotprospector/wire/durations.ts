import { WireValueError } from './errors';

/**
 * Every duration spelling the docs show, in seconds:
 * - plain seconds: 90, "90", "320.000000" (the docs say durations are seconds unless marked)
 * - unit tokens: "08h :15m :32s", "45m :12s", "02m 50s", "05h 10m 30s", "35 m"
 * - clocks: "01:02" and "01:10 m" (minutes:seconds), "1:02:03" (hours:minutes:seconds)
 * `null` means empty; anything else throws WireValueError.
 */
const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1 };
const UNIT_TOKEN = /(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])/g;
const CLOCK = /^(\d+):(\d{1,2})(?::(\d{1,2}))?(?:\s*m)?$/;

export function parseDurationSec(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new WireValueError('a duration');
    return value;
  }
  if (typeof value !== 'string') throw new WireValueError('a duration');
  const text = value.trim().toLowerCase();
  if (text === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);

  const clock = CLOCK.exec(text);
  if (clock) {
    const first = Number(clock[1]);
    const second = Number(clock[2]);
    if (clock[3] === undefined) return first * 60 + second;
    return first * 3600 + second * 60 + Number(clock[3]);
  }

  let seconds = 0;
  let matched = false;
  const leftover = text.replace(UNIT_TOKEN, (_whole, amount: string, unit: string) => {
    matched = true;
    seconds += Number(amount) * (UNIT_SECONDS[unit[0] ?? 's'] ?? 1);
    return '';
  });
  // Only separators may remain: "08h :15m :32s" leaves " : :".
  if (!matched || !/^[\s:,]*$/.test(leftover)) throw new WireValueError('a duration');
  return Math.round(seconds * 1000) / 1000;
}

/** Minutes as a number: a bare number is already minutes ("280"); spelled durations are converted ("240 m"). */
export function parseMinutes(value: unknown): number | null {
  if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(value))) {
    return Number(value);
  }
  const seconds = parseDurationSec(value);
  return seconds === null ? null : Math.round((seconds / 60) * 1000) / 1000;
}
