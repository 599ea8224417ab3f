import { useEffect, type KeyboardEvent, type ReactNode } from 'react';
import { DEFAULT_TIMEZONE } from '../../../../shared/domain';
import { useCapability, useProviderName, useWorkspaceStore } from '../../state/workspace-store';
import { AlertsPanel } from './AlertsPanel';
import { CampaignsPanel } from './CampaignsPanel';
import { DoNotDisturb } from './DoNotDisturb';
import { agoText, clockTime, dayLabel } from './metric-format';
import { PopCard } from './PopCard';
import { SecretProtectionNotice, SettingsPanel } from './SettingsPanel';
import { TeamPanel } from './TeamPanel';
import { TodayPanel } from './TodayPanel';
import { TrendPanel } from './TrendPanel';
import { connectTray, FIGURE_TABS, sharesFigures, useTrayStore, type TrayTab } from './tray-store';
import { useNow } from './use-now';
import './tray.css';

const TABS: Array<{ id: TrayTab; label: string }> = [
  { id: 'today', label: 'Today' },
  { id: 'trend', label: 'Trend' },
  { id: 'team', label: 'Team' },
  { id: 'campaigns', label: 'Campaigns' },
  { id: 'alerts', label: 'Alerts' },
  { id: 'settings', label: 'Settings' },
];

/** "Updated 12 s ago · server 12:46 PM", the refresh button, and why figures may be old. */
function Freshness() {
  const board = useTrayStore((state) => ('value' in state.board ? state.board.value : undefined));
  const refreshing = useTrayStore((state) => state.refreshing);
  const loadBoard = useTrayStore((state) => state.loadBoard);
  const now = useNow(1000);
  if (!board) return null;
  return (
    <div className="tray-freshness">
      <p className="small" aria-live="off">
        {board.fetchedAt ? <>Updated {agoText(board.fetchedAt, now)}</> : 'Not updated yet'}
        {board.lastUpdated && <span className="muted"> · server {clockTime(board.lastUpdated, board.timezone)}</span>}
      </p>
      <button type="button" onClick={() => void loadBoard({ refresh: true })} disabled={refreshing}>
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
      {board.stale && (
        <p role="status" className="tray-stale">
          {board.source === 'none'
            ? `No figures for ${board.isToday ? 'today' : dayLabel(board.date)} yet: ${board.error?.message ?? 'Callside could not reach the provider.'}`
            : `Offline: showing the figures from ${clockTime(board.fetchedAt, board.timezone)}.${board.error ? ` ${board.error.message}` : ''}`}
        </p>
      )}
    </div>
  );
}

/**
 * The Today tab of a provider that keeps no daily figures (CallHub): said once, calmly, with
 * whatever agent status it does keep below. Nothing here is missing or broken.
 */
function NoFiguresPanel({ timeZone }: { timeZone: string }) {
  const provider = useProviderName();
  const pickedId = useTrayStore((state) => state.settings?.agent.agentId ?? null);
  return (
    <div className="tray-panel-body">
      <section className="tray-info" aria-label="Daily figures">
        <p>
          <strong>{provider} shares no daily figures.</strong>
        </p>
        <p className="small muted">
          Callside shows the day&apos;s calls, talk time and goals when the provider shares them. {provider} does not,
          so there is nothing to count here; alerts and settings work as usual.
        </p>
      </section>
      <DoNotDisturb meId={pickedId} timeZone={timeZone} />
    </div>
  );
}

