import { z } from 'zod';
import type { Activity } from '../../../../shared/domain';
import type { HpPage } from '../types';
import { CURSOR, readCursor } from '../../../sync/cursors';
import { dayIn, laterDay, shiftDay } from '../../../sync/dates';
import { callOptions, noteActiveLeads } from '../../../sync/pull/context';
import type { HpPullContext as PullContext } from './context';
import { withKnownTimes } from '../../../sync/pull/known-time';

/**
 * The account-wide logs (calls, SMS, transcripts): limit/offset pages over a date window of
 * at most 30 days (the call log refuses more). A full sync reads the last 30 days; an
 * incremental one reads from the day before the last synced day (late rows land on the day
 * they happened) through today. The window and offset are saved with every page, so an
 * interrupted pull resumes at the next page. Rows are keyed by id, so re-reading is harmless.
 */

export const LOG_WINDOW_DAYS = 30;
const PAGE_SIZE = 100;

const windowSchema = z.object({ from: z.string(), to: z.string(), offset: z.number().int().min(0) });
const cursorSchema = z.object({ active: windowSchema.nullable(), syncedThrough: z.string().nullable() });
type WindowCursor = z.infer<typeof cursorSchema>;
export type DayWindow = { from: string; to: string };

export interface PagedLogSpec {
  resource: 'calls' | 'sms' | 'transcripts';
  fetch(window: DayWindow, offset: number, limit: number, options: { signal?: AbortSignal }): Promise<HpPage<Activity>>;
  /** Called with each window as it starts (the call log records how far back it has covered). */
  onWindow?(window: DayWindow): Promise<void>;
}

export async function pullPagedLog(ctx: PullContext, spec: PagedLogSpec): Promise<number> {
  const name = CURSOR[spec.resource];
  const today = dayIn(ctx.client.timezone, ctx.now());
  let cursor: WindowCursor = (ctx.full ? null : await readCursor(ctx.cache, name, cursorSchema)) ?? {
    active: null,
    syncedThrough: null,
  };
  const progress = ctx.progress(spec.resource);
  progress.start(null, cursor.active?.offset ?? 0);
  let written = 0;

  for (;;) {
    const active = cursor.active ?? { ...nextWindow(cursor.syncedThrough, today), offset: 0 };
    await spec.onWindow?.(active);
    let offset = active.offset;
    for (;;) {
      const page = await ctx.exclusive.run(async () => {
        const fetched = await spec.fetch(active, offset, PAGE_SIZE, callOptions(ctx));
        const rows = withKnownTimes(fetched.items);
        const next = nextOffset(fetched, offset);
        cursor =
          next === null
            ? { active: null, syncedThrough: active.to }
            : { active: { ...active, offset: next }, syncedThrough: cursor.syncedThrough };
        await ctx.cache.transaction(async (tx) => {
          await tx.activities.upsertPage(rows);
          await tx.syncCursors.set(name, cursor);
        });
        noteActiveLeads(ctx, rows);
        return { rows: rows.length, total: fetched.total, next };
      });
      written += page.rows;
      if (page.total !== null) progress.setTotal(page.total);
      progress.advance(page.rows);
      if (page.next === null) break;
      offset = page.next;
    }
    // A window resumed from an earlier day ends before today: read on through today.
    if (active.to >= today) break;
  }
  progress.finish('done');
  return written;
}

function nextWindow(syncedThrough: string | null, today: string): DayWindow {
  const earliest = shiftDay(today, -LOG_WINDOW_DAYS);
  const from = syncedThrough === null ? earliest : laterDay(shiftDay(syncedThrough, -1), earliest);
  return { from, to: today };
}

/** Where the next page starts, or null when this one was the last. */
function nextOffset(page: HpPage<Activity>, offset: number): number | null {
  if (!page.hasMore || page.items.length === 0) return null;
  return page.nextOffset ?? offset + page.items.length;
}
