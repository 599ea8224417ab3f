import { useEffect } from 'react';
import { useAppStore } from '../state/app-store';
import { AccountBadge } from '../views/AccountBadge';
import { HostInfo } from '../views/HostInfo';
import type { Route } from './route';

export function App({ route }: { route: Route }) {
  const { info, account, load } = useAppStore();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className={`app app-${route}`}>
      <header className="topbar">
        <h1 className="brand">Callside</h1>
        {account.state === 'ready' && <AccountBadge status={account.value} />}
      </header>
      <main className="content">
        {info.state === 'loading' && <p role="status">Connecting to Callside…</p>}
        {info.state === 'error' && (
          <p role="alert" className="error">
            {info.message}
          </p>
        )}
        {info.state === 'ready' && <HostInfo info={info.value} />}
      </main>
    </div>
  );
}
