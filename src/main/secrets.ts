import { safeStorage } from 'electron';
import Store from 'electron-store';
import { CallsideError } from '../shared/errors';
import type { SecretName, SecretProtection, SecretStore } from './core/settings/secret-store';

const FORMAT_VERSION = 1;

interface SecretFile {
  version: number;
  /** base64 of safeStorage ciphertext, per secret name. */
  ciphertext: Partial<Record<SecretName, string>>;
}

/**
 * The desktop secret store: values encrypted with safeStorage (OS keychain, DPAPI, libsecret)
 * and kept as versioned ciphertext in electron-store. Plaintext exists only in memory here.
 */
export function createElectronSecretStore(dataDir: string): SecretStore {
  const store = new Store<SecretFile>({
    cwd: dataDir,
    name: 'secrets',
    defaults: { version: FORMAT_VERSION, ciphertext: {} },
    clearInvalidConfig: true,
  });
  const ciphertext = (): Partial<Record<SecretName, string>> =>
    store.get('version') === FORMAT_VERSION ? { ...store.get('ciphertext') } : {};
  const save = (values: Partial<Record<SecretName, string>>) =>
    store.set({ version: FORMAT_VERSION, ciphertext: values });

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
