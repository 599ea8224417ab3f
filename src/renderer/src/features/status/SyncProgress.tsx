import { RATE_LIMIT_WAIT } from '../../../../shared/contract/sync-resources';
import { formatCount, humanize } from '../../lib/format';
import { useStatusStore } from '../../state/status-store';
import { useProviderName } from '../../state/workspace-store';

/** Resource names as the sync engine reports them, in the agent's words where they differ. */
const RESOURCE_LABELS: Record<string, string> = { sms: 'text messages', rvm: 'voicemail drops' };

/** The resource being pulled now, with a bar when its total is known. */
export function SyncProgress() {
  const running = useStatusStore((state) => Boolean(state.sync?.running));
  const progress = useStatusStore((state) => state.progress);
  const providerName = useProviderName();
  if (!running) return null;
  const current = Object.values(progress).findLast((item) => item.state === 'running');
  const label = !current
    ? 'Syncing…'
    : current.resource === RATE_LIMIT_WAIT
      ? `Paused ${Math.max(0, (current.total ?? 0) - current.done)} s: ${providerName} asked Callside to slow down`
      : `Syncing ${RESOURCE_LABELS[current.resource] ?? humanize(current.resource).toLowerCase()} ${formatCount(current.done)}${
          current.total !== null ? ` of ${formatCount(current.total)}` : ''
        }`;
  return (
    <span className="sync-progress">
      <progress
        aria-label="Sync progress"
        {...(current && current.total ? { value: current.done, max: current.total } : {})}
      />
      <span className="small">{label}</span>
    </span>
  );
}
