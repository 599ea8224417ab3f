import { lazy, useEffect } from 'react';
import { Deferred } from '../app/Deferred';
import { useWorkspaceShortcuts } from '../app/shortcuts';
import { Alert } from '../components/Alert';
import { LeadPane } from '../features/lead/LeadPane';
import { QueuePane } from '../features/queue/QueuePane';
import { OfflineBanner } from '../features/status/OfflineBanner';
import { StatusBar } from '../features/status/StatusBar';
import { useLeadStore } from '../state/lead-store';
import { useUiStore } from '../state/ui-store';
import { connectWorkspace } from '../state/wiring';
import { useWorkspaceStore } from '../state/workspace-store';
import { TopBar } from './TopBar';

/** Settings are opened now and then, never at start: their code comes when they do. */
const SettingsView = lazy(() =>
  import('../features/settings/SettingsView').then((module) => ({ default: module.SettingsView })),
);

/** The agent's screen: queue beside the open lead, status along the bottom. */
export function WorkspaceScreen() {
  const view = useUiStore((state) => state.view);
  const leadOpen = useLeadStore((state) => state.leadId !== null);
  const overviewError = useWorkspaceStore((state) => state.error);

  useEffect(() => connectWorkspace(), []);
  useWorkspaceShortcuts();

  return (
    <div className="app app-workspace">
      <TopBar />
      <OfflineBanner />
      <Alert message={overviewError} className="banner-alert" />
      {view === 'settings' ? (
        <main className="content settings-content">
          <Deferred what="Settings">
            <SettingsView />
          </Deferred>
        </main>
      ) : (
        <main className={`workspace${leadOpen ? ' has-lead' : ''}`}>
          <QueuePane />
          <LeadPane />
        </main>
      )}
      <StatusBar />
    </div>
  );
}
