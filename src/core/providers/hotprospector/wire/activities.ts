import type { Activity } from '../../../../shared/domain';
import type { ReadContext } from './context';
import { malformedAnswer } from './errors';
import { phoneDigits } from '../../../normalize/phones';
import type { WireRecord } from './record';

type Direction = Activity['direction'];

/**
 * Call, SMS and ringless-voicemail rows from the per-lead and account log Methods. Ids are
 * prefixed by kind (`call:900001`) because a call and its transcript share a recordingId.
 * Rows without an id of their own (FetchLeadCallLogs has no recordingId) get one made of the
 * lead, time and numbers, so the same row read twice gets the same id.
 */

export function readDirection(value: string): Direction {
  const text = value.trim().toLowerCase();
  if (text === 'inbound' || text === 'outbound') return text;
  return null;
}

/** The lead id of a row, or the one the request asked about when the row leaves it out. */
export function rowLeadId(row: WireRecord, requestedLeadId: string | undefined): string {
  const own = row.optionalId(['leadId', 'LeadId', 'lead_id']);
  if (own !== null) return own;
  if (requestedLeadId !== undefined && requestedLeadId !== '') return requestedLeadId;
  throw malformedAnswer(row.method, `${row.path}.leadId is not present (an id is required)`);
}

function composedId(kind: string, leadId: string, at: string, rawTime: string, from: string, to: string): string {
  return `${kind}:${leadId}:${at || rawTime}:${phoneDigits(from)}:${phoneDigits(to)}`;
}

export interface LogReadOptions {
  /** The lead the request was about (per-lead logs). */
  leadId?: string;
  /** The direction filter the request used, for rows that do not say their own direction. */
  direction?: Direction;
}

export function readCall(row: WireRecord, ctx: ReadContext, options: LogReadOptions = {}): Activity {
  const leadId = rowLeadId(row, options.leadId);
  const from = row.phone('from_number');
  const to = row.phone('to_number');
  const at = row.dateTime('call_time', ctx.timezone) ?? '';
  const recordingId = row.optionalId('recordingId');
  return {
    id: recordingId !== null ? `call:${recordingId}` : composedId('call', leadId, at, row.text('call_time'), from, to),
    leadId,
    kind: 'call',
    direction: readDirection(row.text(['call_type', 'type', 'direction'])) ?? options.direction ?? null,
    at,
    durationSec: row.durationSec(['duration', 'call_duration']),
    status: row.text('call_status'),
    from,
    to,
    text: null,
    recordingUrl: row.optionalText('recording'),
  };
}

/** SMS direction: the row's own `direction`, else its status (Received = inbound; Sent, Failed = outbound). */
function smsDirection(row: WireRecord, fallback: Direction | undefined): Direction {
  const own = readDirection(row.text('direction'));
  if (own !== null) return own;
  const status = row.text('status').toLowerCase();
  if (status === 'received') return 'inbound';
  if (status === 'sent' || status === 'failed' || status === 'delivered') return 'outbound';
  return fallback ?? null;
}

export function readSms(row: WireRecord, ctx: ReadContext, options: LogReadOptions = {}): Activity {
  const leadId = rowLeadId(row, options.leadId);
  const from = row.phone('from_number');
  const to = row.phone('to_number');
  const at = row.dateTime(['dated', 'date'], ctx.timezone) ?? '';
  const messageId = row.optionalId(['messageId', 'message_id']);
  return {
    id: messageId !== null ? `sms:${messageId}` : composedId('sms', leadId, at, row.text('dated'), from, to),
    leadId,
    kind: 'sms',
    direction: smsDirection(row, options.direction),
    at,
    durationSec: null,
    status: row.text('status'),
    from,
    to,
    text: row.text('message'),
    recordingUrl: null,
  };
}

/** Ringless voicemail drops are always sent by the account, so they are outbound. */
export function readRvm(row: WireRecord, ctx: ReadContext, options: LogReadOptions = {}): Activity {
  const leadId = rowLeadId(row, options.leadId);
  const from = row.phone('from_number');
  const to = row.phone('to_number');
  const at = row.dateTime(['dated', 'date'], ctx.timezone) ?? '';
  const vmId = row.optionalId(['vmId', 'vm_id']);
  return {
    id: vmId !== null ? `rvm:${vmId}` : composedId('rvm', leadId, at, row.text('dated'), from, to),
    leadId,
    kind: 'rvm',
    direction: 'outbound',
    at,
    durationSec: row.durationSec('duration'),
    status: row.text(['status', 'rvm_status']),
    from,
    to,
    text: null,
    recordingUrl: row.optionalText('voice_file'),
  };
}
