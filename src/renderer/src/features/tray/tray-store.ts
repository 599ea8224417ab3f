import { create } from 'zustand';
import type {
  AgentStatusList,
  AppNotification,
  CampaignBreakdown,
  DesktopSettingsPatch,
  DesktopSettingsView,
  MetricsBoard,
  MetricsTrend,
  PopResult,
} from '../../../../shared/contract/tray-schemas';
import { bridge } from '../../bridge';
import { messageOf } from '../../lib/errors';
import { useWorkspaceStore, type ProviderFacts } from '../../state/workspace-store';
import type { CountMetric } from './metric-format';
import { invokeTray, onTrayEvent } from './tray-bridge';

export type TrayTab = 'today' | 'trend' | 'team' | 'campaigns' | 'alerts' | 'settings';

type Load<T> =
  | { state: 'idle' }
  | { state: 'loading'; value?: T }
  | { state: 'ready'; value: T }
  | { state: 'error'; message: string; value?: T };

type Notice = { ok: boolean; message: string } | null;

const ALERTS_KEPT = 30;

interface TrayState {
  tab: TrayTab;
  /** The day the Today tab shows; null: today. */
  date: string | null;
  board: Load<MetricsBoard>;
  refreshing: boolean;
  trend: Load<MetricsTrend>;
  trendMetric: CountMetric;
  campaigns: Load<CampaignBreakdown>;
  settings: DesktopSettingsView | null;
  settingsNotice: Notice;
  alerts: AppNotification[];
  /** The newest popup-worthy alert, shown briefly over the view. */
  toast: AppNotification | null;
  pop: PopResult | null;
  popNotice: Notice;
  /** The team's do-not-disturb at the provider; `supported: false` where it keeps none. */
  agentStatus: Load<AgentStatusList>;
  /** The agent whose do-not-disturb is being changed right now. */
  dndBusy: string | null;
  dndNotice: Notice;
  setTab(tab: TrayTab): void;
  selectDate(date: string | null): void;
  setTrendMetric(metric: CountMetric): void;
  loadBoard(options?: { refresh?: boolean }): Promise<void>;
  loadTrend(): Promise<void>;
  loadCampaigns(options?: { refresh?: boolean }): Promise<void>;
  loadSettings(): Promise<void>;
  updateSettings(patch: DesktopSettingsPatch, saved?: string): Promise<boolean>;
  loadAlerts(): Promise<void>;
  dismissToast(): void;
  dismissPop(): void;
  openLead(leadId: string): Promise<void>;
  createLead(phone: string): Promise<void>;
  loadAgentStatus(): Promise<void>;
  setDoNotDisturb(agentId: string, on: boolean): Promise<void>;
}

/** Settings changes this window has in flight; pushes of older states are ignored meanwhile. */
const settingsWrites = { seq: 0, pending: 0 };

function withPatch(settings: DesktopSettingsView, patch: DesktopSettingsPatch): DesktopSettingsView {
  return {
    ...settings,
    ...patch,
    agent: { ...settings.agent, ...patch.agent },
    goals: { ...settings.goals, ...patch.goals },
    notifications: { ...settings.notifications, ...patch.notifications },
  };
}

const valueOf = <T>(load: Load<T>): T | undefined => ('value' in load ? load.value : undefined);

/**
 * Whether the provider shares daily figures at all (`metrics.native` or `metrics.derived`).
 * Before the overview has said (or from an older core that does not say) the figures are asked for.
 */
export function sharesFigures(provider: ProviderFacts | null): boolean {
  return (
    provider === null || provider.capabilities.has('metrics.native') || provider.capabilities.has('metrics.derived')
  );
}

/** Trend and Team are built from the daily figures: without them they would only ever be empty. */
export const FIGURE_TABS: readonly TrayTab[] = ['trend', 'team'];

/** Bumped when the account changes: answers about the account before are dropped. */
let epoch = 0;

/** No metrics channel is called for a provider that has no figures to give (CallHub). */
const figuresShared = (): boolean => sharesFigures(useWorkspaceStore.getState().provider);

