import { dateRange, sliceByTime, type TimeRange } from '../date-filter';
import type { Params } from '../request-fields';
import { daysBetween, endOfLocalDay, localYmd, shiftYmd, startOfLocalDay } from '../time';
import { digitsOf } from '../text';
import type { SbCall, SbSms } from '../types';
import { callRow, pageFields, pageWindow, smsRow } from '../wire';
import { MISSING_PARAMETER, fail, ok, type MethodContext, type MethodSpec } from './method';

/** Account-wide SMS and call logs, paged with limit/offset and has_more/next_offset. */

/** "from_date … Max range 30 days." The docs give no error text; this one names the rule. */
export const MAX_CALL_LOG_RANGE_DAYS = 30;
export const CALL_LOG_RANGE_MESSAGE = 'Date range can not be greater than 30 days. Max range 30 days.';

function newestFirst<T extends { at: number }>(rows: T[]): T[] {
  return rows.reverse();
}

/**
 * An optional equality filter on one parameter: an empty parameter matches everything. The
 * parameter is read once, not per row, because filters run over hundreds of thousands of rows.
 */
export function equalsParam(params: Params, key: string): (value: number | string) => boolean {
  const wanted = params.str(key);
  return wanted === '' ? () => true : (value) => String(value) === wanted;
}

const FetchUserSMSLogs: MethodSpec = {
  name: 'FetchUserSMSLogs',
  write: false,
  authFailure: 'login',
  // v1: the answer wrapped in a one-item array; v2: the bare object.
  variants: ['v1', 'v2'],
  handle: ({ params, state, variant, zone }) => {
    const range = dateRange(params, zone);
    if (range === null) return fail(MISSING_PARAMETER);
    const direction = params.str('direction');
    const group = equalsParam(params, 'groupId');
    const lead = equalsParam(params, 'leadId');
    const status = equalsParam(params, 'status');
    const keep = (sms: SbSms): boolean =>
      (direction === '' || (direction === 'inbound') === (sms.status === 'Received')) &&
      group(sms.groupId) &&
      lead(sms.leadId) &&
      status(sms.status);
    const matched = newestFirst(sliceByTime(state.data.sms, range).filter(keep));
    const { limit, offset } = pageWindow(params.int('limit', 100), params.int('offset', 0));
    const page = matched.slice(offset, offset + limit);
    if (page.length === 0) return fail('No SMS logs found');
    const results = page.map((sms) => smsRow(sms, state.lead(sms.leadId), zone, 'e164', true));
    const body = {
      response: 'true',
      Results: results,
      ...pageFields(matched.length, page.length, limit, offset),
      message: `There are ${matched.length} SMS`,
    };
    return ok(variant === 'v2' ? body : [body]);
  },
};

/**
 * The call log's window: both days inclusive, at most 30 days apart. A missing to_date means
 * today; a missing from_date means 30 days before to_date.
 */
function callLogWindow(ctx: MethodContext): TimeRange | string {
  const { params, zone, now } = ctx;
  const toYmd = params.str('to_date') || localYmd(now, zone);
  const fromYmd = params.str('from_date') || shiftYmd(toYmd, -MAX_CALL_LOG_RANGE_DAYS);
  const span = daysBetween(fromYmd, toYmd);
  const from = startOfLocalDay(fromYmd, zone);
  const to = endOfLocalDay(toYmd, zone);
  if (span === null || from === null || to === null || span < 0) return MISSING_PARAMETER;
  if (span > MAX_CALL_LOG_RANGE_DAYS) return CALL_LOG_RANGE_MESSAGE;
  return { from, to };
}

function callFilter(ctx: MethodContext): (call: SbCall) => boolean {
  const { params } = ctx;
  const type = params.str('type');
  const min = params.int('min_duration', 0);
  const max = params.int('max_duration', 0);
  const phone = digitsOf(params.str('search_phone'));
  const transfer = params.str('transfer_only');
  const campaign = equalsParam(params, 'campaignId');
  const group = equalsParam(params, 'groupId');
  const member = equalsParam(params, 'memberId');
  const status = equalsParam(params, 'statusId');
  return (call) => {
    if (type !== '' && (type === 'inbound') !== call.inbound) return false;
    if (!campaign(call.campaignId) || !group(call.groupId) || !member(call.memberId) || !status(call.statusId)) {
      return false;
    }
    if (min > 0 && call.durationSec < min) return false;
    if (max > 0 && call.durationSec > max) return false;
    if (transfer !== '' && (transfer === 'Yes') !== call.transfer) return false;
    if (phone !== '') {
      const numbers = digitsOf(`${call.accountNumber} ${ctx.state.lead(call.leadId)?.dial ?? ''}`);
      if (!numbers.includes(phone)) return false;
    }
    return true;
  };
}

/**
 * sort_by call_time (default) or duration; sort_order DESC (default) or ASC. `calls` arrives in
 * time order already, so the default needs no comparison sort: a sync paging 250k calls asks
 * this thousands of times.
 */
export function sortCalls(calls: SbCall[], params: Params): SbCall[] {
  const asc = params.str('sort_order').toUpperCase() === 'ASC';
  if (params.str('sort_by') !== 'duration') return asc ? calls : calls.reverse();
  const sign = asc ? 1 : -1;
  return calls.sort((a, b) => sign * (a.durationSec - b.durationSec || a.at - b.at));
}

export function filteredCalls(ctx: MethodContext, range: TimeRange): SbCall[] {
  return sortCalls(sliceByTime(ctx.state.data.calls, range).filter(callFilter(ctx)), ctx.params);
}

export function directionCounts(calls: readonly SbCall[]): { inbound: number; outbound: number } {
  let inbound = 0;
  for (const c of calls) if (c.inbound) inbound++;
  return { inbound, outbound: calls.length - inbound };
}

const FetchUserCallLog: MethodSpec = {
  name: 'FetchUserCallLog',
  write: false,
  authFailure: 'login',
  variants: ['v1'],
  handle: (ctx) => {
    const window = callLogWindow(ctx);
    if (typeof window === 'string') return fail(window);
    const calls = filteredCalls(ctx, window);
    const { limit, offset } = pageWindow(ctx.params.int('limit', 100), ctx.params.int('offset', 0));
    const page = calls.slice(offset, offset + limit);
    if (page.length === 0) return fail('No call logs found');
    const { inbound, outbound } = directionCounts(calls);
    return ok({
      response: 'true',
      Results: page.map((call) => callRow(call, ctx.state, ctx.zone, 'e164')),
      ...pageFields(calls.length, page.length, limit, offset),
      message: `There are ${inbound} inbound & ${outbound} outbound Call(s) (Total: ${calls.length})`,
      inbound_count: String(inbound),
      outbound_count: String(outbound),
    });
  },
};

export const ACCOUNT_LOG_METHODS = [FetchUserSMSLogs, FetchUserCallLog];
