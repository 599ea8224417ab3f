import { DateTime } from 'luxon';
import { DEFAULT_TIMEZONE, type AccountSummary } from '../../shared/domain';
import { CallsideError, toCallsideError } from '../../shared/errors';
import type { HotProspectorClient } from '../providers/hotprospector/client';
import { connectHotProspector } from '../providers/hotprospector/connect';
import { DEFAULT_V1_URL, DEFAULT_V2_BASE_URL, type HpNetworkPolicyOptions } from '../providers/hotprospector/transport';
import { createMemorySecretStore } from '../settings/memory-secret-store';
import type { SecretStore } from '../settings/secret-store';
import type { SettingsStore } from '../settings/settings';

export interface ConnectionTest {
  ok: boolean;
  message: string;
  code: string | null;
}

export interface AccountInput {
  provider: 'hotprospector';
  api: 'v1' | 'v2';
  uid: string;
  baseUrl?: string | undefined;
  timezone?: string | undefined;
}

/**
 * The one place that knows an account's settings and its secret together. Nothing it returns
 * carries the key: callers get summaries and ready-made clients.
 */
export class AccountService {
  private client: HotProspectorClient | null = null;

  constructor(
    private readonly settings: SettingsStore,
    private readonly secrets: SecretStore,
    private readonly policy: HpNetworkPolicyOptions = {},
  ) {}

  summary(): AccountSummary | null {
    return this.settings.read().account;
  }

  /**
   * Verifies the credentials against the provider (LoginUser; for V2 after the token
   * exchange) before storing anything, so a typo never replaces a working account.
   */
  async add(
    input: AccountInput,
    apiKey: string,
    options: { beforeStore?: () => Promise<void> } = {},
  ): Promise<AccountSummary> {
    const account = normalizeAccount(input);
    const key = apiKey.trim();
    if (key === '') throw new CallsideError('invalid_request', 'The API key is empty.');
    // Verified with a scratch store: the stored account stays untouched until this succeeds.
    const scratch = createMemorySecretStore();
    await connectHotProspector({ account, apiKey: key, secrets: scratch, policy: this.policy }).login();

    // The old workspace stops (its sender and its cache) before the new key exists, so nothing
    // queued for the old account can go out with the new credentials.
    await options.beforeStore?.();
    const previous = this.summary();
    const sameAccount = previous?.uid === account.uid && previous.baseUrl === account.baseUrl;
    // Revoking the same account would also revoke the session just created for it.
    await this.remove({ revoke: !sameAccount });
    this.secrets.set('hotprospector.apiKey', key);
    const tokens = scratch.get('hotprospector.v2Tokens');
    if (tokens) this.secrets.set('hotprospector.v2Tokens', tokens);
    this.settings.update({ account, timezone: account.timezone });
    return account;
  }

  /**
   * "Test connection": the same check as add(), nothing stored. A blank key means the stored
   * one, so an agent can re-test a saved account without typing the key again; but only that
   * account: for any other provider, API version, user or address the key must be typed, so
   * the stored key can never be sent to a host the agent merely typed into the form.
   */
  async test(input: AccountInput, apiKey?: string): Promise<ConnectionTest> {
    try {
      const account = normalizeAccount(input);
      const key = apiKey?.trim() || this.storedKeyFor(account);
      if (!key) return { ok: false, code: 'invalid_request', message: 'Enter the API key to test.' };
      const scratch = createMemorySecretStore();
      const client = connectHotProspector({ account, apiKey: key, secrets: scratch, policy: this.policy });
      await client.login();
      await client.signOut().catch(() => undefined);
      return { ok: true, code: null, message: `Connected to ${new URL(account.baseUrl).host} as user ${account.uid}.` };
    } catch (error) {
      const failure = toCallsideError(error);
      return { ok: false, code: failure.code, message: explainConnectionFailure(failure) };
    }
  }

