import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type {
  AppNotification,
  DesktopSettings,
  MetricsBoard,
  NotificationKind,
} from '../../shared/contract/tray-schemas';
import { DEFAULT_TIMEZONE, type Activity, type Lead } from '../../shared/domain';
import { toCallsideError, type CallsideError } from '../../shared/errors';
import type { StateFile } from '../settings/json-state-file';
import { workspaceKey, ymdIn, type WorkspaceSource } from './metrics-service';
import { phoneToE164 } from './screen-pop';
import { providerModule } from '../providers/registry';

/**
 * Decides what deserves a notification; knows nothing of how one is shown (the Electron shell
 * shows native ones, the tray view lists them in every host). It raises:
 *
 * - an inbound call or SMS from a lead the cache knows, found by polling the account's call
 *   and SMS logs; each activity id is notified once, and the ids are persisted so a restart
 *   does not notify again. The first poll of a workspace only takes note of what is there.
 * - a daily goal reached (once per goal and day, persisted too),
 * - sync failing (once per distinct error, until a sync succeeds),
 * - credentials rejected (once, until a call succeeds again).
 *
 * Quiet hours and do-not-disturb mute a notification: it is still listed, never popped up.
 */

export const notificationStateSchema = z.object({
  version: z.literal(1),
  workspaces: z.record(
    z.string(),
    z.object({
      /** Notified (or deliberately skipped) activity keys, oldest first. */
      seen: z.array(z.string()),
      /** When the first poll took note of the logs; null until then. */
      baselineAt: z.string().nullable(),
      /** Goals already announced, per date. */
      goals: z.record(z.string(), z.array(z.string())),
    }),
  ),
});
export type NotificationState = z.infer<typeof notificationStateSchema>;
export const emptyNotificationState = (): NotificationState => ({ version: 1, workspaces: {} });

export interface NotificationWatcherOptions {
  workspaces: WorkspaceSource;
  settings: () => DesktopSettings;
  state: StateFile<NotificationState>;
  emit: (notification: AppNotification) => void;
  now?: () => number;
}

/** Seen keys kept per workspace: far more than one poll returns, small enough to rewrite often. */
const MAX_SEEN = 2_000;
/** Inbound activity read per log and poll (newest first). */
const POLL_LIMIT = 50;
/** At most this many popups per poll; the rest are listed muted, so a backlog cannot flood the desktop. */
const MAX_POPUPS_PER_POLL = 5;
const RECENT_LIMIT = 30;
const GOAL_DAYS_KEPT = 7;

const GOAL_WORDS: Record<string, [one: string, many: string]> = {
  outboundCalls: ['outbound call', 'outbound calls'],
  answeredCalls: ['answered call', 'answered calls'],
  conversations: ['conversation', 'conversations'],
  talkMinutes: ['talk minute', 'talk minutes'],
  prospects: ['prospect', 'prospects'],
  appointments: ['appointment', 'appointments'],
  sms: ['SMS', 'SMS'],
};

export class NotificationWatcher {
  private readonly now: () => number;
  private readonly recentItems: AppNotification[] = [];
  private lastSyncError: string | null = null;
  private credentialsFlagged = false;
  private polling: Promise<AppNotification[]> | null = null;
  /** Quiet hours are read in the account's zone: the last one seen (the default until a poll). */
  private zone = DEFAULT_TIMEZONE;
  /** Whose key a refusal names; the primary provider until the first look says otherwise. */
  private providerName = 'Hot Prospector';

