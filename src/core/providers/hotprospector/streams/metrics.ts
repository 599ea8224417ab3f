import { z } from 'zod';
import { CURSOR, readCursor } from '../../../sync/cursors';
import { dayIn, daysBetween, laterDay, shiftDay } from '../../../sync/dates';
import { callOptions, type PullCounts } from '../../../sync/pull/context';
import type { HpPullContext as PullContext } from './context';

/**
 * The team dashboard (getMemberDashboardData), one snapshot per day. A full sync reads the last
 * week; an incremental one re-reads the last synced day (it may have been read mid-day) through
 * today. Each day is saved with the cursor in one transaction.
 */
export const METRIC_DAYS = 7;

const metricsCursorSchema = z.object({ syncedThrough: z.string() });

export async function pullMetrics(ctx: PullContext): Promise<PullCounts> {
  const today = dayIn(ctx.client.timezone, ctx.now());
  const earliest = shiftDay(today, -(METRIC_DAYS - 1));
  const saved = ctx.full ? null : await readCursor(ctx.cache, CURSOR.metrics, metricsCursorSchema);
  const days = daysBetween(saved ? laterDay(saved.syncedThrough, earliest) : earliest, today);
  const progress = ctx.progress('metrics');
  progress.start(days.length);
  for (const date of days) {
    await ctx.exclusive.run(async () => {
      const board = await ctx.client.getDashboard({ date }, callOptions(ctx));
      await ctx.cache.transaction(async (tx) => {
        await tx.metrics.saveDashboard({ date, lastUpdated: board.lastUpdated, agents: board.agents });
        await tx.syncCursors.set(CURSOR.metrics, { syncedThrough: date });
      });
    });
    progress.advance();
  }
  progress.finish('done');
  return { metrics: days.length };
}