export const useTrayStore = create<TrayState>((set, get) => ({
  tab: 'today',
  date: null,
  board: { state: 'idle' },
  refreshing: false,
  trend: { state: 'idle' },
  trendMetric: 'outboundCalls',
  campaigns: { state: 'idle' },
  settings: null,
  settingsNotice: null,
  alerts: [],
  toast: null,
  pop: null,
  popNotice: null,
  agentStatus: { state: 'idle' },
  dndBusy: null,
  dndNotice: null,

  setTab(tab) {
    set({ tab });
    if (tab === 'trend' && get().trend.state === 'idle') void get().loadTrend();
    if (tab === 'campaigns' && get().campaigns.state === 'idle') void get().loadCampaigns();
  },

  selectDate(date) {
    set({ date, tab: 'today', campaigns: { state: 'idle' } });
    void get().loadBoard();
  },

  setTrendMetric(metric) {
    set({ trendMetric: metric });
  },

  async loadBoard(options = {}) {
    if (!figuresShared()) return;
    const date = get().date;
    const previous = valueOf(get().board);
    set({
      board: { state: 'loading', ...(previous ? { value: previous } : {}) },
      refreshing: options.refresh ?? false,
    });
    const started = epoch;
    try {
      const board = await invokeTray('metrics.board', { ...(date ? { date } : {}), refresh: options.refresh ?? false });
      // A slower answer for another day (or account) must not replace the one now on screen.
      if (get().date === date && started === epoch) set({ board: { state: 'ready', value: board } });
    } catch (error) {
      if (started === epoch)
        set({ board: { state: 'error', message: messageOf(error), ...(previous ? { value: previous } : {}) } });
    } finally {
      set({ refreshing: false });
    }
  },

  async loadTrend() {
    if (!figuresShared()) return;
    const previous = valueOf(get().trend);
    set({ trend: { state: 'loading', ...(previous ? { value: previous } : {}) } });
    try {
      set({ trend: { state: 'ready', value: await invokeTray('metrics.trend', { days: 7 }) } });
    } catch (error) {
      set({ trend: { state: 'error', message: messageOf(error), ...(previous ? { value: previous } : {}) } });
    }
  },

  async loadCampaigns(options = {}) {
    if (!figuresShared()) return;
    const date = get().date;
    const previous = valueOf(get().campaigns);
    set({ campaigns: { state: 'loading', ...(previous ? { value: previous } : {}) } });
    try {
      const value = await invokeTray('metrics.campaigns', {
        ...(date ? { date } : {}),
        refresh: options.refresh ?? false,
      });
      if (get().date === date) set({ campaigns: { state: 'ready', value } });
    } catch (error) {
      set({ campaigns: { state: 'error', message: messageOf(error), ...(previous ? { value: previous } : {}) } });
    }
  },

  async loadSettings() {
    try {
      set({ settings: await invokeTray('desktop.settings', {}) });
    } catch (error) {
      set({ settingsNotice: { ok: false, message: messageOf(error) } });
    }
  },

  async updateSettings(patch, saved = 'Saved.') {
    // Shown at once (a ticked box stays ticked), put back if main refuses. Only the answer to
    // the latest change is applied, so a slow earlier answer cannot untick a newer choice.
    const seq = ++settingsWrites.seq;
    settingsWrites.pending++;
    const before = get().settings;
    if (before) set({ settings: withPatch(before, patch) });
    try {
      const settings = await invokeTray('desktop.settings.update', patch);
      if (seq === settingsWrites.seq) set({ settings, settingsNotice: { ok: true, message: saved } });
      return true;
    } catch (error) {
      if (seq === settingsWrites.seq)
        set({ settings: before, settingsNotice: { ok: false, message: messageOf(error) } });
      return false;
    } finally {
      settingsWrites.pending--;
    }
  },

  async loadAlerts() {
    try {
      const { items } = await invokeTray('notifications.recent', {});
      set({ alerts: items });
    } catch {
      // The list fills from pushes as they come.
    }
  },

  dismissToast() {
    set({ toast: null });
  },

  dismissPop() {
    set({ pop: null, popNotice: null });
  },

  async openLead(leadId) {
    try {
      await invokeTray('lead.reveal', { leadId });
      set({ popNotice: { ok: true, message: 'Opened in the Callside window.' } });
    } catch (error) {
      set({ popNotice: { ok: false, message: messageOf(error) } });
    }
  },

  async loadAgentStatus() {
    const previous = valueOf(get().agentStatus);
    set({ agentStatus: { state: 'loading', ...(previous ? { value: previous } : {}) } });
    const started = epoch;
    try {
      const value = await invokeTray('agent.status', {});
      if (started === epoch) set({ agentStatus: { state: 'ready', value } });
    } catch (error) {
      if (started === epoch)
        set({ agentStatus: { state: 'error', message: messageOf(error), ...(previous ? { value: previous } : {}) } });
    }
  },

  async setDoNotDisturb(agentId, on) {
    set({ dndBusy: agentId, dndNotice: null });
    try {
      const value = await invokeTray('agent.setDoNotDisturb', { agentId, on });
      set({
        agentStatus: { state: 'ready', value },
        dndNotice: { ok: true, message: on ? 'Do not disturb is on.' : 'Do not disturb is off.' },
      });
    } catch (error) {
      set({ dndNotice: { ok: false, message: messageOf(error) } });
    } finally {
      set({ dndBusy: null });
    }
  },

  async createLead(phone) {
    try {
      await invokeTray('lead.reveal', { newLeadPhone: phone });
      set({ popNotice: { ok: true, message: 'A new lead with this number is started in the Callside window.' } });
    } catch (error) {
      set({ popNotice: { ok: false, message: messageOf(error) } });
    }
  },
}));