  /** The account's zone for times without one; the client is rebuilt to read with it. */
  setTimezone(timezone: string): void {
    if (!DateTime.local().setZone(timezone).isValid) {
      throw new CallsideError('invalid_request', `"${timezone}" is not a time zone name such as America/Los_Angeles.`);
    }
    const account = this.summary();
    this.settings.update({ timezone, account: account ? { ...account, timezone } : null });
    this.client = null;
  }

  private storedKeyFor(account: AccountSummary): string | null {
    const stored = this.summary();
    return stored && isSameAccount(stored, account) ? this.secrets.get('hotprospector.apiKey') : null;
  }

  /** Signs out: revokes V2 tokens where possible and wipes every stored secret. */
  async remove(options: { revoke: boolean } = { revoke: true }): Promise<void> {
    const current = this.client ?? this.tryConnect();
    this.client = null;
    if (current && options.revoke) await current.signOut().catch(() => undefined);
    this.secrets.clear();
    this.settings.update({ account: null });
  }

  /** The client for the configured account; `not_configured` when there is none. */
  openClient(): HotProspectorClient {
    this.client ??= this.tryConnect();
    if (!this.client) {
      // The desktop app and the CLI share the account's settings but each keeps its own key
      // (the desktop's is sealed by the OS keychain): one of them may know the account and not the key.
      const account = this.summary();
      throw new CallsideError(
        'not_configured',
        account
          ? `The account (user ${account.uid}) is set up, but this Callside has no API key for it: ` +
              'enter the key in Settings, or run "callside account add" again.'
          : 'No account is set up. Run "callside account add" first.',
      );
    }
    return this.client;
  }

  private tryConnect(): HotProspectorClient | null {
    const account = this.summary();
    const apiKey = this.secrets.get('hotprospector.apiKey');
    if (!account || !apiKey) return null;
    return connectHotProspector({ account, apiKey, secrets: this.secrets, policy: this.policy });
  }
}

export function normalizeAccount(input: AccountInput): AccountSummary {
  const uid = input.uid.trim();
  if (uid === '') throw new CallsideError('invalid_request', 'The user id (api_uId) is empty.');
  const timezone = input.timezone ?? DEFAULT_TIMEZONE;
  if (!DateTime.local().setZone(timezone).isValid) {
    throw new CallsideError('invalid_request', `"${timezone}" is not a time zone name such as America/Los_Angeles.`);
  }
  const baseUrl = input.baseUrl ?? (input.api === 'v2' ? DEFAULT_V2_BASE_URL : DEFAULT_V1_URL);
  try {
    new URL(baseUrl);
  } catch {
    throw new CallsideError('invalid_request', `"${baseUrl}" is not a URL.`);
  }
  return { provider: input.provider, api: input.api, uid, baseUrl, timezone };
}

/**
 * Whether two accounts are the same one: provider, API version, user id and base URL, the URL
 * compared in its canonical form (scheme and host case, default port), nothing looser.
 */
export function isSameAccount(a: AccountSummary, b: AccountSummary): boolean {
  return (
    a.provider === b.provider &&
    a.api === b.api &&
    a.uid.trim() === b.uid.trim() &&
    canonicalUrl(a.baseUrl) !== null &&
    canonicalUrl(a.baseUrl) === canonicalUrl(b.baseUrl)
  );
}

function canonicalUrl(raw: string): string | null {
  try {
    return new URL(raw).href;
  } catch {
    return null;
  }
}

/** One sentence per failure kind, saying what to check: the agent cannot act on an error code. */
function explainConnectionFailure(error: CallsideError): string {
  switch (error.code) {
    case 'auth':
      return 'The user id or API key was refused. Copy both again from the Custom API settings page.';
    case 'network':
      return 'Could not reach the server. Check the API address and your internet connection.';
    case 'timeout':
      return 'The server did not answer in time. Try again in a moment.';
    case 'malformed':
    case 'remote':
      return `The server answered, but not like Hot Prospector (${error.message}). Check the API address.`;
    case 'invalid_request':
      return error.message;
    default:
      return `The connection test failed: ${error.message}`;
  }
}
