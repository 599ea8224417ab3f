import { useStatusStore } from '../../state/status-store';
import { ConnectionState } from './ConnectionState';
import { OutboxButton } from './OutboxButton';
import { SyncButton } from './SyncButton';
import { SyncProgress } from './SyncProgress';

export function StatusBar() {
  const error = useStatusStore((state) => state.error);
  const lastError = useStatusStore((state) => (state.sync?.online === false ? null : (state.sync?.lastError ?? null)));
  const message = error ?? lastError;
  return (
    <footer className="statusbar" aria-label="Sync status">
      <ConnectionState />
      <SyncProgress />
      {message && (
        <span role="alert" className="statusbar-error">
          {message}
        </span>
      )}
      <span className="statusbar-spacer" />
      <OutboxButton />
      <SyncButton />
    </footer>
  );
}
