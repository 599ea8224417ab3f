import { z } from 'zod';
import { CURSOR, readCursor } from '../../../sync/cursors';
import type { PullCounts } from '../../../sync/pull/context';
import type { HpPullContext as PullContext } from './context';
import { refreshLeadHistory } from './lead-history';

/** How many recently active leads get their own history read per sync. */
export const RECENT_LEADS_PER_SYNC = 25;

/**
 * Notes and per-lead logs. Hot Prospector lists notes per lead only, one request each, so:
 * - a full sync walks every cached lead (resumable: the cursor keeps its place in the walk);
 * - every sync refreshes the leads with the newest activity in the logs it just pulled.
 */
const passSchema = z.object({ next: z.number().int().min(0), total: z.number().int().min(0) });
const notesCursorSchema = z.object({ pass: passSchema.nullable(), completedAt: z.string().nullable() });
type NotesCursor = z.infer<typeof notesCursorSchema>;

const WALK_PAGE = 200;

export async function pullNotes(ctx: PullContext): Promise<PullCounts> {
  const saved = ctx.full ? null : await readCursor(ctx.cache, CURSOR.notes, notesCursorSchema);
  const counts = { notes: 0, leadHistories: 0 };
  if (ctx.full || saved?.pass) {
    const walked = await walkEveryLead(ctx, saved?.pass ?? { next: 0, total: await ctx.cache.leads.count() });
    counts.notes += walked.notes;
    counts.leadHistories += walked.leads;
  }

  const recent = [...ctx.activeLeads]
    .sort((a, b) => b[1] - a[1])
    .slice(0, RECENT_LEADS_PER_SYNC)
    .map(([leadId]) => leadId);
  const progress = ctx.progress('leadHistory');
  progress.start(recent.length);
  for (const leadId of recent) {
    counts.notes += (await refreshLeadHistory(ctx, leadId)).notes;
    counts.leadHistories += 1;
    progress.advance();
  }
  progress.finish('done');
  return counts;
}

/** Every lead in name order, a page of ids at a time; the cursor moves after each lead. */
async function walkEveryLead(ctx: PullContext, pass: z.infer<typeof passSchema>) {
  const progress = ctx.progress('notes');
  progress.start(pass.total, pass.next);
  const walked = { notes: 0, leads: 0 };
  for (let offset = pass.next; ;) {
    const leads = await ctx.cache.leads.list({ order: 'name', limit: WALK_PAGE, offset });
    for (const lead of leads) {
      walked.notes += (await refreshLeadHistory(ctx, lead.id)).notes;
      walked.leads += 1;
      offset += 1;
      const cursor: NotesCursor = { pass: { next: offset, total: pass.total }, completedAt: null };
      await ctx.cache.syncCursors.set(CURSOR.notes, cursor);
      progress.advance();
    }
    if (leads.length < WALK_PAGE) break;
  }
  const done: NotesCursor = { pass: null, completedAt: ctx.now().toISOString() };
  await ctx.cache.syncCursors.set(CURSOR.notes, done);
  progress.finish('done');
  return walked;
}
