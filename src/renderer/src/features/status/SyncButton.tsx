import { useStatusStore } from '../../state/status-store';

export function SyncButton() {
  const runSync = useStatusStore((state) => state.runSync);
  const busy = useStatusStore((state) => state.requested || Boolean(state.sync?.running));
  return (
    <button type="button" className="small-button" onClick={() => void runSync()} disabled={busy}>
      {busy ? 'Syncing…' : 'Sync now'}
    </button>
  );
}
