import { DateTime } from 'luxon';
import { DEFAULT_TIMEZONE, type AccountSummary } from '../../shared/domain';
import { CallsideError, toCallsideError } from '../../shared/errors';
import type { HotProspectorClient } from '../providers/hotprospector/client';
import { connectHotProspector } from '../providers/hotprospector/connect';
import { DEFAULT_V1_URL, DEFAULT_V2_BASE_URL, type HpNetworkPolicyOptions } from '../providers/hotprospector/transport';
import { DEFAULT_CALLINGLY_BASE_URL } from '../providers/callingly';
import { hotProspectorSession } from '../providers/hotprospector/provider';
import type { ProviderSession } from '../providers/port';
import { providerModule } from '../providers/registry';
import { createMemorySecretStore } from '../settings/memory-secret-store';
import type { SecretName, SecretStore } from '../settings/secret-store';
import type { SettingsStore } from '../settings/settings';

export interface ConnectionTest {
  ok: boolean;
  message: string;
  code: string | null;
}

export type AccountProvider = 'hotprospector' | 'callingly';

/** The fields an account form or `account add` gives; which ones a provider needs is checked here. */
export interface AccountInput {
  provider: AccountProvider;
  /** Hot Prospector: the API version and the user id (api_uId). */
  api?: 'v1' | 'v2' | undefined;
  uid?: string | undefined;
  baseUrl?: string | undefined;
  timezone?: string | undefined;
  /** Callingly agencies: the client's account_id. */
  accountId?: string | undefined;
}

/** Where each provider's key is kept. */
const KEY_SECRET: Record<AccountProvider, SecretName> = {
  hotprospector: 'hotprospector.apiKey',
  callingly: 'callingly.apiKey',
};

/**
 * The one place that knows an account's settings and its secret together. Nothing it returns
 * carries the key: callers get summaries and ready-made clients.
 */
export class AccountService {
  private client: HotProspectorClient | null = null;
  private session: ProviderSession | null = null;

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
    await this.connect(account, key, scratch).verify();

    // The old workspace stops (its sender and its cache) before the new key exists, so nothing
    // queued for the old account can go out with the new credentials.
    await options.beforeStore?.();
    const previous = this.summary();
    const sameAccount = previous?.uid === account.uid && previous.baseUrl === account.baseUrl;
    // Revoking the same account would also revoke the session just created for it.
    await this.remove({ revoke: !sameAccount });
    this.secrets.set(keySecret(account), key);
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
      const session = this.connect(account, key, createMemorySecretStore());
      await session.verify();
      await session.signOut();
      const who = account.provider === 'hotprospector' ? ` as user ${account.uid}` : '';
      return { ok: true, code: null, message: `Connected to ${new URL(account.baseUrl).host}${who}.` };
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
    this.session = null;
  }

  private storedKeyFor(account: AccountSummary): string | null {
    const stored = this.summary();
    return stored && isSameAccount(stored, account) ? this.secrets.get(keySecret(stored)) : null;
  }

  /** Signs out: revokes V2 tokens where possible and wipes every stored secret. */
  async remove(options: { revoke: boolean } = { revoke: true }): Promise<void> {
    const current = this.session ?? this.trySession();
    this.client = null;
    this.session = null;
    if (current && options.revoke) await current.signOut().catch(() => undefined);
    this.secrets.clear();
    this.settings.update({ account: null });
  }

  /** The configured account's session on the provider port; `not_configured` when there is none. */
  openSession(): ProviderSession {
    const account = this.summary();
    if (account?.provider === 'hotprospector') return hotProspectorSession(this.openClient());
    this.session ??= this.trySession();
    if (!this.session) throw this.missingKey();
    return this.session;
  }

  /** The Hot Prospector client for the configured account; `not_configured` when there is none. */
  openClient(): HotProspectorClient {
    const account = this.summary();
    if (account && account.provider !== 'hotprospector') {
      throw new CallsideError(
        'unsupported',
        `This is not available for a ${providerModule(account.provider).name} account.`,
      );
    }
    this.client ??= this.tryConnect();
    if (!this.client) throw this.missingKey();
    return this.client;
  }

  private missingKey(): CallsideError {
    // The desktop app and the CLI share the account's settings but each keeps its own key
    // (the desktop's is sealed by the OS keychain): one of them may know the account and not the key.
    const account = this.summary();
    const who = account?.provider === 'hotprospector' ? ` (user ${account.uid})` : '';
    return new CallsideError(
      'not_configured',
      account
        ? `The account${who} is set up, but this Callside has no API key for it: ` +
            'enter the key in Settings, or run "callside account add" again.'
        : 'No account is set up. Run "callside account add" first.',
    );
  }

  /** A session for an account on its provider's port; building it never touches the network. */
  private connect(account: AccountSummary, apiKey: string, secrets: SecretStore): ProviderSession {
    if (account.provider === 'hotprospector') {
      return hotProspectorSession(connectHotProspector({ account, apiKey, secrets, policy: this.policy }));
    }
    return providerModule(account.provider).connect({ account, apiKey, secrets });
  }

  private trySession(): ProviderSession | null {
    const account = this.summary();
    const apiKey = account ? this.secrets.get(keySecret(account)) : null;
    if (!account || !apiKey) return null;
    return this.connect(account, apiKey, this.secrets);
  }

  private tryConnect(): HotProspectorClient | null {
    const account = this.summary();
    const apiKey = this.secrets.get('hotprospector.apiKey');
    if (!account || !apiKey) return null;
    return connectHotProspector({ account, apiKey, secrets: this.secrets, policy: this.policy });
  }
}

export function normalizeAccount(input: AccountInput): AccountSummary {
  const timezone = input.timezone ?? defaultTimezone(input.provider);
  if (!DateTime.local().setZone(timezone).isValid) {
    throw new CallsideError('invalid_request', `"${timezone}" is not a time zone name such as America/Los_Angeles.`);
  }
  if (input.provider === 'callingly') {
    const baseUrl = checkedUrl(input.baseUrl ?? DEFAULT_CALLINGLY_BASE_URL);
    const accountId = input.accountId?.trim() || null;
    return { provider: 'callingly', api: null, uid: '', baseUrl, timezone, accountId };
  }
  const uid = (input.uid ?? '').trim();
  if (uid === '') throw new CallsideError('invalid_request', 'The user id (api_uId) is empty.');
  const api = input.api ?? 'v1';
  const baseUrl = checkedUrl(input.baseUrl ?? (api === 'v2' ? DEFAULT_V2_BASE_URL : DEFAULT_V1_URL));
  return { provider: 'hotprospector', api, uid, baseUrl, timezone };
}

/** Hot Prospector prints Los Angeles time; other providers' zone-less times default to this machine's zone. */
function defaultTimezone(provider: AccountProvider): string {
  if (provider === 'hotprospector') return DEFAULT_TIMEZONE;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function checkedUrl(baseUrl: string): string {
  try {
    new URL(baseUrl);
  } catch {
    throw new CallsideError('invalid_request', `"${baseUrl}" is not a URL.`);
  }
  return baseUrl;
}

function keySecret(account: Pick<AccountSummary, 'provider'>): SecretName {
  return KEY_SECRET[account.provider === 'callingly' ? 'callingly' : 'hotprospector'];
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
    (a.accountId ?? null) === (b.accountId ?? null) &&
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
