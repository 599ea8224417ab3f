import Store from 'electron-store';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createSettingsStore, type SettingsStore } from '../core/settings/settings';

const OWNER_ONLY = 0o600;

/**
 * The desktop host keeps settings with electron-store, in the shared data folder. Not secret,
 * but the account's user id and address are nobody else's business: owner-only like the
 * secrets file, on every write (electron-store writes a temp file with this mode and renames
 * it), and a looser file an older version left is tightened on start.
 */
export function createElectronSettingsStore(dataDir: string): SettingsStore {
  const path = join(dataDir, 'settings.json');
  if (process.platform !== 'win32' && existsSync(path) && (statSync(path).mode & 0o077) !== 0) {
    chmodSync(path, OWNER_ONLY);
  }
  const store = new Store<Record<string, unknown>>({
    cwd: dataDir,
    name: 'settings',
    clearInvalidConfig: true,
    configFileMode: OWNER_ONLY,
  });
  return createSettingsStore(store);
}
