import { normalizePhone } from '../../normalize/phones';
import { int, malformed, parseHipcallTime, positiveId, text, type Row } from './wire';

/** A call record as the adapter needs it; raw provider text never leaves this shape unchecked. */
export interface HipcallCdr {
  uuid: string;
  direction: 'inbound' | 'outbound' | 'internal' | null;
  /** UTC ISO */
  startedAt: string;
  endedAt: string | null;
  /** When someone picked up (bridged_at, else answered_at); null when nobody did. */
  answeredAt: string | null;
  durationSec: number | null;
  agentId: string | null;
  /** The contact the call belongs to (contact_id, else the contact side's id), null when none. */
  contactId: string | null;
  /** The other party's number in E.164; null for internal calls and short numbers (extensions, IVRs). */
  externalPhone: string | null;
  from: string;
  to: string;
  status: string;
  recordingUrl: string | null;
}

const DIRECTIONS: Record<number, HipcallCdr['direction']> = { 1: 'inbound', 2: 'outbound', 3: 'internal' };
/** The doc's table is out of order (1, 3, 2, 4) and every example sends 0, which means "none". */
const MISSED_REASONS: Record<number, string> = {
  1: 'out_of_business_hours',
  2: 'short_abandoned',
  3: 'abandoned',
  4: 'callback',
};
const CONTACT = 1;
/** Extensions ("101", "1001") and IVR numbers: never a lead, never in the screen-pop index. */
const MAX_SHORT_DIGITS = 6;
const E164 = /^\+[1-9]\d{6,14}$/;

/** A number a lead can have: E.164 and longer than an extension. */
export function externalNumber(raw: unknown): string | null {
  const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (value.replace(/\D/g, '').length <= MAX_SHORT_DIGITS) return null;
  const phone = normalizePhone(value);
  return E164.test(phone) ? phone : null;
}

/** Only web links are offered to a player: a `javascript:` or `file:` link is dropped. */
export function webUrl(value: unknown): string | null {
  const t = text(value);
  return t !== null && /^https?:\/\/[^\s]+$/i.test(t) ? t : null;
}

function voicemailSet(row: Row): boolean {
  // voicemail_type comes as 1/2 in the table and as "user"/"account" in the prose: any of it counts.
  return [row.voicemail_type, row.voicemail_id, row.voicemail_url].some(
    (v) => v !== null && v !== undefined && v !== '' && v !== 0 && v !== '0',
  );
}

function status(row: Row, answeredAt: string | null): string {
  if (voicemailSet(row)) return 'voicemail';
  if (row.missing_call === true || row.missing_call === 1 || row.missing_call === '1' || row.missing_call === 'true') {
    const reason = MISSED_REASONS[int(row.missing_call_reason) ?? 0];
    return reason ? `missed:${reason}` : 'missed';
  }
  if (answeredAt !== null) return 'answered';
  if (row.callee_type === null) return 'hangup';
  return 'completed';
}

export function readCdr(row: Row, endpoint: string): HipcallCdr {
  const uuid = text(row.uuid);
  if (uuid === null || !/^[A-Za-z0-9-]{1,64}$/.test(uuid)) throw malformed(endpoint, 'a call without a usable uuid');
  const startedAt = parseHipcallTime(row.started_at);
  if (startedAt === null) throw malformed(endpoint, `call ${uuid} without a readable started_at`);
  const direction = DIRECTIONS[int(row.direction) ?? 0] ?? null;
  const answeredAt = parseHipcallTime(row.bridged_at) ?? parseHipcallTime(row.answered_at);
  const side = direction === 'inbound' ? 'caller' : direction === 'outbound' ? 'callee' : null;
  const sideIsContact = side !== null && int(row[`${side}_type`]) === CONTACT;
  const contactId =
    direction === 'internal' || direction === null
      ? null
      : (positiveId(row.contact_id) ?? (sideIsContact ? positiveId(row[`${side}_id`]) : null));
  const sideNumber = side === null ? null : externalNumber(row[`${side}_number`]);
  const duration = int(row.call_duration);
  const recording = webUrl(row.voicemail_url) ?? webUrl(row.record_url);
  return {
    uuid,
    direction,
    startedAt,
    endedAt: parseHipcallTime(row.ended_at),
    answeredAt,
    durationSec: duration !== null && duration >= 0 ? duration : null,
    agentId: positiveId(row.user_id),
    contactId,
    externalPhone: sideNumber,
    from: numberText(row.caller_number),
    to: numberText(row.callee_number),
    status: status(row, answeredAt),
    recordingUrl: recording,
  };
}

/** Numbers as shown on the timeline: E.164 when they are phones, extensions as they are. */
function numberText(raw: unknown): string {
  const value = typeof raw === 'number' ? String(raw) : (text(raw) ?? '');
  return externalNumber(value) ?? value.slice(0, 32);
}

/** Talk time: from pickup to hang-up (call_duration includes the IVR and the ringing). */
export function talkSeconds(cdr: HipcallCdr): number {
  if (cdr.answeredAt === null || cdr.endedAt === null) return 0;
  return Math.max(0, Math.round((Date.parse(cdr.endedAt) - Date.parse(cdr.answeredAt)) / 1000));
}
