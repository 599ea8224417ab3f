import { CallsideError } from '../../../shared/errors';
import type { FetchLike } from '../http/exchange';
import { createRestTransport, type RestTransport } from '../http/rest';

export interface CallhubTransportOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxRetryAfterMs?: number;
}

/**
 * CallHub on the shared REST transport. DRF's token scheme is `Token`, not `Bearer`
 * [providers.md 2.1]: a Bearer header is refused as "credentials not provided". Next links are
 * read through `getLink`, on the configured origin only, so the key never reaches another host.
 */
export function createCallhubTransport(options: CallhubTransportOptions): RestTransport {
  const { apiKey, baseUrl, ...policy } = options;
  if (apiKey.trim() === '') throw new CallsideError('auth', 'The CallHub API key is empty.');
  return createRestTransport({
    provider: 'CallHub',
    baseUrl,
    auth: { name: 'authorization', value: `Token ${apiKey}` },
    secrets: [apiKey, `Token ${apiKey}`],
    forbiddenHint: 'Check the API key: agent endpoints need the agent\u2019s own key.',
    ...policy,
  });
}
