import type { HotProspectorState } from './state';
import { formatLogTime } from './time';
import type { SbCall, SbLead, SbSms } from './types';

/**
 * Record → wire renderings shared by several Methods (lead rows, call rows, phone spellings).
 * Everything here emits the provider's habits: ids and counts as strings, "Yes"/"No" flags,
 * zone-less local times.
 */

/** How a log prints numbers: the V2 doc shows E.164, the V1 doc bare national digits. */
export type PhoneStyle = 'e164' | 'national';

export function wirePhone(number: string, style: PhoneStyle): string {
  const e164 = /^\d{10}$/.test(number) ? `+1${number}` : number;
  if (style === 'e164') return e164;
  return e164.startsWith('+1') ? e164.slice(2) : e164.replace(/^\+/, '');
}

export function leadName(lead: SbLead | undefined): string {
  return lead ? `${lead.firstName} ${lead.lastName}`.trim() : '';
}

export function recordingUrl(callId: number): string {
  return `https://recordings.example.com/hp/${callId}.mp3`;
}

export function voiceFileUrl(vmId: number): string {
  return `https://files.example.com/rvm/${vmId}.mp3`;
}

/** Lead_Custom_Fields as the docs show it: an object, "" when empty (V1), or JSON text. */
export type CustomFieldsStyle = 'object' | 'empty-string' | 'json-text';

export function leadRow(
  lead: SbLead,
  options: { groupId: string; customStyle: CustomFieldsStyle; locationId?: string },
): Record<string, unknown> {
  const hasCustom = Object.keys(lead.custom).length > 0;
  const custom =
    options.customStyle === 'json-text'
      ? JSON.stringify(lead.custom)
      : options.customStyle === 'empty-string' && !hasCustom
        ? ''
        : { ...lead.custom };
  const row: Record<string, unknown> = {
    LeadId: String(lead.id),
    GroupId: options.groupId,
    Tags: lead.tagIds.join(','),
    Firstname: lead.firstName,
    Lastname: lead.lastName,
    'E-Mail': lead.email,
    Phone: lead.phone,
    Mobile: lead.mobile,
    CountryCode: lead.countryCode,
    Zipcode: lead.zip,
    City: lead.city,
    State: lead.state,
    Address: lead.address,
    Company: lead.company,
    Website: lead.website,
    Lead_Custom_Fields: custom,
  };
  if (options.locationId !== undefined) row.LocationId = options.locationId;
  return row;
}

/** The account-level call row (FetchUserCallLog, and the base of FetchCallTranscripts). */
export function callRow(
  call: SbCall,
  state: HotProspectorState,
  zone: string,
  style: PhoneStyle,
): Record<string, unknown> {
  const lead = state.lead(call.leadId);
  const member = state.member(call.memberId);
  const leadNumber = lead?.dial ?? '';
  const account = wirePhone(call.accountNumber, style);
  const other = wirePhone(leadNumber, style);
  return {
    leadId: String(call.leadId),
    lead_Name: leadName(lead),
    from_number: call.inbound ? other : account,
    to_number: call.inbound ? account : other,
    recording: call.hasRecording ? recordingUrl(call.id) : '',
    group: state.group(call.groupId)?.title ?? '',
    caller_name: member ? `${member.firstName} ${member.lastName}` : '',
    call_time: formatLogTime(call.at, zone),
    duration: String(call.durationSec),
    city: lead?.city ?? '',
    state: lead?.state ?? '',
    transfer: call.transfer ? 'Yes' : 'No',
    recordingId: String(call.id),
    call_status: call.status,
    call_type: call.inbound ? 'inbound' : 'outbound',
    speed_to_lead: call.speedToLeadSec,
    campaignId: call.campaignId ? String(call.campaignId) : '',
    statusId: String(call.statusId),
  };
}

/**
 * An SMS row. The account-wide log (`accountLog`) adds direction, groupId and the lead's tag
 * ids before messageId, as FetchUserSMSLogs does; the per-lead log does not.
 */
export function smsRow(
  sms: SbSms,
  lead: SbLead | undefined,
  zone: string,
  style: PhoneStyle,
  accountLog: boolean,
): Record<string, unknown> {
  const account = wirePhone(sms.accountNumber, style);
  const other = wirePhone(lead?.dial ?? '', style);
  const inbound = sms.status === 'Received';
  const row: Record<string, unknown> = {
    leadId: String(sms.leadId),
    lead_Name: leadName(lead),
    from_number: inbound ? other : account,
    to_number: inbound ? account : other,
    message: sms.body,
    dated: formatLogTime(sms.at, zone),
    status: sms.status,
  };
  if (accountLog) {
    row.direction = inbound ? 'inbound' : 'outbound';
    row.groupId = String(sms.groupId);
    row.tags = lead ? lead.tagIds.join(',') : '';
  }
  row.messageId = String(sms.id);
  return row;
}

/** limit/offset page envelope fields, as FetchUserSMSLogs/FetchUserCallLog/FetchCallTranscripts send them. */
export function pageFields(total: number, returned: number, limit: number, offset: number): Record<string, unknown> {
  const hasMore = offset + returned < total;
  return {
    total_records: total,
    returned_records: returned,
    limit,
    offset,
    has_more: hasMore,
    next_offset: hasMore ? offset + limit : null,
  };
}

/** Reads limit/offset with the documented defaults (100 / 0); nonsense values fall back to them. */
export function pageWindow(limitText: number, offsetText: number): { limit: number; offset: number } {
  return {
    limit: limitText > 0 ? limitText : 100,
    offset: offsetText > 0 ? offsetText : 0,
  };
}
