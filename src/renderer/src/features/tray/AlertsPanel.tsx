import type { AppNotification } from '../../../../shared/contract/tray-schemas';
import { clockTime } from './metric-format';
import { useTrayStore } from './tray-store';

const KIND_LABELS: Record<AppNotification['kind'], string> = {
  'inbound-call': 'Call',
  'inbound-sms': 'SMS',
  'goal-reached': 'Goal',
  'sync-failed': 'Sync',
  'credentials-rejected': 'Account',
};

/** Everything the watcher raised lately, muted ones (quiet hours) included. */
export function AlertsPanel({ timeZone }: { timeZone: string }) {
  const alerts = useTrayStore((state) => state.alerts);
  const openLead = useTrayStore((state) => state.openLead);
  if (alerts.length === 0) return <p className="muted tray-panel-body">Nothing to report yet.</p>;
  return (
    <ul className="tray-panel-body tray-alerts" aria-label="Recent notifications">
      {alerts.map((alert) => (
        <li key={alert.id} className={`tray-alert kind-${alert.kind}`}>
          <span className="pill pill-muted">{KIND_LABELS[alert.kind]}</span>
          <div>
            <strong>{alert.title}</strong>
            <p className="small">{alert.body}</p>
            <p className="muted small">
              {clockTime(alert.at, timeZone)}
              {alert.muted ? ' · muted (quiet hours or do not disturb)' : ''}
            </p>
          </div>
          {alert.leadId && (
            <button type="button" onClick={() => void openLead(alert.leadId as string)}>
              Open lead
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
