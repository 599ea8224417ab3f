import { CallsideError } from '../../../shared/errors';
import { backoffDelay, cancelledError, sleep } from './abort';
import { interpretAnswer, retryAfterMs } from './answer';
import { exchange, type FetchLike, type HttpAnswer, type HttpMethod } from './exchange';
import { createRedactor, redactError, type Redact } from './redact';
import { createSemaphore } from './semaphore';
import type { NetworkPolicy } from '../port';
import { checkBaseUrl, endpointUrl, sameOriginLink, type QueryValue } from './url';

/**
 * One JSON-over-HTTPS transport for the REST providers (Callingly, Hipcall, CallHub): the key in
 * one header, reads retried with jittered backoff, 429s waited out as the server asks, writes
 * never replayed blind, every failure typed and scrubbed of the key. A provider folder gives
 * its name, its auth header and what rides on every request; it owns paths and decoding.
 */
export interface RestTransportOptions {
  /** As an agent reads it, for messages: "Callingly". */
  provider: string;
  baseUrl: string;
  /** The header that carries the key: `{ name: 'authorization', value: 'Bearer …' }`. */
  auth: { name: string; value: string };
  /** Every secret that could be echoed back (the key itself, the header value): scrubbed from messages. */
  secrets: readonly string[];
  /** Sent on every request's query string (an agency's `account_id`). */
  query?: Record<string, QueryValue>;
  /** Merged into every JSON body. */
  bodyFields?: Record<string, unknown>;
  /** Accept the object-literal JSON some docs print (unquoted keys, trailing commas). */
  lenientJson?: boolean;
  /** Appended to a 403's message: what to check. */
  forbiddenHint?: string;
  fetch?: FetchLike;
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

export interface RestRequestOptions {
  signal?: AbortSignal;
  /** Called just before the transport waits out a 429's Retry-After. */
  onWait?: (waitMs: number) => void;
  /** Every answer's headers, before its body is judged (rate-limit counters). */
  onHeaders?: (headers: { get(name: string): string | null }) => void;
  query?: Record<string, QueryValue>;
}

export interface RestTransport {
  /** GET: retried on network trouble, timeouts, 5xx and 429. Resolves with the decoded body. */
  get(path: string, options?: RestRequestOptions): Promise<unknown>;
  /** GET a paginator's next link, read on the configured origin whatever host it names. */
  getLink(link: string, options?: RestRequestOptions): Promise<unknown>;
  /**
   * A write with a JSON body: retried only after a 429 (the server refused it unread). Any other
   * failure may have landed and is thrown, saying so. Resolves with the body, or null if empty.
   */
  send(
    method: Exclude<HttpMethod, 'GET'>,
    path: string,
    body: Record<string, unknown> | undefined,
    options?: RestRequestOptions,
  ): Promise<unknown>;
  /** The base URL as checked (https, or http on loopback only). */
  readonly base: URL;
  redact: Redact;
}

export const DEFAULT_REST_POLICY = {
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

export function createRestTransport(options: RestTransportOptions): RestTransport {
  const { provider } = options;
  const base = checkBaseUrl(options.baseUrl, provider);
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = nonNegative(options.timeoutMs, DEFAULT_REST_POLICY.timeoutMs, 'timeoutMs') || 1;
  const attempts = 1 + Math.floor(nonNegative(options.retries, DEFAULT_REST_POLICY.retries, 'retries'));
  const backoff = {
    baseDelayMs: nonNegative(options.baseDelayMs, DEFAULT_REST_POLICY.baseDelayMs, 'baseDelayMs'),
    maxDelayMs: nonNegative(options.maxDelayMs, DEFAULT_REST_POLICY.maxDelayMs, 'maxDelayMs'),
    random: options.random ?? Math.random,
  };
  const maxRetryAfterMs = nonNegative(options.maxRetryAfterMs, DEFAULT_REST_POLICY.maxRetryAfterMs, 'maxRetryAfterMs');
  const slots = createSemaphore(options.maxConcurrent ?? DEFAULT_REST_POLICY.maxConcurrent);
  const secrets = [...options.secrets];
  const redact = createRedactor(() => secrets);
  const answerContext = { provider, ...(options.forbiddenHint ? { forbiddenHint: options.forbiddenHint } : {}) };

  const headers = (withBody: boolean): Record<string, string> => ({
    [options.auth.name]: options.auth.value,
    // Laravel and DRF answer errors as HTML pages without it.
    accept: 'application/json',
    ...(withBody ? { 'content-type': 'application/json' } : {}),
  });

  async function once(method: HttpMethod, url: string, body: string | undefined, signal?: AbortSignal) {
    const release = await slots.acquire(signal);
    try {
      return await exchange(
        { method, url, headers: headers(body !== undefined), ...(body === undefined ? {} : { body }) },
        { provider, fetch: fetchFn, timeoutMs, ...(signal ? { signal } : {}) },
      );
    } finally {
      release();
    }
  }

  async function run(
    method: HttpMethod,
    url: string,
    endpoint: string,
    body: Record<string, unknown> | undefined,
    request: RestRequestOptions,
  ): Promise<unknown> {
    const write = method !== 'GET';
    const payload = body === undefined ? undefined : JSON.stringify({ ...body, ...options.bodyFields });
    const { signal } = request;

    /** After a transient failure a read backs off and goes again; a write says it may have landed. */
    async function recover(error: unknown, attempt: number): Promise<void> {
      if (signal?.aborted) throw cancelledError(provider);
      const transient = error instanceof CallsideError && error.retryable && error.code !== 'cancelled';
      if (!transient) throw error;
      if (write) throw new CallsideError(error.code, `${error.message}${MAYBE_SAVED}`, { retryable: true });
      if (attempt >= attempts) throw error;
      await sleep(backoffDelay(attempt, backoff), signal, provider);
    }

    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) throw cancelledError(provider);
      let answer: HttpAnswer;
      try {
        answer = await once(method, url, payload, signal);
      } catch (error) {
        await recover(error, attempt);
        continue;
      }
      request.onHeaders?.(answer.headers);
      if (answer.status === 429) {
        // Refused unread, so a write may go again too, after the wait the server asks for.
        if (attempt >= attempts) {
          throw new CallsideError('remote', `${provider} is still limiting requests (HTTP 429 on ${endpoint}).`, {
            retryable: true,
          });
        }
        const waitMs = retryAfterMs(answer.retryAfter) ?? backoffDelay(attempt, backoff);
        if (waitMs > maxRetryAfterMs) {
          throw new CallsideError(
            'remote',
            `${provider} is limiting requests and asks to wait ${Math.ceil(waitMs / 1000)} s (HTTP 429 on ${endpoint}).`,
            { retryable: true },
          );
        }
        request.onWait?.(waitMs);
        await sleep(waitMs, signal, provider);
        continue;
      }
      try {
        return interpretAnswer(
          answer,
          endpoint,
          redact,
          { write, lenient: options.lenientJson ?? false },
          answerContext,
        );
      } catch (error) {
        await recover(error, attempt);
      }
    }
  }

