import type { SecretName, SecretStore } from './secret-store';

/** Holds secrets for the life of the process only, e.g. while new credentials are verified. */
export function createMemorySecretStore(): SecretStore {
  const values = new Map<SecretName, string>();
  return {
    protection: 'file-0600',
    get: (name) => values.get(name) ?? null,
    set: (name, value) => void values.set(name, value),
    delete: (name) => void values.delete(name),
    clear: () => values.clear(),
  };
}
