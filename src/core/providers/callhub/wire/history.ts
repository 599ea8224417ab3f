import type { Activity } from '../../../../shared/domain';
import { wallClockToUtcIso } from '../../../normalize/time';
import { isPlainObject, malformed, text } from './row';

/**
 * `/subscriber-history/:id/` is documented as "voice, sms and call center history" [CH:501-503]
 * with no shape at all. This reads what a history entry plausibly carries and nothing more: an
 * entry whose kind or time cannot be told is skipped, and an answer in which no entry can be
 * read is `malformed`, so nothing invented ever reaches the timeline.
 */
const ENDPOINT = 'GET /subscriber-history/{id}/';
const TIME_KEYS = ['created', 'created_date', 'date', 'timestamp', 'time'];
const KIND_KEYS = ['type', 'kind', 'campaign_type', 'channel'];

function kindOf(word: string): Activity['kind'] | null {
  const value = word.toLowerCase();
  if (/sms|text|message/.test(value)) return 'sms';
  if (/voice|broadcast|rvm/.test(value)) return 'rvm';
  if (/call|dial|cc|center/.test(value)) return 'call';
  if (/note/.test(value)) return 'note';
  return null;
}

function entries(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (isPlainObject(body)) {
    for (const key of ['results', 'history', 'data']) {
      const list = body[key];
      if (Array.isArray(list)) return list;
    }
  }
  throw malformed(ENDPOINT, 'not a list of history entries');
}

function direction(word: string): Activity['direction'] {
  const value = word.toLowerCase();
  if (value.startsWith('in')) return 'inbound';
  if (value.startsWith('out')) return 'outbound';
  return null;
}

function seconds(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? Math.round(number) : null;
}

export function readHistory(body: unknown, leadId: string): Activity[] {
  const list = entries(body);
  const activities: Activity[] = [];
  list.forEach((entry, index) => {
    if (!isPlainObject(entry)) return;
    const kind = kindOf(KIND_KEYS.map((key) => text(entry, key)).find((word) => word !== '') ?? '');
    const stamp = TIME_KEYS.map((key) => text(entry, key)).find((word) => word !== '') ?? '';
    // CallHub's only stated zone is UTC ("Date time in UTC" [CH:218-220]).
    const at = stamp === '' ? null : wallClockToUtcIso(stamp, 'UTC');
    if (kind === null || at === null) return;
    const own = text(entry, 'id') || text(entry, 'uuid') || `${index}:${at}`;
    const body = text(entry, 'notes') || text(entry, 'content') || text(entry, 'message');
    activities.push({
      id: `callhub:history:${leadId}:${own}`,
      leadId,
      kind,
      direction: direction(text(entry, 'direction')),
      at,
      durationSec: seconds(entry.duration),
      status: text(entry, 'status') || text(entry, 'disposition'),
      from: text(entry, 'from_number'),
      to: text(entry, 'to_number'),
      text: body === '' ? null : body,
      recordingUrl: /^https:\/\//.test(text(entry, 'record_url')) ? text(entry, 'record_url') : null,
      disposition: text(entry, 'disposition') || null,
    });
  });
  if (list.length > 0 && activities.length === 0) throw malformed(ENDPOINT, 'no entry has a kind and a time');
  return activities;
}
