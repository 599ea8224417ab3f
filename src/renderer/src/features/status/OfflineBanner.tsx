import { formatTime } from '../../lib/format';
import { useTimeZone } from '../../state/settings-store';
import { useStatusStore } from '../../state/status-store';

/**
 * Offline is a state, not an error: the cache keeps working and changes queue up. The banner
 * says exactly that, and how old the data is. Why each change is still waiting is in the outbox.
 */
export function OfflineBanner() {
  const sync = useStatusStore((state) => state.sync);
  const timeZone = useTimeZone();
  if (!sync || sync.online) return null;
  const asOf = sync.lastSyncAt ? ` Showing data as of ${formatTime(sync.lastSyncAt, timeZone)}.` : '';
  return (
    <div className="offline-banner" role="status">
      <strong>Offline.</strong>
      {asOf} Your changes are saved here and will be sent when the connection is back.
    </div>
  );
}
