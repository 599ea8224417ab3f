import { CallsideError } from '../../../../shared/errors';
import {
  createRestTransport,
  type RestRequestOptions,
  type RestTransport,
  type RestTransportOptions,
} from '../../http/rest';

export type RequestOptions = RestRequestOptions;

/** The account and, for tests, the shared transport's network knobs (defaults suit a desktop agent). */
export type CallinglyTransportOptions = {
  baseUrl: string;
  apiKey: string;
  /** An agency's client account: sent as `account_id` on every request. */
  accountId: string | null;
} & Pick<
  RestTransportOptions,
  'fetch' | 'timeoutMs' | 'retries' | 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs' | 'maxConcurrent' | 'random'
>;

export interface CallinglyTransport {
  get(path: string, options?: RequestOptions): Promise<unknown>;
  /** PUT with a JSON body (do-not-disturb): retried only after a 429. */
  put(path: string, body: Record<string, unknown>, options?: RequestOptions): Promise<unknown>;
  redact: RestTransport['redact'];
}

/** Numeric ids go as numbers, the way the doc writes `"account_id": 1`. */
function accountIdValue(accountId: string): string | number {
  return /^\d{1,15}$/.test(accountId) ? Number(accountId) : accountId;
}

/**
 * Callingly on the shared REST transport: `Authorization: Bearer`, the agency's `account_id` on
 * every query and body, and the doc's object-literal JSON read leniently.
 */
export function createCallinglyTransport(options: CallinglyTransportOptions): CallinglyTransport {
  const { apiKey, baseUrl, accountId: rawAccountId, ...policy } = options;
  if (apiKey.trim() === '') throw new CallsideError('auth', 'The Callingly API key is empty.');
  const accountId = rawAccountId?.trim() ? rawAccountId.trim() : null;
  const rest = createRestTransport({
    provider: 'Callingly',
    baseUrl,
    auth: { name: 'authorization', value: `Bearer ${apiKey}` },
    secrets: [apiKey, `Bearer ${apiKey}`],
    lenientJson: true,
    forbiddenHint: 'Check the API key and the client account id.',
    ...(accountId === null
      ? {}
      : { query: { account_id: accountId }, bodyFields: { account_id: accountIdValue(accountId) } }),
    ...policy,
  });
  return {
    get: (path, request) => rest.get(path, request),
    put: (path, body, request) => rest.send('PUT', path, body, request),
    redact: rest.redact,
  };
}
