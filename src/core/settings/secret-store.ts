/**
 * Secrets (API keys, access and refresh tokens) live only behind this interface, only in the
 * process that talks to the provider. Electron encrypts them with safeStorage; the Node hosts
 * keep them in a file only the user can read (mode 0600).
 */
export const SECRET_NAMES = [
  'hotprospector.apiKey',
  'hotprospector.v2Tokens',
  'callingly.apiKey',
  'hipcall.apiKey',
  'callhub.apiKey',
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export type SecretProtection =
  /** Encrypted with a key held by the OS keychain / DPAPI / libsecret. */
  | 'os-encrypted'
  /** Electron on Linux without a keyring: safeStorage falls back to a hard-coded key. */
  | 'basic-text'
  /** A plain file readable only by this user (CLI and browser host). */
  | 'file-0600';

export interface SecretStore {
  readonly protection: SecretProtection;
  get(name: SecretName): string | null;
  set(name: SecretName, value: string): void;
  delete(name: SecretName): void;
  clear(): void;
}
