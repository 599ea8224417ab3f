import { DateTime } from 'luxon';
import { DEFAULT_TIMEZONE, type AccountSummary } from '../../../shared/domain';
import { CallsideError } from '../../../shared/errors';
import type { HotProspectorClient } from '../providers/hotprospector/client';
import { connectHotProspector } from '../providers/hotprospector/connect';
import { DEFAULT_V1_URL, DEFAULT_V2_BASE_URL, type HpNetworkPolicyOptions } from '../providers/hotprospector/transport';
import { createMemorySecretStore } from '../settings/memory-secret-store';
import type { SecretStore } from '../settings/secret-store';
import type { SettingsStore } from '../settings/settings';

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
  async add(input: AccountInput, apiKey: string): Promise<AccountSummary> {
    const account = normalizeAccount(input);
    const key = apiKey.trim();
    if (key === '') throw new CallsideError('invalid_request', 'The API key is empty.');
    // Verified with a scratch store: the stored account stays untouched until this succeeds.
    const scratch = createMemorySecretStore();
    await connectHotProspector({ account, apiKey: key, secrets: scratch, policy: this.policy }).login();

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
      throw new CallsideError('not_configured', 'No account is set up. Run "callside account add" first.');
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
