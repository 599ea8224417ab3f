import { DateTime } from 'luxon';
import type { AccountSummary } from '../../shared/domain';
import { CallsideError, toCallsideError } from '../../shared/errors';
import type { AccountInput, NetworkPolicy, ProviderModule, ProviderSession } from '../providers/port';
import { providerModule } from '../providers/registry';
import { createMemorySecretStore } from '../settings/memory-secret-store';
import type { SecretStore } from '../settings/secret-store';
import type { SettingsStore } from '../settings/settings';

export type { AccountInput } from '../providers/port';

export interface ConnectionTest {
  ok: boolean;
  message: string;
  code: string | null;
}

/**
 * The one place that knows an account's settings and its secret together. Nothing it returns
 * carries the key: callers get summaries and ready-made sessions on the provider port. What
 * an account is (its fields, its key's name, its session tokens) each provider says itself.
 */
export class AccountService {
  private session: ProviderSession | null = null;

  constructor(
    private readonly settings: SettingsStore,
    private readonly secrets: SecretStore,
    private readonly policy: NetworkPolicy = {},
  ) {}

  summary(): AccountSummary | null {
    return this.settings.read().account;
  }

  /**
   * Verifies the credentials against the provider (for Hot Prospector V2 after the token
   * exchange) before storing anything, so a typo never replaces a working account.
   */
  async add(
    input: AccountInput,
    apiKey: string,
    options: { beforeStore?: () => Promise<void> } = {},
  ): Promise<AccountSummary> {
    const account = normalizeAccount(input);
    const provider = providerModule(account.provider);
    const key = apiKey.trim();
    if (key === '') throw new CallsideError('invalid_request', 'The API key is empty.');
    // Verified with a scratch store: the stored account stays untouched until this succeeds.
    const scratch = createMemorySecretStore();
    await this.connect(account, key, scratch).verify();

    // The old workspace stops (its sender and its cache) before the new key exists, so nothing
    // queued for the old account can go out with the new credentials.
    await options.beforeStore?.();
    const previous = this.summary();
    const sameAccount = previous !== null && isSameAccount(previous, account);
    // Revoking the same account would also revoke the session just created for it.
    await this.remove({ revoke: !sameAccount });
    this.secrets.set(provider.account.keySecret, key);
    // The session the check opened (V2 tokens) is kept, so the first sync needs no new exchange.
    for (const name of provider.account.sessionSecrets) {
      const value = scratch.get(name);
      if (value) this.secrets.set(name, value);
    }
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
    let provider: ProviderModule | null = null;
    try {
      const account = normalizeAccount(input);
      provider = providerModule(account.provider);
      const key = apiKey?.trim() || this.storedKeyFor(account);
      if (!key) return { ok: false, code: 'invalid_request', message: 'Enter the API key to test.' };
      const session = this.connect(account, key, createMemorySecretStore());
      await session.verify();
      await session.signOut();
      const who = provider.account.describe(account);
      return { ok: true, code: null, message: `Connected to ${new URL(account.baseUrl).host}${who}.` };
    } catch (error) {
      const failure = toCallsideError(error);
      return { ok: false, code: failure.code, message: explainConnectionFailure(failure, provider) };
    }
  }

  /** The account's zone for times without one; the session is rebuilt to read with it. */
  setTimezone(timezone: string): void {
    if (!DateTime.local().setZone(timezone).isValid) {
      throw new CallsideError('invalid_request', `"${timezone}" is not a time zone name such as America/Los_Angeles.`);
    }
    const account = this.summary();
    this.settings.update({ timezone, account: account ? { ...account, timezone } : null });
    this.session = null;
  }

  private storedKeyFor(account: AccountSummary): string | null {
    const stored = this.summary();
    if (!stored || !isSameAccount(stored, account)) return null;
    return this.secrets.get(providerModule(stored.provider).account.keySecret);
  }

  /** Signs out: ends the provider session where it has one (revokes V2 tokens) and wipes every stored secret. */
  async remove(options: { revoke: boolean } = { revoke: true }): Promise<void> {
    const current = this.session ?? this.trySession();
    this.session = null;
    if (current && options.revoke) await current.signOut().catch(() => undefined);
    this.secrets.clear();
    this.settings.update({ account: null });
  }

  /** The configured account's session on the provider port; `not_configured` when there is none. */
  openSession(): ProviderSession {
    this.session ??= this.trySession();
    if (!this.session) throw this.missingKey();
    return this.session;
  }

  private missingKey(): CallsideError {
    // The desktop app and the CLI share the account's settings but each keeps its own key
    // (the desktop's is sealed by the OS keychain): one of them may know the account and not the key.
    const account = this.summary();
    const provider = account ? providerModule(account.provider) : null;
    const who = account && provider ? `${provider.name} account${provider.account.describe(account)}` : '';
    return new CallsideError(
      'not_configured',
      account
        ? `The ${who} is set up, but this Callside has no API key for it: ` +
            'enter the key in Settings, or run "callside account add" again.'
        : 'No account is set up. Run "callside account add" first.',
    );
  }

  /** A session for an account on its provider's port; building it never touches the network. */
  private connect(account: AccountSummary, apiKey: string, secrets: SecretStore): ProviderSession {
    return providerModule(account.provider).connect({ account, apiKey, secrets, policy: this.policy });
  }

  private trySession(): ProviderSession | null {
    const account = this.summary();
    if (!account) return null;
    const apiKey = this.secrets.get(providerModule(account.provider).account.keySecret);
    if (!apiKey) return null;
    return this.connect(account, apiKey, this.secrets);
  }
}

/** The provider's own fields checked, the address and zone defaulted, both validated. */
export function normalizeAccount(input: AccountInput): AccountSummary {
  const provider = providerModule(input.provider);
  const shape = provider.account;
  const timezone =
    input.timezone ?? shape.defaultTimezone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  if (!DateTime.local().setZone(timezone).isValid) {
    throw new CallsideError('invalid_request', `"${timezone}" is not a time zone name such as America/Los_Angeles.`);
  }
  const baseUrl = checkedUrl(input.baseUrl ?? shape.defaultBaseUrl(input));
  return shape.normalize(input, { baseUrl, timezone });
}

function checkedUrl(baseUrl: string): string {
  try {
    new URL(baseUrl);
  } catch {
    throw new CallsideError('invalid_request', `"${baseUrl}" is not a URL.`);
  }
  return baseUrl;
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
function explainConnectionFailure(error: CallsideError, provider: ProviderModule | null): string {
  const name = provider?.name ?? 'the provider';
  switch (error.code) {
    case 'auth':
      return provider?.account.fields.some((field) => field.name === 'uid' && field.required)
        ? 'The user id or API key was refused. Copy both again from the Custom API settings page.'
        : `The API key was refused. Copy it again from ${name}'s settings.`;
    case 'network':
      return 'Could not reach the server. Check the API address and your internet connection.';
    case 'timeout':
      return 'The server did not answer in time. Try again in a moment.';
    case 'malformed':
    case 'remote':
      return `The server answered, but not like ${name} (${error.message}). Check the API address.`;
    case 'invalid_request':
      return error.message;
    default:
      return `The connection test failed: ${error.message}`;
  }
}
