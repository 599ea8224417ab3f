import { safeStorage } from 'electron';
import Store from 'electron-store';
import { chmodSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CallsideError } from '../shared/errors';
import type { SecretName, SecretProtection, SecretStore } from '../core/settings/secret-store';

const FORMAT_VERSION = 1;
const OWNER_ONLY = 0o600;

/**
 * The desktop app's own secrets file. The Node hosts keep theirs under another name in the same
 * folder: neither host can read the other's (safeStorage ciphertext is Electron's alone), so
 * sharing one name made each read the other's file as an unknown format.
 */
export const DESKTOP_SECRETS_FILE = 'secrets-desktop.json';
/** The name both hosts used before; a desktop-format file there is moved to ours once. */
const LEGACY_SECRETS_FILE = 'secrets.json';

interface SecretFile {
  version: number;
  /** base64 of safeStorage ciphertext, per secret name. */
  ciphertext: Partial<Record<SecretName, string>>;
}

/**
 * The desktop secret store: values encrypted with safeStorage (OS keychain, DPAPI, libsecret)
 * and kept as versioned ciphertext in electron-store, in a file only the user can read or write
 * (0600, every write: electron-store writes a temp file with that mode and renames it). On Linux
 * without a keyring safeStorage's key is a constant, so the mode is what protects the key there.
 * Plaintext exists only in memory here.
 */
export function createElectronSecretStore(dataDir: string): SecretStore {
  adoptLegacyFile(dataDir);
  tighten(join(dataDir, DESKTOP_SECRETS_FILE));
  const store = new Store<SecretFile>({
    cwd: dataDir,
    name: DESKTOP_SECRETS_FILE.replace(/\.json$/, ''),
    defaults: { version: FORMAT_VERSION, ciphertext: {} },
    clearInvalidConfig: true,
    configFileMode: OWNER_ONLY,
  });
  const ciphertext = (): Partial<Record<SecretName, string>> =>
    store.get('version') === FORMAT_VERSION ? { ...store.get('ciphertext') } : {};
  const save = (values: Partial<Record<SecretName, string>>) => {
    store.set({ version: FORMAT_VERSION, ciphertext: values });
    // electron-store's non-atomic fallbacks (Snap, EXDEV) keep an existing file's mode.
    tighten(store.path);
  };

  return {
    get protection(): SecretProtection {
      return process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'
        ? 'basic-text'
        : 'os-encrypted';
    },
    get(name) {
      const sealed = ciphertext()[name];
      if (!sealed) return null;
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        // A keychain change makes old ciphertext unreadable: treat as signed out, not as a crash.
        return null;
      }
    },
    set(name, value) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new CallsideError('storage', 'This system offers no secure storage for the API key.');
      }
      save({ ...ciphertext(), [name]: safeStorage.encryptString(value).toString('base64') });
    },
    delete(name) {
      const values = ciphertext();
      delete values[name];
      save(values);
    },
    clear() {
      save({});
    },
  };
}

/** Owner-only, whatever mode an older version (0644) or a hand edit left. */
function tighten(path: string): void {
  if (process.platform === 'win32' || !existsSync(path)) return;
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, OWNER_ONLY);
}

/**
 * Keeps an existing desktop user signed in: a `secrets.json` holding safeStorage ciphertext is
 * renamed to the desktop file. A file of any other shape (the Node hosts' plain secrets, a
 * damaged file) is not ours and is left exactly as it is.
 */
function adoptLegacyFile(dataDir: string): void {
  const target = join(dataDir, DESKTOP_SECRETS_FILE);
  const legacy = join(dataDir, LEGACY_SECRETS_FILE);
  if (existsSync(target) || !existsSync(legacy)) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(legacy, 'utf8'));
  } catch {
    return;
  }
  if (!isDesktopFormat(parsed)) return;
  tighten(legacy);
  try {
    renameSync(legacy, target);
  } catch {
    // Gone meanwhile (another start moved it): nothing to adopt.
  }
}

function isDesktopFormat(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return (
    typeof file.version === 'number' &&
    typeof file.ciphertext === 'object' &&
    file.ciphertext !== null &&
    !('secrets' in file)
  );
}
