import Conf from 'conf';
import { createSettingsStore, type SettingsStore } from './settings';

/** The Node hosts (CLI, browser host) keep settings with `conf`, electron-store's engine. */
export function createNodeSettingsStore(dataDir: string): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'callside',
    // A corrupt file is replaced by defaults rather than taking the app down.
    clearInvalidConfig: true,
  });
  return createSettingsStore(conf);
}
