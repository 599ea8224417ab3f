import type { Activity } from '../../../../shared/domain';
import { emptyPage, readCallLogPage } from '../wire/pages';
import { listUnder } from '../wire/record';
import { readTranscript } from '../wire/transcripts';
import { defineMethod, emptyWhenNotFound } from './spec';
import { compact } from './wireBody';
import type { HpCallLogPage } from '../types';

export interface CallTranscriptParams {
  /** Y-m-d */
  fromDate?: string;
  toDate?: string;
  callType?: 'inbound' | 'outbound';
  campaignId?: string;
  groupId?: string;
  memberId?: string;
  statusId?: string;
  minDurationSec?: number;
  maxDurationSec?: number;
  searchPhone?: string;
  searchKeyword?: string;
  flaggedOnly?: boolean;
  recordingId?: string;
  limit?: number;
  offset?: number;
  /** Endpoint-specific paging state; pass back what the server handed out. */
  cursor?: string | number;
  sortBy?: 'call_time' | 'duration';
  sortOrder?: 'ASC' | 'DESC';
  summaryOnly?: boolean;
  compressTranscripts?: boolean;
  /** Sent as one comma-separated string. */
  fields?: string[];
  returnFormat?: 'array';
}

export const fetchCallTranscripts = defineMethod<CallTranscriptParams, HpCallLogPage<Activity>>({
  method: 'FetchCallTranscripts',
  write: false,
  toWire: (p) =>
    compact({
      return_format: p.returnFormat,
      from_date: p.fromDate,
      to_date: p.toDate,
      call_type: p.callType,
      campaignId: p.campaignId,
      groupId: p.groupId,
      memberId: p.memberId,
      statusId: p.statusId,
      min_duration: p.minDurationSec,
      max_duration: p.maxDurationSec,
      search_phone: p.searchPhone,
      search_keyword: p.searchKeyword,
      flagged_only: p.flaggedOnly,
      recordingId: p.recordingId,
      limit: p.limit,
      offset: p.offset,
      cursor: p.cursor,
      sort_by: p.sortBy,
      sort_order: p.sortOrder,
      summary_only: p.summaryOnly,
      compress_transcripts: p.compressTranscripts,
      fields: p.fields?.join(','),
    }),
  // V1 puts the rows under `results`, V2 under `Results`.
  read: (answer, _p, ctx) =>
    readCallLogPage(
      answer,
      listUnder(answer, ['Results', 'results', 'result', 'data']).map((row) => readTranscript(row, ctx)),
    ),
  whenRejected: emptyWhenNotFound(() => emptyPage<Activity>()),
});
