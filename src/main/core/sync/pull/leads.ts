import { z } from 'zod';
import { CURSOR, readCursor } from '../cursors';
import { callOptions, type PullContext, type PullCounts } from './context';
import { writeGroupPage } from './group-page';

/**
 * Leads, group by group: Hot Prospector lists leads only per group (SearchByUserInput with a
 * GroupId and no search text), with no paging and no "changed since". One group is one page,
 * written in one transaction together with the cursor, so an interrupted pass resumes at the
 * next group instead of starting over.
 */
const leadsCursorSchema = z.object({
  pass: z.object({ groupIds: z.array(z.string()), next: z.number().int().min(0) }).nullable(),
  completedAt: z.string().nullable(),
});
type LeadsCursor = z.infer<typeof leadsCursorSchema>;

export async function pullLeads(ctx: PullContext): Promise<PullCounts> {
  const saved = ctx.full ? null : await readCursor(ctx.cache, CURSOR.leads, leadsCursorSchema);
  const pass = saved?.pass ?? { groupIds: (await ctx.cache.groups.list()).map((group) => group.id), next: 0 };
  const completedAt = saved?.completedAt ?? null;
  const tagTitles = new Map((await ctx.cache.tags.list()).map((tag) => [tag.id, tag.title]));
  const progress = ctx.progress('leads');
  progress.start(pass.groupIds.length, pass.next);

  const seen = new Set<string>();
  for (let index = pass.next; index < pass.groupIds.length; index += 1) {
    const groupId = pass.groupIds[index] as string;
    const leads = await ctx.exclusive.run(async () => {
      const pulled = await ctx.client.searchLeads({ groupId }, callOptions(ctx));
      await ctx.cache.transaction(async (tx) => {
        await writeGroupPage(tx, groupId, pulled, tagTitles);
        const cursor: LeadsCursor = { pass: { groupIds: pass.groupIds, next: index + 1 }, completedAt };
        await tx.syncCursors.set(CURSOR.leads, cursor);
      });
      return pulled;
    });
    for (const lead of leads) seen.add(lead.id);
    progress.advance();
  }
  const done: LeadsCursor = { pass: null, completedAt: ctx.now().toISOString() };
  await ctx.cache.syncCursors.set(CURSOR.leads, done);
  progress.finish('done');
  // Distinct leads: one in two groups arrives twice.
  return { leads: seen.size };
}