  async function guarded(
    method: HttpMethod,
    url: string,
    body: Record<string, unknown> | undefined,
    request: RestRequestOptions = {},
  ): Promise<unknown> {
    // "GET /leads": method and path, never the query (it may hold a phone number).
    const endpoint = `${method} ${new URL(url).pathname.slice(base.pathname.replace(/\/+$/, '').length) || '/'}`;
    try {
      return await run(method, url, endpoint, body, request);
    } catch (error) {
      const clean = redactError(error, redact);
      // Shared helpers (the slot queue) speak generically when cancelled.
      throw clean.code === 'cancelled' ? cancelledError(provider) : clean;
    }
  }

  const urlFor = (path: string, request: RestRequestOptions = {}): string =>
    endpointUrl(base, path, { ...request.query, ...options.query });

  return {
    get: (path, request) => guarded('GET', urlFor(path, request), undefined, request),
    getLink: (link, request) => {
      const url = new URL(sameOriginLink(base, link));
      for (const [name, value] of Object.entries(options.query ?? {})) {
        if (value !== null && value !== undefined) url.searchParams.set(name, String(value));
      }
      return guarded('GET', url.href, undefined, request);
    },
    send: (method, path, body, request) =>
      guarded(method, urlFor(path, request), body ?? (options.bodyFields ? {} : undefined), request),
    base,
    redact,
  };
}

/** The port's network knobs (tries per read) as this transport counts them (extra tries). */
export function restPolicy(
  policy: NetworkPolicy | undefined,
): Pick<RestTransportOptions, 'timeoutMs' | 'retries' | 'baseDelayMs' | 'maxDelayMs'> {
  return {
    ...(policy?.timeoutMs === undefined ? {} : { timeoutMs: policy.timeoutMs }),
    ...(policy?.maxAttempts === undefined ? {} : { retries: Math.max(0, policy.maxAttempts - 1) }),
    ...(policy?.baseDelayMs === undefined ? {} : { baseDelayMs: policy.baseDelayMs }),
    ...(policy?.maxDelayMs === undefined ? {} : { maxDelayMs: policy.maxDelayMs }),
  };
}
