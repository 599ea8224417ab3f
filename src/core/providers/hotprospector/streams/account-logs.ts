import type { PullCounts } from '../../../sync/pull/context';
import type { HpPullContext as PullContext } from './context';
import { extendCallLogCoverage } from './call-coverage';
import { pullPagedLog } from './paged-window';

/** The account's call log, SMS log and call transcripts, each with its own cursor. */
export async function pullAccountLogs(ctx: PullContext): Promise<PullCounts> {
  const calls = await pullPagedLog(ctx, {
    resource: 'calls',
    // Oldest first: rows that arrive during the pull land after the offset, so none is skipped.
    fetch: (window, offset, limit, options) =>
      ctx.client.listAccountCalls(
        { fromDate: window.from, toDate: window.to, offset, limit, sortBy: 'call_time', sortOrder: 'ASC' },
        options,
      ),
    onWindow: (window) => extendCallLogCoverage(ctx.cache, window.from),
  });
  const sms = await pullPagedLog(ctx, {
    resource: 'sms',
    fetch: (window, offset, limit, options) =>
      ctx.client.listAccountSms({ fromDate: window.from, toDate: window.to, offset, limit }, options),
  });
  const transcripts = await pullPagedLog(ctx, {
    resource: 'transcripts',
    fetch: (window, offset, limit, options) =>
      ctx.client.listCallTranscripts(
        { fromDate: window.from, toDate: window.to, offset, limit, sortBy: 'call_time', sortOrder: 'ASC' },
        options,
      ),
  });
  return { calls, sms, transcripts };
}
