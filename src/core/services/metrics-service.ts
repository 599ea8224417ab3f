import { DateTime } from 'luxon';
import type {
  CampaignBreakdown,
  DesktopSettings,
  GoalProgress,
  MetricsBoard,
  MetricsSource,
  MetricsTrend,
} from '../../shared/contract/tray-schemas';
import { GOAL_METRICS } from '../../shared/contract/tray-schemas';
import { agentMetricsSchema, type AccountSummary, type AgentMetrics, type Dashboard } from '../../shared/domain';
import { CallsideError, toCallsideError, type ErrorPayload } from '../../shared/errors';
import type { ActiveWorkspace } from './workspace';
import { unsupported } from '../providers/port';
import { providerModule } from '../providers/registry';

/**
 * The tray's figures: the agent's own day from getMemberDashboardData against daily goals, a
 * trend over the last days, the team leaderboard and the per-campaign breakdown. Electron-free;
 * every host's tray view reads it through the bridge.
 *
 * Snapshots are kept per date in the cache (cache.metrics), so the tray shows the last known
 * figures offline. Today's board is refetched once the refresh interval has passed; a past
 * day's snapshot is final once it was fetched after that day ended, and is never fetched again.
 */

export interface WorkspaceSource {
  active(): Promise<ActiveWorkspace>;
}

export interface MetricsServiceOptions {
  workspaces: WorkspaceSource;
  settings: () => DesktopSettings;
  now?: () => number;
}

/** A past day may still be written to shortly after midnight; snapshots newer than this are final. */
const SETTLE_MS = 15 * 60_000;
/** Requests at once when a trend or the campaign list needs several days or campaigns. */
const CONCURRENCY = 3;

type Me = { me: AgentMetrics | null; matchedBy: 'id' | 'email' | null };

/** The per-campaign boards of one day, kept in memory (a restart fetches them again). */
interface CampaignMemo {
  fetchedAt: number;
  rows: Array<{ id: string; title: string; agents: AgentMetrics[] }>;
}

export function workspaceKey(workspace: { kind: string; account: { uid: string; baseUrl: string } }): string {
  return `${workspace.kind}:${workspace.account.uid}@${workspace.account.baseUrl}`;
}

export function ymdIn(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd');
}

export class MetricsService {
  private readonly now: () => number;
  private readonly campaignMemo = new Map<string, CampaignMemo>();
  /** The last failure per workspace and date, cleared by the next success. */
  private readonly failures = new Map<string, ErrorPayload>();

