import { useAppStore } from '../state/app-store';
import { useUiStore } from '../state/ui-store';
import { AccountBadge } from './AccountBadge';

export function TopBar() {
  const account = useAppStore((state) => state.account);
  const view = useUiStore((state) => state.view);
  const show = useUiStore((state) => state.show);
  return (
    <header className="topbar">
      <h1 className="brand">Callside</h1>
      {account.state === 'ready' && <AccountBadge status={account.value} />}
      <nav className="topnav" aria-label="Main">
        <button type="button" aria-current={view === 'leads' ? 'page' : undefined} onClick={() => show('leads')}>
          Leads
        </button>
        <button type="button" aria-current={view === 'settings' ? 'page' : undefined} onClick={() => show('settings')}>
          Settings
        </button>
      </nav>
    </header>
  );
}
