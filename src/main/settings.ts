import Store from 'electron-store';
import { createSettingsStore, type SettingsStore } from './core/settings/settings';

/** The desktop host keeps settings with electron-store, in Electron's userData folder. */
export function createElectronSettingsStore(dataDir: string): SettingsStore {
  const store = new Store<Record<string, unknown>>({ cwd: dataDir, name: 'settings', clearInvalidConfig: true });
  return createSettingsStore(store);
}