  constructor(private readonly options: NotificationWatcherOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Newest first, muted ones included. */
  recent(): AppNotification[] {
    return [...this.recentItems];
  }

  /** Reads the account's inbound calls and SMS and notifies the new ones from known leads. */
  async poll(): Promise<AppNotification[]> {
    // One look at a time: two overlapping looks would both see the same activity as new.
    this.polling ??= this.look().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async look(): Promise<AppNotification[]> {
    const workspace = await this.options.workspaces.active();
    const zone = workspace.account.timezone;
    this.zone = zone;
    this.providerName = providerModule(workspace.account.provider).name;
    const now = this.now();
    const today = ymdIn(now, zone);
    const yesterday = DateTime.fromMillis(now, { zone }).minus({ days: 1 }).toFormat('yyyy-MM-dd');
    let calls: Activity[];
    let sms: Activity[];
    try {
      const session = await workspace.session();
      // A provider without account-wide inbound logs has nothing to poll: no notifications, no error.
      if (!session.recentInbound) return [];
      ({ calls, sms } = await session.recentInbound({ fromDate: yesterday, toDate: today, limit: POLL_LIMIT }));
    } catch (error) {
      const failure = toCallsideError(error);
      this.failure(failure);
      throw failure;
    }
    this.success();

    const key = workspaceKey(workspace);
    const state = this.options.state.read();
    const mine = (state.workspaces[key] ??= { seen: [], baselineAt: null, goals: {} });
    const seen = new Set(mine.seen);
    const incoming = [
      ...calls
        .filter((a) => a.direction !== 'outbound')
        .map((activity) => ({ activity, kind: 'inbound-call' as const })),
      ...sms.filter((a) => a.direction !== 'outbound').map((activity) => ({ activity, kind: 'inbound-sms' as const })),
    ]
      .map((item) => ({ ...item, key: `${item.kind}:${item.activity.id}` }))
      .filter((item) => !seen.has(item.key))
      .sort((a, b) => a.activity.at.localeCompare(b.activity.at));

    const remember = () => {
      for (const item of incoming) mine.seen.push(item.key);
      if (mine.seen.length > MAX_SEEN) mine.seen.splice(0, mine.seen.length - MAX_SEEN);
    };
    if (mine.baselineAt === null) {
      // First look at this workspace: what is already in the log is history, not news.
      remember();
      mine.baselineAt = new Date(now).toISOString();
      this.options.state.write(state);
      return [];
    }
    if (incoming.length === 0) return [];
    remember();
    this.options.state.write(state);

    const prefs = this.options.settings().notifications;
    const raised: AppNotification[] = [];
    for (const { activity, kind } of incoming) {
      const wanted = kind === 'inbound-call' ? prefs.inboundCalls : prefs.inboundSms;
      if (!prefs.enabled || !wanted) continue;
      const lead = await this.knownLead(workspace.cache, activity);
      if (!lead) continue;
      const flood = raised.filter((n) => !n.muted).length >= MAX_POPUPS_PER_POLL;
      raised.push(
        this.raise(kind, activityTitle(kind, lead), activityBody(kind, lead, activity, zone), lead.id, flood),
      );
    }
    return raised;
  }

  /** After a refresh of today's board: announces each goal reached, once per day. */
  goals(
    board: MetricsBoard,
    workspace: { kind: string; account: { uid: string; baseUrl: string } },
  ): AppNotification[] {
    this.zone = board.timezone;
    if (!board.isToday || !board.me) return [];
    const reached = board.goals.filter((goal) => goal.reached);
    if (reached.length === 0) return [];
    const state = this.options.state.read();
    const mine = (state.workspaces[workspaceKey(workspace)] ??= { seen: [], baselineAt: null, goals: {} });
    const announced = new Set(mine.goals[board.date] ?? []);
    const fresh = reached.filter((goal) => !announced.has(goal.metric));
    if (fresh.length === 0) return [];
    mine.goals[board.date] = [...announced, ...fresh.map((goal) => goal.metric)];
    for (const date of Object.keys(mine.goals).sort().slice(0, -GOAL_DAYS_KEPT)) delete mine.goals[date];
    this.options.state.write(state);
    const prefs = this.options.settings().notifications;
    if (!prefs.enabled || !prefs.goals) return [];
    return fresh.map((goal) => {
      const [one, many] = GOAL_WORDS[goal.metric] ?? [goal.metric, goal.metric];
      return this.raise(
        'goal-reached',
        'Goal reached',
        `${goal.goal} ${goal.goal === 1 ? one : many} today (now ${goal.value}).`,
        null,
      );
    });
  }

  /** Every sync status the core reports: a new error is announced once. */
  syncStatus(status: { lastError: string | null }): AppNotification | null {
    if (status.lastError === null) {
      this.lastSyncError = null;
      return null;
    }
    if (status.lastError === this.lastSyncError) return null;
    this.lastSyncError = status.lastError;
    const prefs = this.options.settings().notifications;
    if (!prefs.enabled || !prefs.syncProblems) return null;
    return this.raise('sync-failed', 'Sync is failing', firstLine(status.lastError), null);
  }

  /** A failed provider call anywhere in the tray's work: refused credentials are announced once. */
  failure(error: CallsideError): AppNotification | null {
    if (error.code !== 'auth' || this.credentialsFlagged) return null;
    this.credentialsFlagged = true;
    return this.raise(
      'credentials-rejected',
      `${this.providerName} refused the API key`,
      'Open Settings in Callside and connect the account again.',
      null,
    );
  }

  /** A provider call went through: credentials work again. */
  success(): void {
    this.credentialsFlagged = false;
  }

  /** Quiet hours or do-not-disturb right now. */
  isQuiet(zone: string = this.zone): boolean {
    const prefs = this.options.settings().notifications;
    if (prefs.doNotDisturb) return true;
    if (!prefs.quietHours.enabled) return false;
    return inWindow(DateTime.fromMillis(this.now(), { zone }).toFormat('HH:mm'), prefs.quietHours);
  }

  private raise(
    kind: NotificationKind,
    title: string,
    body: string,
    leadId: string | null,
    forceMute = false,
  ): AppNotification {
    const notification: AppNotification = {
      id: randomUUID(),
      kind,
      title,
      body,
      leadId,
      at: new Date(this.now()).toISOString(),
      muted: forceMute || this.isQuiet(this.zone),
    };
    this.recentItems.unshift(notification);
    this.recentItems.length = Math.min(this.recentItems.length, RECENT_LIMIT);
    this.options.emit(notification);
    return notification;
  }

  private async knownLead(
    cache: {
      leads: { get(id: string): Promise<Lead | null> };
      phones: { findLead(e164: string): Promise<Lead | null> };
    },
    activity: Activity,
  ): Promise<Lead | null> {
    const byId = activity.leadId ? await cache.leads.get(activity.leadId) : null;
    if (byId) return byId;
    const e164 = phoneToE164(activity.from);
    return e164 ? cache.phones.findLead(e164) : null;
  }
}

/** Whether "HH:MM" lies in [start, end), the window possibly running past midnight. */
export function inWindow(clock: string, window: { start: string; end: string }): boolean {
  if (window.start === window.end) return false;
  return window.start < window.end
    ? clock >= window.start && clock < window.end
    : clock >= window.start || clock < window.end;
}

function leadLabel(lead: Lead): string {
  const name = `${lead.firstName} ${lead.lastName}`.trim();
  return name || lead.company || lead.phone || lead.mobile || `Lead ${lead.id}`;
}

function activityTitle(kind: 'inbound-call' | 'inbound-sms', lead: Lead): string {
  return kind === 'inbound-call' ? `Inbound call from ${leadLabel(lead)}` : `SMS from ${leadLabel(lead)}`;
}

function activityBody(kind: 'inbound-call' | 'inbound-sms', lead: Lead, activity: Activity, zone: string): string {
  const time = DateTime.fromISO(activity.at, { zone }).toFormat('h:mm a');
  if (kind === 'inbound-sms' && activity.text) return `${clip(activity.text, 140)} (${time})`;
  const where = [activity.from || lead.phone, lead.company].filter(Boolean).join(' · ');
  return `${where}${where ? ' · ' : ''}${time}`;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function firstLine(text: string): string {
  return clip(text.split('\n', 1)[0] ?? '', 200);
}
