import { dateRange, inRange } from '../date-filter';
import type { SbLead } from '../types';
import { formatLogTime } from '../time';
import { leadName, recordingUrl, smsRow, voiceFileUrl, wirePhone, type PhoneStyle } from '../wire';
import { MISSING_PARAMETER, fail, ok, type MethodContext, type MethodResult, type MethodSpec } from './method';

/**
 * One lead's call, SMS and ringless-voicemail history. The lead is named by LeadId, else
 * LeadPhone (any spelling), else LeadEmail. V1 rows print bare national numbers, V2 rows E.164.
 */

function targetLeads(ctx: MethodContext): SbLead[] | null {
  const { params, state } = ctx;
  if (params.has('LeadId')) {
    const id = params.id('LeadId');
    const lead = id === null ? undefined : state.lead(id);
    return lead ? [lead] : [];
  }
  if (params.has('LeadPhone')) return state.leadsByPhone(params.str('LeadPhone'));
  if (params.has('LeadEmail')) return state.leadsByEmail(params.str('LeadEmail'));
  return null;
}

function leadLog<T extends { at: number }>(
  ctx: MethodContext,
  pick: (leadId: number) => readonly T[],
  render: (row: T, lead: SbLead, style: PhoneStyle) => Record<string, unknown>,
  labels: { empty: string; message: string },
  keep: (row: T) => boolean = () => true,
): MethodResult {
  const leads = targetLeads(ctx);
  if (leads === null) return fail(MISSING_PARAMETER);
  const range = dateRange(ctx.params, ctx.zone);
  if (range === null) return fail(MISSING_PARAMETER);
  const style: PhoneStyle = ctx.variant === 'v2' ? 'e164' : 'national';
  const rows: Array<{ at: number; wire: Record<string, unknown> }> = [];
  for (const lead of leads) {
    for (const row of pick(lead.id)) {
      if (inRange(row.at, range) && keep(row)) rows.push({ at: row.at, wire: render(row, lead, style) });
    }
  }
  if (rows.length === 0) return fail(labels.empty);
  rows.sort((a, b) => b.at - a.at);
  const results = rows.map((r) => r.wire);
  return ok(
    ctx.variant === 'v2'
      ? { response: 'true', Results: results }
      : { response: 'true', Results: results, message: labels.message },
  );
}

const FetchLeadCallLogs: MethodSpec = {
  name: 'FetchLeadCallLogs',
  write: false,
  authFailure: 'login',
  variants: ['v1', 'v2'],
  handle: (ctx) => {
    const type = ctx.params.str('type');
    return leadLog(
      ctx,
      (id) => ctx.state.activityOf(id).calls,
      (call, lead, style) => {
        const account = wirePhone(call.accountNumber, style);
        const other = wirePhone(lead.dial ?? '', style);
        const row: Record<string, unknown> = { leadId: String(lead.id), lead_Name: leadName(lead) };
        if (ctx.variant !== 'v2') row.location_name = '';
        Object.assign(row, {
          from_number: call.inbound ? other : account,
          to_number: call.inbound ? account : other,
          call_time: formatLogTime(call.at, ctx.zone),
          transfer: call.transfer ? 'Yes' : 'No',
          state: lead.state,
          city: lead.city,
          duration: String(call.durationSec),
          recording: call.hasRecording ? recordingUrl(call.id) : '',
          call_status: call.status,
          // A string in the V1 doc, a number in the V2 doc.
          speed_to_lead: ctx.variant === 'v2' ? call.speedToLeadSec : String(call.speedToLeadSec),
        });
        return row;
      },
      { empty: 'No call logs found', message: 'Lead Call Records' },
      (call) => type === '' || (type === 'inbound') === call.inbound,
    );
  },
};

const FetchLeadSMSLogs: MethodSpec = {
  name: 'FetchLeadSMSLogs',
  write: false,
  authFailure: 'login',
  variants: ['v1', 'v2'],
  handle: (ctx) =>
    leadLog(
      ctx,
      (id) => ctx.state.activityOf(id).sms,
      (sms, lead, style) => smsRow(sms, lead, ctx.zone, style, false),
      { empty: 'No SMS logs found', message: 'Lead SMS Records' },
    ),
};

const FetchLeadRVMLogs: MethodSpec = {
  name: 'FetchLeadRVMLogs',
  write: false,
  authFailure: 'login',
  variants: ['v1', 'v2'],
  handle: (ctx) =>
    leadLog(
      ctx,
      (id) => ctx.state.activityOf(id).rvm,
      (rvm, lead, style) => ({
        leadId: String(lead.id),
        lead_Name: leadName(lead),
        from_number: wirePhone(rvm.accountNumber, style),
        to_number: wirePhone(lead.dial ?? '', style),
        group: ctx.state.group(rvm.groupId)?.title ?? '',
        dated: formatLogTime(rvm.at, ctx.zone),
        voice_file: voiceFileUrl(rvm.id),
        duration: String(rvm.durationSec),
        vmId: String(rvm.id),
      }),
      { empty: 'No RVM logs found', message: 'Lead RVM Records' },
    ),
};

export const LEAD_LOG_METHODS = [FetchLeadCallLogs, FetchLeadSMSLogs, FetchLeadRVMLogs];
