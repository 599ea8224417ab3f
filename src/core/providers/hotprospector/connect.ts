import type { AccountSummary } from '../../../shared/domain';
import type { SecretStore } from '../../settings/secret-store';
import { HotProspectorClient } from './client';
import { createV1Transport, createV2Transport, hpV2TokensSchema, type HpNetworkPolicyOptions } from './transport';

export interface ConnectOptions {
  account: AccountSummary;
  apiKey: string;
  secrets: SecretStore;
  policy?: HpNetworkPolicyOptions;
  provider?: 'hotprospector' | 'demo';
}

/**
 * Builds the client for an account. V2 sessions are restored from, and saved to, the secret
 * store, so a restart reuses a valid access token instead of exchanging credentials again.
 */
export function connectHotProspector(options: ConnectOptions): HotProspectorClient {
  const { account, apiKey, secrets } = options;
  const transport =
    account.api === 'v2'
      ? createV2Transport({
          ...options.policy,
          baseUrl: account.baseUrl,
          uid: account.uid,
          apiKey,
          tokens: restoreTokens(secrets),
          onTokens: (tokens) => {
            if (tokens) secrets.set('hotprospector.v2Tokens', JSON.stringify(tokens));
            else secrets.delete('hotprospector.v2Tokens');
          },
        })
      : createV1Transport({ ...options.policy, baseUrl: account.baseUrl, uid: account.uid, apiKey });
  return new HotProspectorClient(transport, {
    timezone: account.timezone,
    ...(options.provider ? { provider: options.provider } : {}),
  });
}

function restoreTokens(secrets: SecretStore) {
  const stored = secrets.get('hotprospector.v2Tokens');
  if (!stored) return null;
  try {
    const parsed = hpV2TokensSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
