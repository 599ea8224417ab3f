import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Activity } from '../../../shared/domain';
import { todayIn } from '../../normalize/time';
import { readCursor } from '../../sync/cursors';
import { OP_KIND } from '../../sync/outbox/op-kinds';
import type { OpDeliveries, OpDelivery } from '../../sync/outbox/handlers';
import { pullOptions } from '../../sync/pull/wait-progress';
import { callOptions, type PullContext, type PullCounts } from '../../sync/pull/context';
import { restPolicy } from '../http/rest';
import type { AccountShape, Capability, ProviderModule, ProviderSession, SyncStream } from '../port';
import {
  connectCallingly,
  DEFAULT_CALLINGLY_BASE_URL,
  type CallinglyAccount,
  type CallinglyCall,
  type CallinglyClient,
} from './index';
import { CALLINGLY_UNDERIVED_METRICS, deriveDayMetrics } from './metrics';

/** What Callingly can do, as ../shared/providers.md section 4.2 reads its doc. */
export const CALLINGLY_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'account.verify',
  'leads.list',
  'leads.list.incremental',
  'leads.get',
  'leads.lookup.phone',
  'groups.list',
  'timeline.calls',
  'timeline.calls.recording',
  'timeline.voicemail',
  'timeline.transcripts',
  'tags.read',
  'dispositions.read',
  'metrics.derived',
  'agents.list',
  'agent.status.read',
  'agent.status.write',
]);

/**
 * The first sync reads all history (the doc's examples are years old: no "last N days"), in
 * created-date windows, since /leads has no paging; later syncs start a week before the last
 * window read, so leads created around a window's edge in another zone are not missed.
 */
const HISTORY_START = '2015-01-01';
const WINDOW_DAYS = 90;
const OVERLAP_DAYS = 7;
/** A day's calls are listed in pages of this size; a shorter page is the last. */
const CALLS_PAGE = 100;
/** List rows without their agent are looked up one by one; a day has at most this many. */
const MAX_CALL_DETAILS = 300;

const leadsCursorSchema = z.object({ readThrough: z.string() });
const LEADS_CURSOR = 'callingly:leads';

export interface CallinglySession extends ProviderSession {
  readonly client: CallinglyClient;
}

export function callinglySession(client: CallinglyClient, account: CallinglyAccount): CallinglySession {
  return {
    provider: 'callingly',
    name: 'Callingly',
    capabilities: CALLINGLY_CAPABILITIES,
    client,
    verify: (options) => client.verify(options),
    // Bearer tokens do not expire by signing out; nothing to revoke.
    signOut: async () => undefined,
    streams: () => [teamsStream(client), leadsStream(client, account.timezone)],
    ops: callinglyOps(),
    dashboard: (date, options) => dayBoard(client, account.timezone, date, options?.signal),
    hiddenMetrics: CALLINGLY_UNDERIVED_METRICS,
    refreshLead: (ctx, leadId) => refreshLeadCalls(client, ctx, leadId),
    agentStatus: {
      list: async (options) =>
        (await client.listAgents(options)).map((agent) => ({
          agentId: agent.id,
          name: agent.name,
          doNotDisturb: agent.doNotDisturb,
          doNotDisturbUntil: agent.doNotDisturbUntil,
          available: agent.available,
        })),
      setDoNotDisturb: (agentId, on, until, options) => client.setDoNotDisturb(agentId, on, until, options),
    },
    lookupPhone: (e164, options) => client.findByPhone(e164, options),
  };
}

/** A key, an agency client's account id when there is one, and the zone its zone-less times are in. */
const CALLINGLY_ACCOUNT: AccountShape = {
  defaultBaseUrl: () => DEFAULT_CALLINGLY_BASE_URL,
  fields: [
    {
      name: 'accountId',
      label: 'Agency account id',
      help: 'Only for agencies: the client account to work in. Leave blank for your own account.',
      required: false,
    },
  ],
  defaultTimezone: null,
  zonelessTimes: true,
  normalize: (input, defaults) => ({
    provider: 'callingly',
    api: null,
    uid: '',
    baseUrl: defaults.baseUrl,
    timezone: defaults.timezone,
    accountId: input.accountId?.trim() || null,
  }),
  describe: (account) => (account.accountId ? ` for client account ${account.accountId}` : ''),
  keySecret: 'callingly.apiKey',
  sessionSecrets: [],
};

export const callingly: ProviderModule = {
  id: 'callingly',
  name: 'Callingly',
  capabilities: CALLINGLY_CAPABILITIES,
  account: CALLINGLY_ACCOUNT,
  connect: ({ account, apiKey, policy }) => {
    const settings: CallinglyAccount = {
      baseUrl: account.baseUrl,
      timezone: account.timezone,
      accountId: account.accountId ?? null,
    };
    const tuned = policy && restPolicy(policy);
    return callinglySession(
      connectCallingly({ account: settings, apiKey, ...(tuned ? { policy: tuned } : {}) }),
      settings,
    );
  },
};

/**
 * Callingly has no note or tag writes. A note made in Callside stays on this computer, marked
 * local ("kept local"), never lost; tag changes are refused before they are queued.
 */
