import type { Activity } from '../../../../shared/domain';
import { readCall, readSms } from '../wire/activities';
import { emptyPage, readCallLogPage, readPage } from '../wire/pages';
import { listUnder } from '../wire/record';
import { defineMethod, emptyWhenNotFound } from './spec';
import { compact } from './wireBody';
import type { HpCallLogPage, HpPage } from '../types';

const LIST_KEYS = ['Results', 'results', 'result', 'data'];

export interface AccountSmsLogParams {
  /** Y-m-d */
  fromDate?: string;
  /** Y-m-d */
  toDate?: string;
  direction?: 'inbound' | 'outbound';
  groupId?: string;
  leadId?: string;
  status?: 'Sent' | 'Received' | 'Failed';
  limit?: number;
  offset?: number;
}

export const fetchUserSmsLogs = defineMethod<AccountSmsLogParams, HpPage<Activity>>({
  method: 'FetchUserSMSLogs',
  write: false,
  toWire: (p) =>
    compact({
      from_date: p.fromDate,
      to_date: p.toDate,
      direction: p.direction,
      groupId: p.groupId,
      leadId: p.leadId,
      status: p.status,
      limit: p.limit,
      offset: p.offset,
    }),
  read: (answer, p, ctx) =>
    readPage(
      answer,
      listUnder(answer, LIST_KEYS).map((row) => readSms(row, ctx, { direction: p.direction ?? null })),
    ),
  whenRejected: emptyWhenNotFound(() => emptyPage<Activity>()),
});

export interface AccountCallLogParams {
  /** Y-m-d; the server allows at most 30 days per request. */
  fromDate?: string;
  toDate?: string;
  type?: 'inbound' | 'outbound';
  campaignId?: string;
  groupId?: string;
  locationId?: string;
  memberId?: string;
  statusId?: string;
  minDurationSec?: number;
  maxDurationSec?: number;
  searchPhone?: string;
  transferOnly?: 'Yes' | 'No';
  limit?: number;
  offset?: number;
  sortBy?: 'call_time' | 'duration';
  sortOrder?: 'ASC' | 'DESC';
}

/** The Method is FetchUserCallLog (singular), even though the docs' export listed it twice. */
export const fetchUserCallLog = defineMethod<AccountCallLogParams, HpCallLogPage<Activity>>({
  method: 'FetchUserCallLog',
  write: false,
  toWire: (p) =>
    compact({
      from_date: p.fromDate,
      to_date: p.toDate,
      type: p.type,
      campaignId: p.campaignId,
      groupId: p.groupId,
      locationId: p.locationId,
      memberId: p.memberId,
      statusId: p.statusId,
      min_duration: p.minDurationSec,
      max_duration: p.maxDurationSec,
      search_phone: p.searchPhone,
      transfer_only: p.transferOnly,
      limit: p.limit,
      offset: p.offset,
      sort_by: p.sortBy,
      sort_order: p.sortOrder,
    }),
  read: (answer, p, ctx) =>
    readCallLogPage(
      answer,
      listUnder(answer, LIST_KEYS).map((row) => readCall(row, ctx, { direction: p.type ?? null })),
    ),
  whenRejected: emptyWhenNotFound(() => emptyPage<Activity>()),
});
