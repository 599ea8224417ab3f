import { Alert } from '../../components/Alert';
import { useAppStore } from '../../state/app-store';
import { useSettingsStore } from '../../state/settings-store';
import { useUiStore } from '../../state/ui-store';
import { HostInfo } from '../../views/HostInfo';
import { AccountSection } from './AccountSection';
import { PreferencesSection } from './PreferencesSection';

export function SettingsView() {
  const info = useAppStore((state) => state.info);
  const loadError = useSettingsStore((state) => state.loadError);
  const show = useUiStore((state) => state.show);
  return (
    <div className="settings-view">
      <div className="settings-head">
        <h2>Settings</h2>
        <button type="button" onClick={() => show('leads')}>
          Back to leads
        </button>
      </div>
      <Alert message={loadError} />
      <AccountSection />
      <PreferencesSection />
      {info.state === 'ready' && <HostInfo info={info.value} />}
    </div>
  );
}
