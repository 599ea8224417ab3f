import { CallsideError } from '../../../../shared/errors';
import { createRedactor, redactError, type Redact } from '../../hotprospector/transport/redact';
import { backoffDelay } from '../../hotprospector/transport/retry';
import { createSemaphore } from '../../hotprospector/transport/semaphore';
import { cancelledError, sleep } from './abort';
import { interpretAnswer, retryAfterMs } from './answer';
import { exchange, type HttpAnswer } from './http';
import { checkBaseUrl, endpointUrl, type QueryValue } from './url';

export interface CallinglyTransportOptions {
  baseUrl: string;
  apiKey: string;
  /** An agency's client account: sent as `account_id` on every request. */
  accountId: string | null;
  fetch?: typeof fetch;
  /** Deadline for one attempt, body included. Default 20 s. */
  timeoutMs?: number;
  /** Extra tries for a read after a transient failure or a 429. Default 2. */
  retries?: number;
  /** First backoff ceiling; doubles per retry ("full jitter" below it). Default 300 ms. */
  baseDelayMs?: number;
  /** Backoff ceiling. Default 5 s. */
  maxDelayMs?: number;
  /** A 429 asking for a longer wait than this fails at once (retryable) instead. Default 60 s. */
  maxRetryAfterMs?: number;
  /** In-flight requests per account. Default 4. */
  maxConcurrent?: number;
  random?: () => number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Called just before the transport waits out a 429's Retry-After. */
  onWait?: (waitMs: number) => void;
  query?: Record<string, QueryValue>;
}

export interface CallinglyTransport {
  /** GET: retried on network trouble, timeouts, 5xx and 429. Resolves with the decoded body. */
  get(path: string, options?: RequestOptions): Promise<unknown>;
  /**
   * PUT with a JSON body: retried only after a 429 (the server refused it unread). Any other
   * failure may have landed and is thrown, saying so. Resolves with the body, or null if empty.
   */
  put(path: string, body: Record<string, unknown>, options?: RequestOptions): Promise<unknown>;
  redact: Redact;
}

export const DEFAULT_CALLINGLY_POLICY = {
  timeoutMs: 20_000,
  retries: 2,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 60_000,
  maxConcurrent: 4,
} as const;

const MAYBE_SAVED = ' The change may or may not have been saved.';

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a number of at least 0.`);
  return value;
}

/** Numeric ids go as numbers, the way the doc writes `"account_id": 1`. */
function accountIdValue(accountId: string): string | number {
  return /^\d{1,15}$/.test(accountId) ? Number(accountId) : accountId;
}

export function createCallinglyTransport(options: CallinglyTransportOptions): CallinglyTransport {
  const base = checkBaseUrl(options.baseUrl);
  const { apiKey } = options;
  if (apiKey.trim() === '') throw new CallsideError('auth', 'The Callingly API key is empty.');
  const accountId = options.accountId?.trim() ? options.accountId.trim() : null;
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = nonNegative(options.timeoutMs, DEFAULT_CALLINGLY_POLICY.timeoutMs, 'timeoutMs') || 1;
  const attempts = 1 + Math.floor(nonNegative(options.retries, DEFAULT_CALLINGLY_POLICY.retries, 'retries'));
  const backoff = {
    baseDelayMs: nonNegative(options.baseDelayMs, DEFAULT_CALLINGLY_POLICY.baseDelayMs, 'baseDelayMs'),
    maxDelayMs: nonNegative(options.maxDelayMs, DEFAULT_CALLINGLY_POLICY.maxDelayMs, 'maxDelayMs'),
    random: options.random ?? Math.random,
  };
  const maxRetryAfterMs = nonNegative(
    options.maxRetryAfterMs,
    DEFAULT_CALLINGLY_POLICY.maxRetryAfterMs,
    'maxRetryAfterMs',
  );
  const slots = createSemaphore(options.maxConcurrent ?? DEFAULT_CALLINGLY_POLICY.maxConcurrent);
  const redact = createRedactor(() => [apiKey, `Bearer ${apiKey}`]);

  const headers = (withBody: boolean): Record<string, string> => ({
    authorization: `Bearer ${apiKey}`,
    accept: 'application/json',
    ...(withBody ? { 'content-type': 'application/json' } : {}),
  });

  async function once(
    method: 'GET' | 'PUT',
    url: string,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<HttpAnswer> {
    const release = await slots.acquire(signal);
    try {
      return await exchange(
        { method, url, headers: headers(body !== undefined), ...(body === undefined ? {} : { body }) },
        { fetch: fetchFn, timeoutMs, ...(signal ? { signal } : {}) },
      );
    } finally {
      release();
    }
  }

  async function run(
    method: 'GET' | 'PUT',
    path: string,
    body: Record<string, unknown> | undefined,
    options: RequestOptions,
  ): Promise<unknown> {
    const write = method === 'PUT';
    const endpoint = `${method} /${path.replace(/^\/+/, '')}`;
    const url = endpointUrl(base, path, { ...options.query, account_id: accountId });
    const payload =
      body === undefined
        ? undefined
        : JSON.stringify(accountId === null ? body : { ...body, account_id: accountIdValue(accountId) });
    const { signal } = options;

    /** After a transient failure a read backs off and goes again; a write says it may have landed. */
    async function recover(error: unknown, attempt: number): Promise<void> {
      if (signal?.aborted) throw cancelledError();
      const transient = error instanceof CallsideError && error.retryable && error.code !== 'cancelled';
      if (!transient) throw error;
      if (write) throw new CallsideError(error.code, `${error.message}${MAYBE_SAVED}`, { retryable: true });
      if (attempt >= attempts) throw error;
      await sleep(backoffDelay(attempt, backoff), signal);
    }

    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) throw cancelledError();
      let answer: HttpAnswer;
      try {
        answer = await once(method, url, payload, signal);
      } catch (error) {
        await recover(error, attempt);
        continue;
      }
      if (answer.status === 429) {
        // Refused unread, so a write may go again too, after the wait the server asks for.
        if (attempt >= attempts) {
          throw new CallsideError('remote', `Callingly is still limiting requests (HTTP 429 on ${endpoint}).`, {
            retryable: true,
          });
        }
        const waitMs = retryAfterMs(answer.retryAfter) ?? backoffDelay(attempt, backoff);
        if (waitMs > maxRetryAfterMs) {
          throw new CallsideError(
            'remote',
            `Callingly is limiting requests and asks to wait ${Math.ceil(waitMs / 1000)} s (HTTP 429 on ${endpoint}).`,
            { retryable: true },
          );
        }
        options.onWait?.(waitMs);
        await sleep(waitMs, signal);
        continue;
      }
      try {
        return interpretAnswer(answer, endpoint, redact, { write });
      } catch (error) {
        await recover(error, attempt);
      }
    }
  }

  async function guarded(
    method: 'GET' | 'PUT',
    path: string,
    body: Record<string, unknown> | undefined,
    options: RequestOptions = {},
  ): Promise<unknown> {
    try {
      return await run(method, path, body, options);
    } catch (error) {
      const clean = redactError(error, redact);
      // Shared helpers (the slot queue) speak of their own provider when cancelled.
      throw clean.code === 'cancelled' ? cancelledError() : clean;
    }
  }

  return {
    get: (path, options) => guarded('GET', path, undefined, options),
    put: (path, body, options) => guarded('PUT', path, body, options),
    redact,
  };
}
