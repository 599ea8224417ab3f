import { z } from 'zod';
import { readCursor } from '../../sync/cursors';
import { callOptions, noteActiveLeads, type PullContext, type PullCounts } from '../../sync/pull/context';
import type { SyncStream } from '../port';
import type { HipcallCdr } from './cdr';
import type { HipcallClient, HipcallUser } from './client';
import { LeadResolver, toActivity } from './leads';
import { waitReporter } from '../../sync/pull/wait-progress';

/** Calls are listed without a date filter: a later sync walks back to a day before the newest call it had. */
export const OVERLAP_MS = 24 * 60 * 60_000;
/** A paginator that never ends (or loops) stops here; the next run resumes from the saved link. */
const MAX_PAGES_PER_RUN = 2_000;

const walkSchema = z.object({
  next: z.string(),
  newest: z.string().nullable(),
  /** Every page so far was newest-first: only then may an old page end the walk early. */
  monotonic: z.boolean(),
  floor: z.string().nullable(),
  prevOldest: z.string().nullable(),
});
const callsCursorSchema = z.object({ readThrough: z.string().nullable(), walk: walkSchema.nullable() });
export const CALLS_CURSOR = 'hipcall:calls';

/** The agents' names, shared by the streams of one sync (and the session's later reads). */
export class AgentDirectory {
  private names = new Map<string, string>();
  private users: HipcallUser[] = [];
  private loaded = false;

  constructor(private readonly client: HipcallClient) {}

  set(users: HipcallUser[]): void {
    this.users = users;
    this.names = new Map(users.map((user) => [user.id, user.name]));
    this.loaded = true;
  }

  async list(o?: { signal?: AbortSignal }): Promise<HipcallUser[]> {
    if (!this.loaded) this.set(await this.client.listUsers(o));
    return this.users;
  }

  async nameMap(o?: { signal?: AbortSignal }): Promise<ReadonlyMap<string, string>> {
    await this.list(o);
    return this.names;
  }
}

export function usersStream(client: HipcallClient, agents: AgentDirectory): SyncStream {
  return {
    name: 'users',
    async pull(ctx) {
      const progress = ctx.progress('agents');
      progress.start(1);
      const users = await ctx.exclusive.run(() => client.listUsers({ ...callOptions(ctx), onWait: waitReporter(ctx) }));
      agents.set(users);
      await ctx.cache.members.upsertMany(
        users.map((user) => {
          const [firstName = '', ...rest] = user.name.split(' ');
          return {
            id: user.id,
            firstName,
            lastName: rest.join(' '),
            email: user.email,
            status: 'active',
            timeZone: null,
            directNumber: null,
          };
        }),
      );
      progress.finish('done');
      return { agents: users.length };
    },
  };
}

function span(cdrs: readonly HipcallCdr[]): { newest: string | null; oldest: string | null; sorted: boolean } {
  let newest: string | null = null;
  let oldest: string | null = null;
  let sorted = true;
  for (let i = 0; i < cdrs.length; i += 1) {
    const at = cdrs[i]!.startedAt;
    if (newest === null || at > newest) newest = at;
    if (oldest === null || at < oldest) oldest = at;
    if (i > 0 && at > cdrs[i - 1]!.startedAt) sorted = false;
  }
  return { newest, oldest, sorted };
}

/**
 * Call records page by page, each page's leads and calls written in one transaction with the
 * cursor, so a sync cut anywhere resumes at the next page. The first sync reads every page;
 * later ones stop at the page that reaches back past a day before the newest call already read, but
 * only while the list has come newest-first (the doc does not promise an order).
 */
export function callsStream(client: HipcallClient, agents: AgentDirectory): SyncStream {
  return {
    name: 'calls',
    async pull(ctx: PullContext): Promise<PullCounts> {
      const saved = ctx.full ? null : await readCursor(ctx.cache, CALLS_CURSOR, callsCursorSchema);
      const readThrough = saved?.readThrough ?? null;
      const walk = saved?.walk ?? null;
      const floor = readThrough === null ? null : new Date(Date.parse(readThrough) - OVERLAP_MS).toISOString();
      let state = walk ?? { next: '', newest: null, monotonic: true, floor, prevOldest: null };
      const names = await agents.nameMap(callOptions(ctx));
      const onWait = waitReporter(ctx);
      const progress = ctx.progress('calls');
      progress.start(null);
      let leads = 0;
      let calls = 0;
      for (let pages = 0; pages < MAX_PAGES_PER_RUN; pages += 1) {
        const link = state.next === '' ? null : state.next;
        const done = await ctx.exclusive.run(async () => {
          const page = await client.cdrPage(link, { ...callOptions(ctx), onWait });
          const s = span(page.cdrs);
          const monotonic =
            state.monotonic &&
            s.sorted &&
            (state.prevOldest === null || s.newest === null || s.newest <= state.prevOldest);
          const newest =
            [state.newest, s.newest]
              .filter((v): v is string => v !== null)
              .sort()
              .pop() ?? null;
          // Newest-first so far and this page reaches past the floor: every later page is older still.
          const tooOld = state.floor !== null && monotonic && s.oldest !== null && s.oldest < state.floor;
          const finished = page.next === null || tooOld || page.next === link;
          const readAt = ctx.now();
          const written = await ctx.cache.transaction(async (tx) => {
            const resolver = new LeadResolver(tx);
            const activities = [];
            for (const cdr of page.cdrs) {
              const lead = await resolver.resolve(cdr);
              if (lead) activities.push(toActivity(cdr, lead.id, names, readAt));
            }
            const leadCount = await resolver.write(tx);
            await tx.activities.upsertPage(activities);
            const best =
              [readThrough, newest]
                .filter((v): v is string => v !== null)
                .sort()
                .pop() ?? null;
            await tx.syncCursors.set(
              CALLS_CURSOR,
              finished
                ? { readThrough: best, walk: null }
                : {
                    readThrough,
                    walk: {
                      next: page.next!,
                      newest,
                      monotonic,
                      floor: state.floor,
                      prevOldest: s.oldest ?? state.prevOldest,
                    },
                  },
            );
            noteActiveLeads(ctx, activities);
            return { leads: leadCount, calls: activities.length };
          });
          leads += written.leads;
          calls += written.calls;
          state = {
            next: page.next ?? '',
            newest,
            monotonic,
            floor: state.floor,
            prevOldest: s.oldest ?? state.prevOldest,
          };
          return finished;
        });
        progress.advance();
        if (done) break;
      }
      progress.finish('done');
      return { leads, calls };
    },
  };
}
