import { dateRange, sliceByTime } from '../date-filter';
import { formatSqlTime, localYmd } from '../time';
import { digitsOf } from '../text';
import { transcriptTurns, type Turn } from '../transcript';
import type { SbCall } from '../types';
import { callRow, pageFields, pageWindow } from '../wire';
import { directionCounts, equalsParam, sortCalls } from './account-logs';
import { MISSING_PARAMETER, fail, ok, type MethodContext, type MethodSpec } from './method';

/**
 * Conversation intelligence. The two docs disagree on almost everything here: V1 answers
 * `results` with message_data as plain strings and message_data_raw as JSON text carrying
 * speakers; V2 answers `Results` with {role, content} turns and "role: text" lines.
 */

interface RenderedTranscript {
  data: unknown[];
  raw: string;
  text: string;
}

function v1Transcript(turns: Turn[]): RenderedTranscript {
  const messages = turns.map((t) => ({
    channel: t.role === 'agent' ? '1' : '2',
    speaker: t.role === 'agent' ? '1' : '2',
    text: t.text,
    confidence: t.confidence,
    start: t.startMs,
    end: t.endMs,
  }));
  return {
    data: turns.map((t) => t.text),
    raw: JSON.stringify({ messages }),
    text: turns.map((t) => t.text).join(' '),
  };
}

function v2Transcript(turns: Turn[]): RenderedTranscript {
  const lines = turns.map((t) => `${t.role}: ${t.text}`).join('\n');
  return { data: turns.map((t) => ({ role: t.role, content: t.text })), raw: lines, text: lines };
}

function transcriptFilter(ctx: MethodContext): (call: SbCall) => boolean {
  const { params, state, seed } = ctx;
  const type = params.str('call_type');
  const min = params.int('min_duration', 0);
  const max = params.int('max_duration', 0);
  const flaggedOnly = params.bool('flagged_only');
  const phone = digitsOf(params.str('search_phone'));
  const keyword = params.str('search_keyword').toLowerCase();
  const campaign = equalsParam(params, 'campaignId');
  const group = equalsParam(params, 'groupId');
  const member = equalsParam(params, 'memberId');
  const status = equalsParam(params, 'statusId');
  const recording = equalsParam(params, 'recordingId');
  return (call) => {
    if (!call.hasTranscript) return false;
    if (type !== '' && (type === 'inbound') !== call.inbound) return false;
    if (!campaign(call.campaignId) || !group(call.groupId) || !member(call.memberId)) return false;
    if (!status(call.statusId) || !recording(call.id)) return false;
    if ((min > 0 && call.durationSec < min) || (max > 0 && call.durationSec > max)) return false;
    if (flaggedOnly && !call.flagged) return false;
    const lead = state.lead(call.leadId);
    if (phone !== '' && !digitsOf(`${call.accountNumber} ${lead?.dial ?? ''}`).includes(phone)) return false;
    if (keyword !== '') {
      const turns = transcriptTurns(seed, call, lead, state.member(call.memberId));
      if (!turns.some((t) => t.text.toLowerCase().includes(keyword))) return false;
    }
    return true;
  };
}

/** `fields` keeps only the listed keys; summary_only drops the transcript; compress drops the raw copy. */
function shape(ctx: MethodContext, row: Record<string, unknown>): Record<string, unknown> {
  const { params } = ctx;
  if (params.bool('summary_only')) {
    delete row.message_data;
    delete row.message_data_raw;
    delete row.transcript_text;
  } else if (params.bool('compress_transcripts')) {
    delete row.message_data_raw;
  }
  const fields = params.list('fields');
  if (fields.length === 0) return row;
  return Object.fromEntries(Object.entries(row).filter(([key]) => fields.includes(key)));
}

const FetchCallTranscripts: MethodSpec = {
  name: 'FetchCallTranscripts',
  write: false,
  authFailure: 'api',
  variants: ['v1', 'v2'],
  handle: (ctx) => {
    const { params, state, variant, zone, seed } = ctx;
    const range = dateRange(params, zone);
    if (range === null) return fail(MISSING_PARAMETER);
    const calls = sortCalls(sliceByTime(state.data.calls, range).filter(transcriptFilter(ctx)), params);
    // `cursor` is the V1 implementation's alias for offset.
    const offsetParam = params.int('offset', 0) || params.int('cursor', 0);
    const { limit, offset } = pageWindow(params.int('limit', 100), offsetParam);
    const page = calls.slice(offset, offset + limit);
    if (page.length === 0) return fail('No transcripts found');
    const rows = page.map((call) => {
      const turns = transcriptTurns(seed, call, state.lead(call.leadId), state.member(call.memberId));
      const transcript = variant === 'v2' ? v2Transcript(turns) : v1Transcript(turns);
      return shape(ctx, {
        ...callRow(call, state, zone, 'e164'),
        message_data: transcript.data,
        message_data_raw: transcript.raw,
        analytics_status: 'completed',
        analytics_dated: formatSqlTime(call.at + call.durationSec * 1000 + 5 * 60_000, zone),
        transcript_text: transcript.text,
      });
    });
    const paging = pageFields(calls.length, page.length, limit, offset);
    if (variant === 'v2') return ok({ response: 'true', Results: rows, ...paging });
    const { inbound, outbound } = directionCounts(calls);
    return ok({
      response: 'true',
      date: params.str('to_date') || localYmd(ctx.now, zone),
      results: rows,
      ...paging,
      message: `There are ${inbound} inbound & ${outbound} outbound Call(s) (Total: ${calls.length})`,
      inbound_count: String(inbound),
      outbound_count: String(outbound),
    });
  },
};

export const TRANSCRIPT_METHODS = [FetchCallTranscripts];
