import { CURSOR } from '../../../sync/cursors';
import { tagsInQueuedChanges } from '../../../sync/outbox/queued-tags';
import { callOptions, type PullCounts } from '../../../sync/pull/context';
import type { HpPullContext as PullContext } from './context';

/**
 * Groups, tags and custom field definitions: short lists that come whole, so each is replaced
 * whole (an id the provider no longer lists is removed) in one transaction.
 */
export async function pullCatalogs(ctx: PullContext): Promise<PullCounts> {
  return {
    groups: await pullOne(ctx, 'groups', async () => {
      const groups = await ctx.client.listGroups(callOptions(ctx));
      await ctx.cache.transaction(async (tx) => {
        const keep = new Set(groups.map((group) => group.id));
        await tx.groups.remove((await tx.groups.list()).map((g) => g.id).filter((id) => !keep.has(id)));
        await tx.groups.upsertMany(groups);
        await tx.syncCursors.set(CURSOR.groups, { syncedAt: ctx.now().toISOString() });
      });
      return groups.length;
    }),
    tags: await pullOne(ctx, 'tags', async () => {
      const tags = await ctx.client.listTags(callOptions(ctx));
      await ctx.cache.transaction(async (tx) => {
        // A tag a queued change uses stays until that change is settled: removing it from the
        // catalog would take it off the lead, undoing the agent's change before it is delivered.
        const keep = new Set([...tags.map((tag) => tag.id), ...(await tagsInQueuedChanges(tx))]);
        await tx.tags.remove((await tx.tags.list()).map((t) => t.id).filter((id) => !keep.has(id)));
        await tx.tags.upsertMany(tags);
        await tx.syncCursors.set(CURSOR.tags, { syncedAt: ctx.now().toISOString() });
      });
      return tags.length;
    }),
    customFields: await pullOne(ctx, 'customFields', async () => {
      const fields = await ctx.client.listLeadFields(callOptions(ctx));
      await ctx.cache.transaction(async (tx) => {
        await tx.customFields.replaceAll(fields);
        await tx.syncCursors.set(CURSOR.customFields, { syncedAt: ctx.now().toISOString() });
      });
      return fields.length;
    }),
  };
}

async function pullOne(ctx: PullContext, resource: string, work: () => Promise<number>): Promise<number> {
  const progress = ctx.progress(resource);
  progress.start(1);
  const count = await ctx.exclusive.run(work);
  progress.advance();
  progress.finish('done');
  return count;
}