  constructor(private readonly options: MetricsServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Today in the active account's zone. */
  async today(): Promise<string> {
    const workspace = await this.options.workspaces.active();
    return ymdIn(this.now(), workspace.account.timezone);
  }

  async board(input: { date?: string | undefined; refresh?: boolean } = {}): Promise<MetricsBoard> {
    const workspace = await this.options.workspaces.active();
    const zone = workspace.account.timezone;
    const today = ymdIn(this.now(), zone);
    const date = input.date ?? today;
    assertNotFuture(date, today);
    const settings = this.options.settings();
    const day = await this.day(workspace, date, today, input.refresh ?? false);
    const agents = day.dashboard?.agents ?? [];
    const { me, matchedBy } = resolveMe(agents, settings.agent, ownAgent(workspace.account));
    const failure = this.failures.get(this.failureKey(workspace, date)) ?? null;
    const fetchedAt = day.fetchedAt;
    const hidden = await hiddenFigures(workspace);
    const overdue = fetchedAt === null || this.now() - Date.parse(fetchedAt) > 2 * settings.refreshSec * 1000;
    const final = date < today && fetchedAt !== null && isFinal(fetchedAt, date, zone);
    return {
      date,
      isToday: date === today,
      timezone: zone,
      lastUpdated: day.dashboard?.lastUpdated ?? null,
      fetchedAt,
      source: day.source,
      stale: day.source === 'none' || (day.source === 'cache' && failure !== null) || (!final && overdue),
      error: day.source === 'live' ? null : failure,
      refreshSec: settings.refreshSec,
      me,
      meMatchedBy: matchedBy,
      agents,
      goals: goalProgress(me, settings.goals).filter((goal) => !hidden.includes(goal.metric)),
      hidden,
    };
  }

  async trend(input: { endDate?: string | undefined; days?: number } = {}): Promise<MetricsTrend> {
    const workspace = await this.options.workspaces.active();
    const zone = workspace.account.timezone;
    const today = ymdIn(this.now(), zone);
    const end = input.endDate ?? today;
    assertNotFuture(end, today);
    const count = input.days ?? 7;
    const dates = Array.from({ length: count }, (_, i) =>
      DateTime.fromISO(end, { zone })
        .minus({ days: count - 1 - i })
        .toFormat('yyyy-MM-dd'),
    );
    const agent = this.options.settings().agent;
    const days = await mapLimited(dates, CONCURRENCY, async (date) => {
      const day = await this.day(workspace, date, today, false);
      return {
        date,
        source: day.source,
        me: resolveMe(day.dashboard?.agents ?? [], agent, ownAgent(workspace.account)).me,
      };
    });
    return { days, meMatched: days.some((day) => day.me !== null) };
  }

  async campaigns(input: { date?: string | undefined; refresh?: boolean } = {}): Promise<CampaignBreakdown> {
    const workspace = await this.options.workspaces.active();
    const zone = workspace.account.timezone;
    const today = ymdIn(this.now(), zone);
    const date = input.date ?? today;
    assertNotFuture(date, today);
    const settings = this.options.settings();
    const key = `${workspaceKey(workspace)}|${date}`;
    const memo = this.campaignMemo.get(key);
    const fresh = memo && (date < today || this.now() - memo.fetchedAt < settings.refreshSec * 1000);
    const account = workspace.account;
    if (memo && fresh && !input.refresh) return presentCampaigns(date, memo, 'cache', null, settings, account);
    try {
      const session = await workspace.session();
      if (!session.campaigns) throw unsupported(session, 'list campaigns');
      const { campaigns } = session;
      const list = await campaigns.list();
      const rows = await mapLimited(list, CONCURRENCY, async (campaign) => {
        const board = await campaigns.dashboard(campaign.id, date);
        return { id: campaign.id, title: campaign.title, agents: board.agents.map(cleanAgent) };
      });
      const next: CampaignMemo = { fetchedAt: this.now(), rows };
      this.campaignMemo.set(key, next);
      return presentCampaigns(date, next, 'live', null, settings, account);
    } catch (error) {
      const failure = toCallsideError(error);
      if (failure.code === 'not_configured') throw failure;
      return presentCampaigns(date, memo ?? null, memo ? 'cache' : 'none', failure.toPayload(), settings, account);
    }
  }

  /** Today's board fetched now, whatever the cache holds (the tray's timer). */
  refreshToday(): Promise<MetricsBoard> {
    return this.board({ refresh: true });
  }

  private failureKey(workspace: ActiveWorkspace, date: string): string {
    return `${workspaceKey(workspace)}|${date}`;
  }

  /** One day's dashboard: the cached snapshot when it will do, else fetched and cached. */
  private async day(
    workspace: ActiveWorkspace,
    date: string,
    today: string,
    refresh: boolean,
  ): Promise<{ dashboard: Dashboard | null; fetchedAt: string | null; source: MetricsSource }> {
    const zone = workspace.account.timezone;
    const [cached, meta] = await Promise.all([
      workspace.cache.metrics.getDashboard(date),
      workspace.cache.metrics.lastUpdated(date),
    ]);
    const refreshMs = this.options.settings().refreshSec * 1000;
    const usable =
      cached !== null &&
      meta !== null &&
      (date < today ? isFinal(meta.fetchedAt, date, zone) : this.now() - Date.parse(meta.fetchedAt) < refreshMs);
    if (usable && !refresh) return { dashboard: cached, fetchedAt: meta.fetchedAt, source: 'cache' };
    const failureKey = this.failureKey(workspace, date);
    try {
      const session = await workspace.session();
      if (!session.dashboard) throw unsupported(session, 'share daily figures');
      const live = await session.dashboard(date);
      const dashboard: Dashboard = { date, lastUpdated: live.lastUpdated, agents: live.agents.map(cleanAgent) };
      await workspace.cache.metrics.saveDashboard(dashboard);
      this.failures.delete(failureKey);
      const saved = await workspace.cache.metrics.lastUpdated(date);
      return { dashboard, fetchedAt: saved?.fetchedAt ?? new Date(this.now()).toISOString(), source: 'live' };
    } catch (error) {
      const failure = toCallsideError(error);
      this.failures.set(failureKey, failure.toPayload());
      if (cached && meta) return { dashboard: cached, fetchedAt: meta.fetchedAt, source: 'cache' };
      if (failure.code === 'not_configured') throw failure;
      return { dashboard: null, fetchedAt: null, source: 'none' };
    }
  }
}

/**
 * Figures the provider's data cannot give: the dashboard schema holds numbers there, so they
 * arrive as 0, and the board lists them as hidden so no one reads a 0 that means "unknown".
 */
async function hiddenFigures(workspace: ActiveWorkspace): Promise<string[]> {
  try {
    return [...((await workspace.session()).hiddenMetrics ?? [])];
  } catch {
    return [];
  }
}

/**
 * "Who am I": the picked agent id wins; else the e-mail, case-insensitively. Only when the agent
 * picked nothing at all does the account speak for them: an account that names its own user
 * (Hipcall's `uid`) is matched against the agents' ids, so "my" figures show without a pick.
 */
export function resolveMe(
  agents: readonly AgentMetrics[],
  choice: DesktopSettings['agent'],
  account: Pick<AccountSummary, 'uid'> | null = null,
): Me {
  if (choice.agentId) {
    const byId = agents.find((agent) => agent.agentId === choice.agentId);
    if (byId) return { me: byId, matchedBy: 'id' };
  }
  const email = choice.email.trim().toLowerCase();
  if (email) {
    const byEmail = agents.find((agent) => agent.agentEmail.trim().toLowerCase() === email);
    if (byEmail) return { me: byEmail, matchedBy: 'email' };
  }
  const uid = account?.uid.trim() ?? '';
  if (!choice.agentId && !email && uid !== '') {
    const byAccount = agents.find((agent) => agent.agentId === uid);
    if (byAccount) return { me: byAccount, matchedBy: 'id' };
  }
  return { me: null, matchedBy: null };
}

/** The agent the account itself names, where its provider says the account's user is one. */
export function ownAgent(account: AccountSummary): Pick<AccountSummary, 'uid'> | null {
  const agentId = providerModule(account.provider).account.agentIdOf?.(account) ?? null;
  return agentId ? { uid: agentId } : null;
}

export function goalProgress(me: AgentMetrics | null, goals: DesktopSettings['goals']): GoalProgress[] {
  return GOAL_METRICS.filter((metric) => goals[metric] > 0).map((metric) => {
    const value = me ? me[metric] : 0;
    return { metric, goal: goals[metric], value, reached: value >= goals[metric] };
  });
}

function presentCampaigns(
  date: string,
  memo: CampaignMemo | null,
  source: MetricsSource,
  error: ErrorPayload | null,
  settings: DesktopSettings,
  account: AccountSummary,
): CampaignBreakdown {
  const campaigns = (memo?.rows ?? []).map((row) => ({
    id: row.id,
    title: row.title,
    me: resolveMe(row.agents, settings.agent, ownAgent(account)).me,
    team: {
      agents: row.agents.length,
      outboundCalls: sum(row.agents, 'outboundCalls'),
      answeredCalls: sum(row.agents, 'answeredCalls'),
      appointments: sum(row.agents, 'appointments'),
    },
  }));
  return {
    date,
    source,
    fetchedAt: memo ? new Date(memo.fetchedAt).toISOString() : null,
    error,
    meMatched: campaigns.some((row) => row.me !== null),
    campaigns,
  };
}

function isFinal(fetchedAt: string, date: string, zone: string): boolean {
  const end = DateTime.fromISO(date, { zone }).endOf('day').toMillis();
  return Date.parse(fetchedAt) >= end + SETTLE_MS;
}

function assertNotFuture(date: string, today: string): void {
  if (!DateTime.fromISO(date).isValid) throw new CallsideError('invalid_request', `"${date}" is not a date.`);
  if (date > today) throw new CallsideError('invalid_request', `${date} has not happened yet; today is ${today}.`);
}

/** Only the provider-neutral figures are kept and shown (Hot Prospector adds `details`). */
function cleanAgent(agent: AgentMetrics): AgentMetrics {
  return agentMetricsSchema.parse(agent);
}

function sum(agents: readonly AgentMetrics[], field: 'outboundCalls' | 'answeredCalls' | 'appointments'): number {
  return agents.reduce((total, agent) => total + agent[field], 0);
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