function callinglyOps(): OpDeliveries {
  const keptLocal: OpDelivery<unknown> = { remote: false, send: async () => ({ keptLocal: true }) };
  return { [OP_KIND.noteAdd]: keptLocal as OpDelivery<never> };
}

/** Teams are the groups: a short list that comes whole, so it replaces the cached one. */
function teamsStream(client: CallinglyClient): SyncStream {
  return {
    name: 'teams',
    async pull(ctx) {
      const progress = ctx.progress('groups');
      progress.start(1);
      const teams = await ctx.exclusive.run(async () => {
        const listed = await client.listTeams(pullOptions(ctx));
        await ctx.cache.transaction(async (tx) => {
          const keep = new Set(listed.map((team) => team.id));
          await tx.groups.remove((await tx.groups.list()).map((g) => g.id).filter((id) => !keep.has(id)));
          await tx.groups.upsertMany(listed);
        });
        return listed;
      });
      progress.finish('done');
      return { groups: teams.length };
    },
  };
}

/** Leads by created-date window, each with the calls its list item carries, one window per transaction. */
function leadsStream(client: CallinglyClient, zone: string): SyncStream {
  return {
    name: 'leads',
    async pull(ctx: PullContext): Promise<PullCounts> {
      const today = todayIn(zone, ctx.now());
      const saved = ctx.full ? null : await readCursor(ctx.cache, LEADS_CURSOR, leadsCursorSchema);
      const from = saved ? shiftDay(saved.readThrough, -OVERLAP_DAYS) : HISTORY_START;
      const windows = dayWindows(from, today, WINDOW_DAYS);
      const progress = ctx.progress('leads');
      progress.start(windows.length);
      let leads = 0;
      let calls = 0;
      for (const window of windows) {
        await ctx.exclusive.run(async () => {
          const page = await client.listLeads(window, pullOptions(ctx));
          await ctx.cache.transaction(async (tx) => {
            await tx.leads.upsertPage(page.leads);
            await tx.activities.upsertPage(page.activities);
            await tx.syncCursors.set(LEADS_CURSOR, { readThrough: window.end });
          });
          leads += page.leads.length;
          calls += page.activities.length;
        });
        progress.advance();
      }
      progress.finish('done');
      return { leads, calls };
    },
  };
}

/**
 * A lead's calls as the list item gives them carry no transcript, agent or disposition: the
 * call details do. Read when the agent opens the lead (its newest calls first).
 */
async function refreshLeadCalls(
  client: CallinglyClient,
  ctx: Parameters<NonNullable<ProviderSession['refreshLead']>>[0],
  leadId: string,
): Promise<{ notes: number; activities: number }> {
  const timeline = await ctx.cache.activities.timeline(leadId);
  const callIds = timeline.filter((activity) => activity.kind === 'call').map((activity) => activity.id);
  const known = new Set(timeline.filter((a) => a.kind === 'transcript').map((a) => a.id));
  const wanted = callIds.filter((id) => !known.has(`${id}:transcript`)).slice(0, 10);
  if (wanted.length === 0) return { notes: 0, activities: 0 };
  const rows: Activity[] = [];
  await ctx.exclusive.run(async () => {
    for (const id of wanted) {
      const call = await client.getCall(id, callOptions(ctx));
      rows.push({ ...call.activity, leadId }, ...(call.transcript ? [{ ...call.transcript, leadId }] : []));
    }
    await ctx.cache.activities.upsertPage(rows);
  });
  return { notes: 0, activities: rows.length };
}

/** The day's figures per agent, derived from every call of that day in the account's zone. */
async function dayBoard(client: CallinglyClient, zone: string, date: string, signal: AbortSignal | undefined) {
  const options = signal ? { signal } : {};
  const [agents, listed] = await Promise.all([client.listAgents(options), callsOfDay(client, date, options)]);
  const detailed: CallinglyCall[] = [];
  let lookups = 0;
  for (const call of listed) {
    if (call.agentId === null && lookups < MAX_CALL_DETAILS) {
      lookups += 1;
      detailed.push(await client.getCall(call.activity.id, options));
    } else {
      detailed.push(call);
    }
  }
  return deriveDayMetrics(date, detailed, agents, zone);
}

async function callsOfDay(client: CallinglyClient, date: string, options: { signal?: AbortSignal }) {
  const calls: CallinglyCall[] = [];
  for (let page = 1; ; page += 1) {
    const rows = await client.listCalls({ start: date, end: date, page, limit: CALLS_PAGE }, options);
    calls.push(...rows);
    if (rows.length < CALLS_PAGE) return calls;
  }
}

function shiftDay(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toFormat('yyyy-MM-dd');
}

function dayWindows(from: string, to: string, size: number): Array<{ start: string; end: string }> {
  const windows: Array<{ start: string; end: string }> = [];
  for (let start = from; start <= to; start = shiftDay(start, size)) {
    const end = shiftDay(start, size - 1);
    windows.push({ start, end: end < to ? end : to });
  }
  return windows;
}
