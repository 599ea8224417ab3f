import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { HostKind } from '../../shared/contract/channels';
import type { TrayEventName, TrayEventPayload } from '../../shared/contract/tray-channels';
import {
  desktopSettingsSchema,
  type AgentStatusList,
  type AppNotification,
  type DesktopSettingsPatch,
  type DesktopSettingsView,
  type MetricsBoard,
  type PopResult,
} from '../../shared/contract/tray-schemas';
import { CallsideError } from '../../shared/errors';
import type { EventHub } from '../events';
import { createJsonStateFile, type StateFile } from '../settings/json-state-file';
import type { SecretStore } from '../settings/secret-store';
import type { SettingsStore } from '../settings/settings';
import { MetricsService, type WorkspaceSource } from './metrics-service';
import {
  emptyNotificationState,
  notificationStateSchema,
  NotificationWatcher,
  type NotificationState,
} from './notification-watcher';
import { unsupported } from '../providers/port';
import { phoneToE164, popLead } from './screen-pop';

/**
 * The desktop features as one Electron-free unit: tray metrics, the notification watcher,
 * screen pop and the desktop settings. Every host builds it with its core; the hosts that
 * show a tray or notifications (the desktop app, `callside serve`) call start() to run its
 * two timers (today's board every refresh interval, the account logs every few seconds). The
 * CLI never starts it, so a one-shot command makes no background calls.
 */
export interface TrayServices {
  readonly metrics: MetricsService;
  readonly watcher: NotificationWatcher;
  /** metrics.board, plus the follow-ups of a live fetch (goal notifications, the `metrics.updated` push). */
  board(input: { date?: string | undefined; refresh?: boolean }): Promise<MetricsBoard>;
  settings(): DesktopSettingsView;
  updateSettings(patch: DesktopSettingsPatch): DesktopSettingsView;
  screenPop(phone: string): Promise<PopResult>;
  lastPop(): PopResult | null;
  showLead(target: { leadId: string } | { newLeadPhone: string }): void;
  recentNotifications(): AppNotification[];
  /** The team's do-not-disturb state from the active workspace's provider (`supported: false` where it has none). */
  agentStatus(): Promise<AgentStatusList>;
  /** Sets one agent's do-not-disturb at the provider; `unsupported`, naming it, where it cannot. */
  setDoNotDisturb(agentId: string, on: boolean): Promise<AgentStatusList>;
  /** One refresh of today's board (what the timer runs). */
  refresh(): Promise<void>;
  /** One look at the account logs (what the other timer runs). */
  poll(): Promise<void>;
  start(): void;
  stop(): void;
  readonly running: boolean;
}

export interface TrayServicesDeps {
  hostKind: HostKind;
  dataDir: string;
  settings: SettingsStore;
  secrets: Pick<SecretStore, 'protection'>;
  workspaces: WorkspaceSource;
  events: EventHub;
  now?: () => number;
  /** Where notified activity ids are kept; `notifications.json` in the data directory by default. */
  notificationState?: StateFile<NotificationState>;
  /** Seconds between looks at the account logs. */
  pollSec?: number;
}

export const DEFAULT_POLL_SEC = 20;
/** How long a pop stays available to a window that opens after it (screen.lastPop). */
const LAST_POP_MS = 5 * 60_000;
/** Latest activity shown on the pop card. */
const POP_RECENT = 3;
/** How long a screen pop waits for the provider's lookup when the cache does not know the number. */
const POP_LOOKUP_MS = 3_000;