function Toast() {
  const toast = useTrayStore((state) => state.toast);
  const dismiss = useTrayStore((state) => state.dismissToast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(dismiss, 8000);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  if (!toast) return null;
  return (
    <div role="status" className={`tray-toast kind-${toast.kind}`}>
      <strong>{toast.title}</strong> <span>{toast.body}</span>
      <button type="button" className="tray-link" onClick={dismiss} aria-label="Dismiss notification">
        ×
      </button>
    </div>
  );
}

/**
 * The tray window (route /tray): my day against my goals, the trend, the leaderboard, the
 * campaign breakdown, recent notifications and the desktop settings, plus the screen pop card
 * on top whenever the softphone hands over a number. The same view runs in Electron's tray
 * window and in the browser host.
 */
export function TrayView() {
  const tab = useTrayStore((state) => state.tab);
  const setTab = useTrayStore((state) => state.setTab);
  const board = useTrayStore((state) => state.board);
  const trend = useTrayStore((state) => state.trend);
  const campaigns = useTrayStore((state) => state.campaigns);
  const loadCampaigns = useTrayStore((state) => state.loadCampaigns);
  const settings = useTrayStore((state) => state.settings);
  const pop = useTrayStore((state) => state.pop);
  const alertCount = useTrayStore((state) => state.alerts.length);
  // A provider without campaigns (Callingly) gets no Campaigns tab rather than an empty one;
  // one without daily figures (CallHub) no Trend or Team either.
  const campaignsOk = useCapability('campaigns.read');
  const figuresOk = useWorkspaceStore((state) => sharesFigures(state.provider));
  const accountZone = useWorkspaceStore((state) => state.overview?.account.timezone);
  const tabs = TABS.filter((t) => (campaignsOk || t.id !== 'campaigns') && (figuresOk || !FIGURE_TABS.includes(t.id)));

  // Also loads the workspace overview: what the provider can do decides what is fetched.
  useEffect(() => connectTray(), []);

  const boardValue = 'value' in board ? board.value : undefined;
  const timeZone = boardValue?.timezone ?? accountZone ?? DEFAULT_TIMEZONE;
  // A tab this provider has none of (chosen before the overview said) shows Today.
  const shown = tabs.some((t) => t.id === tab) ? tab : 'today';

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === shown);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length] as (typeof TABS)[number];
    setTab(next.id);
    document.getElementById(`tray-tab-${next.id}`)?.focus();
  };

  return (
    <div className="tray">
      {pop && <PopCard pop={pop} timeZone={timeZone} />}
      <Toast />
      {figuresOk && <Freshness />}
      {settings?.secretProtection === 'basic-text' && shown !== 'settings' && (
        <SecretProtectionNotice protection="basic-text" />
      )}
      <div className="tray-tabs" role="tablist" aria-label="Tray" onKeyDown={onTabKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`tray-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={shown === t.id}
            aria-controls={`tray-panel-${t.id}`}
            tabIndex={shown === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id === 'alerts' && alertCount > 0 ? <span className="tray-count">{alertCount}</span> : null}
          </button>
        ))}
      </div>
      <div
        className="tray-panel"
        role="tabpanel"
        id={`tray-panel-${shown}`}
        aria-labelledby={`tray-tab-${shown}`}
        tabIndex={0}
      >
        {shown === 'today' &&
          (figuresOk ? (
            <Loaded load={board}>{(value) => <TodayPanel board={value} />}</Loaded>
          ) : (
            <NoFiguresPanel timeZone={timeZone} />
          ))}
        {shown === 'trend' && <Loaded load={trend}>{(value) => <TrendPanel trend={value} />}</Loaded>}
        {shown === 'team' && <Loaded load={board}>{(value) => <TeamPanel board={value} />}</Loaded>}
        {shown === 'campaigns' && (
          <>
            <Loaded load={campaigns}>{(value) => <CampaignsPanel breakdown={value} />}</Loaded>
            <button type="button" className="tray-link" onClick={() => void loadCampaigns({ refresh: true })}>
              Refresh campaigns
            </button>
          </>
        )}
        {shown === 'alerts' && <AlertsPanel timeZone={timeZone} />}
        {shown === 'settings' &&
          (settings ? (
            <SettingsPanel settings={settings} agents={boardValue?.agents ?? []} figures={figuresOk} />
          ) : (
            <p role="status">Loading settings…</p>
          ))}
      </div>
    </div>
  );
}

type AnyLoad<T> =
  | { state: 'idle' }
  | { state: 'loading'; value?: T }
  | { state: 'ready'; value: T }
  | { state: 'error'; message: string; value?: T };

function Loaded<T>({ load, children }: { load: AnyLoad<T>; children: (value: NonNullable<T>) => ReactNode }) {
  const value = ('value' in load ? load.value : undefined) as NonNullable<T> | undefined;
  return (
    <>
      {load.state === 'error' && (
        <p role="alert" className="alert">
          {load.message}
        </p>
      )}
      {value !== undefined ? children(value) : load.state !== 'error' && <p role="status">Loading…</p>}
    </>
  );
}
