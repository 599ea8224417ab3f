import { DEFAULT_TIMEZONE, type Lead } from '../../../shared/domain';

/** The name an agent sees for a lead; provider data often leaves names blank. */
export function leadName(lead: Pick<Lead, 'firstName' | 'lastName' | 'company' | 'phone' | 'email'>): string {
  const name = `${lead.firstName} ${lead.lastName}`.trim();
  return name || lead.company || lead.phone || lead.email || 'Unnamed lead';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Times are shown in the account's time zone (a setting), not the machine's: agents work the
 * account's day. An unknown zone name falls back to the default rather than throwing in render.
 */
function formatter(timeZone: string, style: 'short' | 'medium'): Intl.DateTimeFormat {
  const key = `${timeZone}|${style}`;
  let cached = formatters.get(key);
  if (!cached) {
    try {
      cached = new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: style, timeStyle: 'short' });
    } catch {
      cached = new Intl.DateTimeFormat(undefined, { timeZone: DEFAULT_TIMEZONE, dateStyle: style, timeStyle: 'short' });
    }
    formatters.set(key, cached);
  }
  return cached;
}

export function formatTime(iso: string, timeZone: string, style: 'short' | 'medium' = 'medium'): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter(timeZone, style).format(date);
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

const numberFormat = new Intl.NumberFormat();
export const formatCount = (value: number): string => numberFormat.format(value);

export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Provider words arrive in any case, with underscores or camelCase ("no-answer", "leadHistory"). */
export function humanize(value: string): string {
  const text = value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return text ? text[0]!.toUpperCase() + text.slice(1) : '';
}
