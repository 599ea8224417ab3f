import type { GoalMetric } from '../../../../shared/contract/tray-schemas';
import type { AgentMetrics } from '../../../../shared/domain';

/** The figures the tray shows for an agent, with the words the agent reads. */
export type CountMetric = GoalMetric | 'inboundCalls';

export const METRIC_LABELS: Record<CountMetric, string> = {
  outboundCalls: 'Outbound calls',
  inboundCalls: 'Inbound calls',
  answeredCalls: 'Answered',
  conversations: 'Conversations',
  talkMinutes: 'Talk minutes',
  prospects: 'Prospects',
  appointments: 'Appointments',
  sms: 'SMS',
};

/** The unit after a number, e.g. "42 outbound calls". */
export const METRIC_UNITS: Record<CountMetric, [one: string, many: string]> = {
  outboundCalls: ['outbound call', 'outbound calls'],
  inboundCalls: ['inbound call', 'inbound calls'],
  answeredCalls: ['answered call', 'answered calls'],
  conversations: ['conversation', 'conversations'],
  talkMinutes: ['talk minute', 'talk minutes'],
  prospects: ['prospect', 'prospects'],
  appointments: ['appointment', 'appointments'],
  sms: ['SMS', 'SMS'],
};

export function countText(metric: CountMetric, value: number): string {
  const [one, many] = METRIC_UNITS[metric];
  return `${new Intl.NumberFormat().format(value)} ${value === 1 ? one : many}`;
}

export const percent = (ratio: number): string => `${Math.round(ratio * 100)}%`;

export function metricValue(agent: AgentMetrics, metric: CountMetric): number {
  return agent[metric];
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "2:41 PM" in the account's zone (agents work the account's day). */
export function clockTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '–';
  let format = timeFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(undefined, { timeZone, hour: 'numeric', minute: '2-digit' });
    } catch {
      format = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
    }
    timeFormats.set(timeZone, format);
  }
  return format.format(date);
}

/** "Mon 17 Nov" for a YYYY-MM-DD (a calendar date, so no zone shift). */
export function dayLabel(ymd: string, style: 'short' | 'long' = 'short'): string {
  const [y, m, d] = ymd.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
  return new Intl.DateTimeFormat(undefined, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
  }).format(date);
}

/** "Sun 16": a bar's label in the trend. */
export function shortDay(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
  const parts = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'short', day: 'numeric' }).formatToParts(
    date,
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')}`;
}

/** "1 h 05 min" for a number of seconds. */
export function hoursMinutes(seconds: number): string {
  const total = Math.max(0, Math.round(seconds / 60));
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

/** "12 s ago", "3 min ago", "2 h ago". */
export function agoText(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.round(minutes / 60)} h ago`;
}
