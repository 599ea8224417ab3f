import { useState, type FormEvent } from 'react';
import { GOAL_METRICS, type DesktopSettingsView, type GoalMetric } from '../../../../shared/contract/tray-schemas';
import type { AgentMetrics } from '../../../../shared/domain';
import { METRIC_LABELS } from './metric-format';
import { useTrayStore } from './tray-store';
import { WhoAmI } from './WhoAmI';

const REFRESH_CHOICES = [
  { value: 30, label: 'every 30 seconds' },
  { value: 60, label: 'every minute' },
  { value: 120, label: 'every 2 minutes' },
  { value: 300, label: 'every 5 minutes' },
  { value: 900, label: 'every 15 minutes' },
];

/** Plain words about where the API key is and how well it is protected. */
export function SecretProtectionNotice({ protection }: { protection: DesktopSettingsView['secretProtection'] }) {
  if (protection === 'basic-text') {
    return (
      <p role="alert" className="alert">
        Your API key is not encrypted on this computer. This Linux desktop has no keyring (such as GNOME Keyring or
        KWallet) that Callside can use, so the key is stored with a fixed key that is the same everywhere: anyone who
        can read your files can recover it. Set up and unlock a keyring, then sign in again.
      </p>
    );
  }
  if (protection === 'file-0600') {
    return (
      <p className="small">
        Your API key is kept in a file in the Callside data folder that only your user account can read. It is not
        encrypted.
      </p>
    );
  }
  return (
    <p className="small">
      Your API key is encrypted with your system&apos;s keychain and never leaves this computer&apos;s Callside process.
    </p>
  );
}

const NONE: readonly string[] = [];

function GoalsForm({ settings }: { settings: DesktopSettingsView }) {
  const update = useTrayStore((state) => state.updateSettings);
  // No goal on a figure the provider cannot give (the board lists them as hidden).
  const hidden = useTrayStore((state) => ('value' in state.board ? state.board.value?.hidden : undefined) ?? NONE);
  const [draft, setDraft] = useState<Record<GoalMetric, string>>(
    () => Object.fromEntries(GOAL_METRICS.map((m) => [m, String(settings.goals[m])])) as Record<GoalMetric, string>,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const goals = Object.fromEntries(
      GOAL_METRICS.map((m) => [m, Math.max(0, Math.min(100_000, Math.round(Number(draft[m]) || 0)))]),
    ) as Record<GoalMetric, number>;
    void update({ goals }, 'Goals saved.');
  };
  return (
    <form className="tray-goals" aria-label="Daily goals" onSubmit={submit}>
      <p className="muted small">0 means no goal for that figure.</p>
      <div className="tray-goal-grid">
        {GOAL_METRICS.filter((metric) => !hidden.includes(metric)).map((metric) => (
          <label key={metric} className="field">
            <span>{METRIC_LABELS[metric]} per day</span>
            <input
              type="number"
              min={0}
              max={100000}
              inputMode="numeric"
              value={draft[metric]}
              onChange={(event) => setDraft({ ...draft, [metric]: event.target.value })}
            />
          </label>
        ))}
      </div>
      <button type="submit" className="primary">
        Save goals
      </button>
    </form>
  );
}