export function createTrayServices(deps: TrayServicesDeps): TrayServices {
  const now = deps.now ?? Date.now;
  const emit = trayEmitter(deps.events);
  const desktop = () => deps.settings.read().desktop;
  const metrics = new MetricsService({ workspaces: deps.workspaces, settings: desktop, now });
  const watcher = new NotificationWatcher({
    workspaces: deps.workspaces,
    settings: desktop,
    now,
    state:
      deps.notificationState ??
      createJsonStateFile(join(deps.dataDir, 'notifications.json'), notificationStateSchema, emptyNotificationState),
    emit: (notification) => emit('notification', notification),
  });
  let last: PopResult | null = null;
  const timers = new Map<'refresh' | 'poll', ReturnType<typeof setTimeout>>();
  let running = false;

  const view = (): DesktopSettingsView => ({
    ...desktop(),
    secretProtection: deps.secrets.protection,
    launchAtLoginAvailable: deps.hostKind === 'electron',
  });

  const afterBoard = async (board: MetricsBoard): Promise<void> => {
    if (board.error?.code === 'auth') watcher.failure(new CallsideError('auth', board.error.message));
    if (board.source !== 'live') return;
    watcher.success();
    watcher.goals(board, await deps.workspaces.active());
    emit('metrics.updated', { date: board.date, fetchedAt: board.fetchedAt ?? new Date(now()).toISOString() });
  };

  const board: TrayServices['board'] = async (input) => {
    const result = await metrics.board(input);
    await afterBoard(result);
    return result;
  };

  const refresh = async (): Promise<void> => {
    await board({ refresh: true });
  };

  const poll = async (): Promise<void> => {
    await watcher.poll();
  };

  const pollMs = (deps.pollSec ?? DEFAULT_POLL_SEC) * 1000;
  let unsubscribe: (() => void) | null = null;

  const schedule = (name: 'refresh' | 'poll', delayMs: number) => {
    if (!running) return;
    clearTimeout(timers.get(name));
    const timer = setTimeout(() => {
      const task = name === 'refresh' ? refresh : poll;
      void task()
        .catch(() => undefined)
        .finally(() => schedule(name, name === 'refresh' ? desktop().refreshSec * 1000 : pollMs));
    }, delayMs);
    // A host that forgets stop() still exits: the timers never keep Node alive on their own.
    timer.unref?.();
    timers.set(name, timer);
  };

  return {
    metrics,
    watcher,
    board,
    settings: view,
    updateSettings(patch) {
      const current = desktop();
      if (patch.launchAtLogin && deps.hostKind !== 'electron') {
        throw new CallsideError('invalid_request', 'Starting with the system is a setting of the desktop app.');
      }
      const next = desktopSettingsSchema.parse({
        ...current,
        ...patch,
        agent: { ...current.agent, ...patch.agent },
        goals: { ...current.goals, ...patch.goals },
        notifications: { ...current.notifications, ...patch.notifications },
      });
      deps.settings.update({ desktop: next });
      if (running && patch.refreshSec !== undefined && patch.refreshSec !== current.refreshSec) {
        schedule('refresh', next.refreshSec * 1000);
      }
      const result = view();
      emit('desktop.settings', result);
      return result;
    },
    async screenPop(phone) {
      const workspace = await deps.workspaces.active();
      const region = workspace.account.region ?? null;
      const e164 = phoneToE164(phone, region);
      // The cache answers at once; on a miss the provider's own lookup gets a few seconds, and
      // a provider that cannot answer in time leaves "unknown caller", never an error to the softphone.
      let lead = e164 ? await workspace.cache.phones.findLead(e164) : null;
      if (e164 && !lead) {
        const session = await workspace.session().catch(() => null);
        lead = await popLead(workspace.cache, session, phone, { region, signal: AbortSignal.timeout(POP_LOOKUP_MS) });
      }
      const recent = lead ? await workspace.cache.activities.timeline(lead.id, { limit: POP_RECENT }) : [];
      const result: PopResult = { id: randomUUID(), phone, e164, lead, recent, at: new Date(now()).toISOString() };
      last = result;
      emit('pop', result);
      return result;
    },
    lastPop() {
      return last && now() - Date.parse(last.at) <= LAST_POP_MS ? last : null;
    },
    showLead(target) {
      emit('lead.show', {
        leadId: 'leadId' in target ? target.leadId : null,
        newLeadPhone: 'newLeadPhone' in target ? target.newLeadPhone : null,
      });
    },
    recentNotifications: () => watcher.recent(),
    async agentStatus() {
      const session = await (await deps.workspaces.active()).session();
      if (!session.agentStatus) return { supported: false, provider: session.name, agents: [] };
      return { supported: true, provider: session.name, agents: await session.agentStatus.list() };
    },
    async setDoNotDisturb(agentId, on) {
      const session = await (await deps.workspaces.active()).session();
      if (!session.agentStatus || !session.capabilities.has('agent.status.write')) {
        throw unsupported(session, "set an agent's do-not-disturb");
      }
      await session.agentStatus.setDoNotDisturb(agentId, on, null);
      return { supported: true, provider: session.name, agents: await session.agentStatus.list() };
    },
    refresh,
    poll,
    start() {
      if (running) return;
      running = true;
      unsubscribe = deps.events.subscribe((event, payload) => {
        if (event === 'sync.status') watcher.syncStatus(payload as { lastError: string | null });
      });
      schedule('refresh', 0);
      schedule('poll', Math.min(pollMs, 2_000));
    },
    stop() {
      running = false;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      unsubscribe?.();
      unsubscribe = null;
    },
    get running() {
      return running;
    },
  };
}

type TrayEmit = <E extends TrayEventName>(event: E, payload: TrayEventPayload<E>) => void;

/**
 * The desktop events travel on the core's EventHub like every other event (channels.ts spreads
 * `trayEvents` into `events`); this is the one place that names them through it.
 */
function trayEmitter(events: EventHub): TrayEmit {
  const hub = events as unknown as { emit(event: string, payload: unknown): void };
  return (event, payload) => hub.emit(event, payload);
}
