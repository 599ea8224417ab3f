import { z } from 'zod';
import { CURSOR, readCursor } from '../../../sync/cursors';
import { LOCAL_LEAD_PREFIX } from '../../../sync/local-ids';
import { callOptions, type PullCounts } from '../../../sync/pull/context';
import type { HpPullContext as PullContext } from './context';
import { writeGroupPage } from './group-page';

/**
 * Leads, group by group: Hot Prospector lists leads only per group (SearchByUserInput with a
 * GroupId and no search text), with no paging and no "changed since". One group is one page,
 * written in one transaction together with the cursor, so an interrupted pass resumes at the
 * next group instead of starting over.
 *
 * Hot Prospector never says a lead was deleted; it just stops listing it. So when a pass is
 * complete (possibly resumed across processes), a cached lead that has no membership in any
 * group the pass listed is gone at the provider and is removed, in the transaction that marks
 * the pass complete (see leads.removeAbsent for the leads that are kept regardless).
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
  const removed = await ctx.exclusive.run(() =>
    ctx.cache.transaction(async (tx) => {
      // Memberships in a group of the catalog that this pass did not list (added after the pass
      // began) are not stale: only the next pass can tell. A group the provider deleted is in
      // neither, so a lead that was only there counts as gone, as it is from every list.
      const catalog = (await tx.groups.list()).map((group) => group.id);
      const listed = [...new Set([...pass.groupIds, ...catalog])];
      const gone = await tx.leads.removeAbsent({ groupIds: listed, keepIdPrefix: LOCAL_LEAD_PREFIX });
      await tx.syncCursors.set(CURSOR.leads, done);
      return gone.length;
    }),
  );
  progress.finish('done');
  // Distinct leads: one in two groups arrives twice.
  return removed > 0 ? { leads: seen.size, leadsRemoved: removed } : { leads: seen.size };
}