function Toggle({
  label,
  checked,
  disabled,
  onChange,
}: {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="tray-toggle">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

/**
 * Goals, "who am I", refresh, notifications, desktop start-up, and how the key is kept. A
 * provider without daily figures (`figures` false) gets no goals, "who am I" or refresh: they
 * would set something nothing shows.
 */
export function SettingsPanel({
  settings,
  agents,
  figures = true,
}: {
  settings: DesktopSettingsView;
  agents: readonly AgentMetrics[];
  figures?: boolean;
}) {
  const update = useTrayStore((state) => state.updateSettings);
  const notice = useTrayStore((state) => state.settingsNotice);
  const [email, setEmail] = useState(settings.agent.email);
  const n = settings.notifications;
  const notify = (patch: Partial<typeof n>) => void update({ notifications: patch });

  return (
    <div className="tray-panel-body tray-settings">
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'notice-ok' : 'alert'}>
          {notice.message}
        </p>
      )}
      {figures && (
        <>
          <section aria-labelledby="tray-me-title">
            <h3 id="tray-me-title">You on the dashboard</h3>
            {agents.length > 0 && <WhoAmI agents={agents} label="I am" />}
            <form
              className="tray-row"
              onSubmit={(event) => {
                event.preventDefault();
                void update({ agent: { email } }, 'Saved: matched by e-mail.');
              }}
            >
              <label className="field">
                <span>Or match my e-mail</span>
                <input
                  type="email"
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                  autoComplete="email"
                />
              </label>
              <button type="submit">Save e-mail</button>
            </form>
          </section>

          <section aria-labelledby="tray-goals-title">
            <h3 id="tray-goals-title">Daily goals</h3>
            <GoalsForm settings={settings} />
          </section>

          <section aria-labelledby="tray-refresh-title">
            <h3 id="tray-refresh-title">Figures</h3>
            <label className="field">
              <span>Refresh the figures</span>
              <select
                value={settings.refreshSec}
                onChange={(event) => void update({ refreshSec: Number(event.target.value) })}
              >
                {(REFRESH_CHOICES.some((c) => c.value === settings.refreshSec)
                  ? REFRESH_CHOICES
                  : [...REFRESH_CHOICES, { value: settings.refreshSec, label: `every ${settings.refreshSec} seconds` }]
                ).map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
          </section>
        </>
      )}

      <section aria-labelledby="tray-notify-title">
        <h3 id="tray-notify-title">Notifications</h3>
        <Toggle label="Show notifications" checked={n.enabled} onChange={(enabled) => notify({ enabled })} />
        <Toggle
          label="Inbound calls from leads"
          checked={n.inboundCalls}
          disabled={!n.enabled}
          onChange={(inboundCalls) => notify({ inboundCalls })}
        />
        <Toggle
          label="SMS from leads"
          checked={n.inboundSms}
          disabled={!n.enabled}
          onChange={(inboundSms) => notify({ inboundSms })}
        />
        {figures && (
          <Toggle
            label="Goals reached"
            checked={n.goals}
            disabled={!n.enabled}
            onChange={(goals) => notify({ goals })}
          />
        )}
        <Toggle
          label="Sync problems"
          checked={n.syncProblems}
          disabled={!n.enabled}
          onChange={(syncProblems) => notify({ syncProblems })}
        />
        <Toggle label="Do not disturb" checked={n.doNotDisturb} onChange={(doNotDisturb) => notify({ doNotDisturb })} />
        <fieldset className="tray-quiet">
          <legend>Quiet hours (account time zone)</legend>
          <Toggle
            label="Quiet hours"
            checked={n.quietHours.enabled}
            onChange={(enabled) => notify({ quietHours: { ...n.quietHours, enabled } })}
          />
          <div className="tray-row">
            <label className="field">
              <span>From</span>
              <input
                type="time"
                value={n.quietHours.start}
                onChange={(event) =>
                  event.target.value && notify({ quietHours: { ...n.quietHours, start: event.target.value } })
                }
              />
            </label>
            <label className="field">
              <span>Until</span>
              <input
                type="time"
                value={n.quietHours.end}
                onChange={(event) =>
                  event.target.value && notify({ quietHours: { ...n.quietHours, end: event.target.value } })
                }
              />
            </label>
          </div>
        </fieldset>
        <p className="muted small">
          During quiet hours and do not disturb, notifications are only listed under Alerts.
        </p>
      </section>

      <section aria-labelledby="tray-desktop-title">
        <h3 id="tray-desktop-title">Desktop</h3>
        <Toggle
          label="Start minimized to the tray"
          checked={settings.startMinimized}
          onChange={(startMinimized) => void update({ startMinimized })}
        />
        <Toggle
          label="Start Callside when I log in"
          checked={settings.launchAtLogin}
          disabled={!settings.launchAtLoginAvailable}
          onChange={(launchAtLogin) => void update({ launchAtLogin })}
        />
        {!settings.launchAtLoginAvailable && (
          <p className="muted small">Starting at login is a setting of the desktop app.</p>
        )}
      </section>

      <section aria-labelledby="tray-key-title">
        <h3 id="tray-key-title">API key</h3>
        <SecretProtectionNotice protection={settings.secretProtection} />
      </section>
    </div>
  );
}
