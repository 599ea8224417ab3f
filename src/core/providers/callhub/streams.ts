import { z } from 'zod';
import { readCursor } from '../../sync/cursors';
import { LOCAL_LEAD_PREFIX } from '../../sync/local-ids';
import { pullOptions } from '../../sync/pull/wait-progress';
import type { PullContext, PullCounts } from '../../sync/pull/context';
import type { SyncStream } from '../port';
import type { CallhubClient } from './client';

const GROUPS_CURSOR = 'callhub:phonebooks';
const FIELDS_CURSOR = 'callhub:fields';
const CONTACTS_CURSOR = 'callhub:contacts';
const SEEN_PREFIX = 'callhub:contacts:seen:';
const seenCursor = (page: number): string => `${SEEN_PREFIX}${page}`;

/** Phone books are the groups: a short list that comes whole, so it replaces the cached one. */
export function phonebooksStream(client: CallhubClient): SyncStream {
  return {
    name: 'phonebooks',
    async pull(ctx) {
      const progress = ctx.progress('groups');
      progress.start(1);
      const count = await ctx.exclusive.run(async () => {
        const books = await client.listPhonebooks(pullOptions(ctx));
        await ctx.cache.transaction(async (tx) => {
          const keep = new Set(books.map((book) => book.id));
          await tx.groups.remove((await tx.groups.list()).map((g) => g.id).filter((id) => !keep.has(id)));
          await tx.groups.upsertMany(books);
          await tx.syncCursors.set(GROUPS_CURSOR, { syncedAt: ctx.now().toISOString() });
        });
        return books.length;
      });
      progress.finish('done');
      return { groups: count };
    },
  };
}

/** Field definitions from `/contacts/fields/` (built in) and `/custom_fields/`, replaced whole. */
export function fieldsStream(client: CallhubClient): SyncStream {
  return {
    name: 'customFields',
    async pull(ctx) {
      const progress = ctx.progress('customFields');
      progress.start(1);
      const count = await ctx.exclusive.run(async () => {
        const fields = await client.listFields(pullOptions(ctx));
        await ctx.cache.transaction(async (tx) => {
          await tx.customFields.replaceAll(fields);
          await tx.syncCursors.set(FIELDS_CURSOR, { syncedAt: ctx.now().toISOString() });
        });
        return fields.length;
      });
      progress.finish('done');
      return { customFields: count };
    },
  };
}

/** `next`: the link of the page to read (null: the first); `pages`: pages written so far in this pass. */
const contactsCursorSchema = z.object({
  pass: z.object({ next: z.string().nullable(), pages: z.number().int().min(0) }).nullable(),
  completedAt: z.string().nullable(),
});
type ContactsCursor = z.infer<typeof contactsCursorSchema>;
const seenSchema = z.array(z.string());

/**
 * Contacts, page by page along DRF's `next` links. The doc offers no "changed since" filter, so
 * every sync is a full pass; each page, its cursor and the ids it listed go in one transaction,
 * so an interrupted pass resumes at the next page. CallHub never says a contact was deleted, and
 * a contact need not be in any phone book (so `leads.removeAbsent`, which goes by group, would
 * drop listed contacts): when a pass completes, cached leads that no page of it listed are
 * removed, except leads with a queued change and leads created here.
 */
export function contactsStream(client: CallhubClient): SyncStream {
  return {
    name: 'leads',
    async pull(ctx) {
      const saved = ctx.full ? null : await readCursor(ctx.cache, CONTACTS_CURSOR, contactsCursorSchema);
      const completedAt = saved?.completedAt ?? null;
      let pass = saved?.pass ?? { next: null, pages: 0 };
      if (pass.pages === 0) await clearSeen(ctx);
      const progress = ctx.progress('leads');
      progress.start(null, pass.pages);
      const dnc = await ctx.exclusive.run(() => client.listDncNumbers(pullOptions(ctx)));
      let leads = 0;
      for (;;) {
        const current = pass;
        const listed = await ctx.exclusive.run(async () => {
          const page = await client.contactsPage(current.next, dnc, pullOptions(ctx));
          const ids = page.leads.map((lead) => lead.id);
          const cursor: ContactsCursor = { pass: { next: page.next, pages: current.pages + 1 }, completedAt };
          await ctx.cache.transaction(async (tx) => {
            await tx.leads.upsertPage(page.leads);
            await tx.syncCursors.set(seenCursor(current.pages), ids);
            await tx.syncCursors.set(CONTACTS_CURSOR, cursor);
          });
          return { count: ids.length, next: page.next };
        });
        leads += listed.count;
        progress.advance();
        pass = { next: listed.next, pages: current.pages + 1 };
        if (listed.next === null) break;
      }
      const removed = await ctx.exclusive.run(() => finishPass(ctx, pass.pages));
      progress.finish('done');
      const counts: PullCounts = { leads };
      return removed > 0 ? { ...counts, leadsRemoved: removed } : counts;
    },
  };
}

/** A fresh pass starts with no page records: a full sync may have dropped an unfinished pass's. */
async function clearSeen(ctx: PullContext): Promise<void> {
  const stale = (await ctx.cache.syncCursors.list()).filter((c) => c.resource.startsWith(SEEN_PREFIX));
  for (const cursor of stale) await ctx.cache.syncCursors.reset(cursor.resource);
}

async function finishPass(ctx: PullContext, pages: number): Promise<number> {
  return ctx.cache.transaction(async (tx) => {
    const seen = new Set<string>();
    for (let page = 0; page < pages; page += 1) {
      const ids = await readCursor(tx, seenCursor(page), seenSchema);
      // A lost page record means the pass cannot tell what is gone: remove nothing this time.
      if (ids === null) return 0;
      for (const id of ids) seen.add(id);
    }
    const queued = new Set(
      [...(await tx.outbox.listPending(1_000_000)), ...(await tx.outbox.listFailed())].map((op) => op.leadId),
    );
    const gone: string[] = [];
    for (let offset = 0; ; offset += 5_000) {
      const cached = await tx.leads.list({ order: 'name', limit: 5_000, offset });
      for (const lead of cached) {
        if (!seen.has(lead.id) && !queued.has(lead.id) && !lead.id.startsWith(LOCAL_LEAD_PREFIX)) gone.push(lead.id);
      }
      if (cached.length < 5_000) break;
    }
    await tx.leads.remove(gone);
    for (let page = 0; page < pages; page += 1) await tx.syncCursors.reset(seenCursor(page));
    const done: ContactsCursor = { pass: null, completedAt: ctx.now().toISOString() };
    await tx.syncCursors.set(CONTACTS_CURSOR, done);
    return gone.length;
  });
}
