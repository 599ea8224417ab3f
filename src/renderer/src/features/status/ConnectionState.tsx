import { formatTime } from '../../lib/format';
import { useTimeZone } from '../../state/settings-store';
import { useStatusStore } from '../../state/status-store';

/** Online or offline, and how fresh the data on screen is. */
export function ConnectionState() {
  const sync = useStatusStore((state) => state.sync);
  const timeZone = useTimeZone();
  if (!sync) return <span className="conn conn-unknown">Sync status unavailable</span>;
  const asOf = sync.lastSyncAt ? `Data as of ${formatTime(sync.lastSyncAt, timeZone)}` : 'Not synced yet';
  return (
    <span className={`conn ${sync.online ? 'conn-online' : 'conn-offline'}`}>
      <span className="conn-dot" aria-hidden="true" />
      <span>{sync.online ? 'Online' : 'Offline'}</span>
      <span className="muted">· {asOf}</span>
    </span>
  );
}
