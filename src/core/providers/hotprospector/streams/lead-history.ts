import { z } from 'zod';
import type { Activity } from '../../../../shared/domain';
import { CURSOR, readCursor } from '../../../sync/cursors';
import { dayIn, shiftDay } from '../../../sync/dates';
import { isLocalLeadId } from '../../../sync/local-ids';
import { callLogCoverageStart } from './call-coverage';
import { callOptions } from '../../../sync/pull/context';
import type { HpPullContext as PullContext } from './context';
import { withKnownTimes } from '../../../sync/pull/known-time';

/**
 * One lead's own history: its notes (Hot Prospector lists notes only per lead), its ringless
 * voicemail drops (no account-wide log has them), its SMS, and its calls from before the
 * account call log's coverage. Read when the agent opens the lead and for recently active
 * leads during a sync; written in one transaction with the lead's cursor.
 *
 * After the first read only the days since the last one are asked for (SMS, drops); old calls
 * are read once, since days before the coverage start do not change.
 */
const historyCursorSchema = z.object({ refreshedAt: z.string(), olderCallsRead: z.boolean() });

export type HistoryContext = Pick<PullContext, 'cache' | 'client' | 'exclusive' | 'signal' | 'now' | 'full'>;

export interface HistoryCounts {
  notes: number;
  activities: number;
}

export async function refreshLeadHistory(ctx: HistoryContext, leadId: string): Promise<HistoryCounts> {
  if (isLocalLeadId(leadId)) return { notes: 0, activities: 0 };
  const { client } = ctx;
  const options = callOptions(ctx);
  return ctx.exclusive.run(async () => {
    const saved = ctx.full ? null : await readCursor(ctx.cache, CURSOR.leadHistory(leadId), historyCursorSchema);
    const since = saved ? shiftDay(dayIn(client.timezone, new Date(saved.refreshedAt)), -1) : undefined;
    const coverage = await callLogCoverageStart(ctx.cache);
    // Until the account call log has been read, nobody knows where its days begin: old calls wait.
    const readOlderCalls = !saved?.olderCallsRead && coverage !== null;

    const notes = withKnownTimes(await client.listLeadNotes({ leadId }, options));
    const activities: Activity[] = [
      ...(await client.listLeadSms({ leadId, fromDate: since }, options)),
      ...(await client.listLeadVoicemailDrops({ leadId, fromDate: since }, options)),
    ];
    if (readOlderCalls) {
      // The rows do not say their direction; asking per direction is the only way to know it.
      const toDate = shiftDay(coverage, -1);
      activities.push(...(await client.listLeadCalls({ leadId, toDate, type: 'inbound' }, options)));
      activities.push(...(await client.listLeadCalls({ leadId, toDate, type: 'outbound' }, options)));
    }
    const rows = withKnownTimes(activities);
    await ctx.cache.transaction(async (tx) => {
      await tx.notes.upsertRemotePage(notes);
      await tx.activities.upsertPage(rows);
      await tx.syncCursors.set(CURSOR.leadHistory(leadId), {
        refreshedAt: ctx.now().toISOString(),
        olderCallsRead: Boolean(saved?.olderCallsRead) || readOlderCalls,
      });
    });
    return { notes: notes.length, activities: rows.length };
  });
}