/** Loads the tray and follows the core's pushes; returns the disconnect. */
export function connectTray(): () => void {
  const store = useTrayStore.getState;
  // What the provider can do decides what is fetched: the overview answers before the figures are asked for.
  const loadProviderFirst = async () => {
    await useWorkspaceStore.getState().load();
    void store().loadBoard();
    void store().loadAgentStatus();
  };
  const offs: Array<() => void> = [];
  const listen = (subscribe: () => () => void) => {
    try {
      offs.push(subscribe());
    } catch {
      // An event this build of the contract does not know: the view still works, only without that push.
    }
  };
  listen(() =>
    onTrayEvent('metrics.updated', ({ date }) => {
      const shown = store().date;
      const board = valueOf(store().board);
      if (shown === null || shown === date || board?.date === date) void store().loadBoard();
      if (store().trend.state !== 'idle') void store().loadTrend();
    }),
  );
  listen(() =>
    onTrayEvent('desktop.settings', (settings) => {
      if (settingsWrites.pending === 0) useTrayStore.setState({ settings });
      // Goals and "who am I" change what the board and trend say about me.
      void store().loadBoard();
      if (store().trend.state !== 'idle') void store().loadTrend();
      if (store().campaigns.state !== 'idle') void store().loadCampaigns();
    }),
  );
  listen(() =>
    onTrayEvent('notification', (item) => {
      useTrayStore.setState((state) => ({
        alerts: [item, ...state.alerts.filter((a) => a.id !== item.id)].slice(0, ALERTS_KEPT),
        toast: item.muted ? state.toast : item,
      }));
    }),
  );
  listen(() => onTrayEvent('pop', (pop) => useTrayStore.setState({ pop, popNotice: null })));
  // Another account or Demo provider: other figures, agents and capabilities; start over.
  listen(() =>
    bridge.on('account.changed', () => {
      epoch++;
      useTrayStore.setState((state) => ({
        board: { state: 'idle' },
        trend: { state: 'idle' },
        campaigns: { state: 'idle' },
        agentStatus: { state: 'idle' },
        date: null,
        dndNotice: null,
        tab: FIGURE_TABS.includes(state.tab) || state.tab === 'campaigns' ? 'today' : state.tab,
      }));
      void loadProviderFirst();
    }),
  );

  void loadProviderFirst();
  void store().loadSettings();
  void store().loadAlerts();
  // A window opened by the pop itself (the desktop's metrics window) missed the push.
  void invokeTray('screen.lastPop', {})
    .then((pop) => {
      if (pop && !store().pop) useTrayStore.setState({ pop });
    })
    .catch(() => undefined);

  return () => {
    for (const off of offs) off();
  };
}
