import { TrayView } from '../features/tray/TrayView';
import { useAppStore } from '../state/app-store';
import { AccountBadge } from './AccountBadge';

/** The tray window's route (/tray; #/tray in Electron): today's metrics, the screen pop, alerts. */
export function TrayScreen() {
  const { info, account } = useAppStore();
  return (
    <div className="app app-tray">
      <header className="topbar">
        <h1 className="brand">Callside</h1>
        {account.state === 'ready' && <AccountBadge status={account.value} />}
      </header>
      <main className="content tray-content">
        {info.state === 'error' && (
          <p role="alert" className="error">
            {info.message}
          </p>
        )}
        <TrayView />
      </main>
    </div>
  );
}
