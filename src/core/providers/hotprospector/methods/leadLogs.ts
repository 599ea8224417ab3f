import type { Activity } from '../../../../shared/domain';
import { readCall, readRvm, readSms } from '../wire/activities';
import { listUnder } from '../wire/record';
import { defineMethod, emptyWhenNotFound } from './spec';
import { compact, requireOneOf } from './wireBody';

/** Per-lead logs find the lead by id, phone or email; at least one is needed. */
export interface LeadLogParams {
  leadId?: string;
  leadPhone?: string;
  leadEmail?: string;
  /** Y-m-d */
  fromDate?: string;
  /** Y-m-d */
  toDate?: string;
}

export interface LeadCallLogParams extends LeadLogParams {
  type?: 'inbound' | 'outbound';
}

function leadLogBody(method: string, p: LeadLogParams): Record<string, unknown> {
  requireOneOf(method, { leadId: p.leadId, leadPhone: p.leadPhone, leadEmail: p.leadEmail });
  return { LeadId: p.leadId, LeadPhone: p.leadPhone, LeadEmail: p.leadEmail, from_date: p.fromDate, to_date: p.toDate };
}

const LIST_KEYS = ['Results', 'results', 'result', 'data'];

export const fetchLeadCallLogs = defineMethod<LeadCallLogParams, Activity[]>({
  method: 'FetchLeadCallLogs',
  write: false,
  toWire: (p) => compact({ ...leadLogBody('FetchLeadCallLogs', p), type: p.type }),
  // Rows have no call_type; when the request filtered by direction, that is the direction.
  read: (answer, p, ctx) =>
    listUnder(answer, LIST_KEYS).map((row) => readCall(row, ctx, { leadId: p.leadId, direction: p.type ?? null })),
  whenRejected: emptyWhenNotFound(() => []),
});

export const fetchLeadSmsLogs = defineMethod<LeadLogParams, Activity[]>({
  method: 'FetchLeadSMSLogs',
  write: false,
  toWire: (p) => compact(leadLogBody('FetchLeadSMSLogs', p)),
  read: (answer, p, ctx) => listUnder(answer, LIST_KEYS).map((row) => readSms(row, ctx, { leadId: p.leadId })),
  whenRejected: emptyWhenNotFound(() => []),
});

export const fetchLeadRvmLogs = defineMethod<LeadLogParams, Activity[]>({
  method: 'FetchLeadRVMLogs',
  write: false,
  toWire: (p) => compact(leadLogBody('FetchLeadRVMLogs', p)),
  read: (answer, p, ctx) => listUnder(answer, LIST_KEYS).map((row) => readRvm(row, ctx, { leadId: p.leadId })),
  whenRejected: emptyWhenNotFound(() => []),
});
