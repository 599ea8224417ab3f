import { CallsideError } from '../../../shared/errors';
import { cancelledError } from './abort';

/** One HTTP exchange, fully read: the REST providers answer with small JSON documents. */
export interface HttpAnswer {
  status: number;
  contentType: string;
  retryAfter: string | null;
  /** Response headers (rate-limit counters and the like). */
  headers: { get(name: string): string | null };
  text: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The slice of `fetch` the transports use, so tests and unusual hosts can inject their own. */
export type FetchLike = (
  url: string,
  init: { method: HttpMethod; headers: Record<string, string>; body?: string; signal: AbortSignal; redirect: 'manual' },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export interface HttpOptions {
  /** As an agent reads it, for messages: "Callingly". */
  provider: string;
  fetch: FetchLike;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Sends one request and reads the whole body under one deadline (headers then a stall is as stuck
 * as silence). Redirects are never followed: the Authorization header must not travel to
 * whatever a Location header names. Failures come out typed: the caller's abort 'cancelled', the
 * deadline 'timeout', anything on the socket 'network'.
 */
export async function exchange(request: HttpRequest, options: HttpOptions): Promise<HttpAnswer> {
  const { signal } = options;
  if (signal?.aborted) throw cancelledError(options.provider);

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });

  try {
    const response = await options.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: controller.signal,
      redirect: 'manual',
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      retryAfter: response.headers.get('retry-after'),
      headers: response.headers,
      text,
    };
  } catch (error) {
    if (signal?.aborted) throw cancelledError(options.provider);
    if (timedOut) {
      const seconds = Math.round(options.timeoutMs / 100) / 10;
      throw new CallsideError('timeout', `${options.provider} did not answer within ${seconds} s.`, {
        retryable: true,
      });
    }
    throw networkError(error, options.provider);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** A Node/undici error code (ECONNREFUSED, UND_ERR_SOCKET…) anywhere in the cause chain. */
export function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}

/** Only the code is kept, never the error itself: an injected fetch could put a header in it. */
export function networkError(error: unknown, provider: string): CallsideError {
  const code = errorCode(error);
  if (code === 'ECONNREFUSED') {
    return new CallsideError('network', `Could not connect to ${provider} (connection refused).`, { retryable: true });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new CallsideError('network', `Could not find the ${provider} server (name lookup failed).`, {
      retryable: true,
    });
  }
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code)) {
    return new CallsideError('network', `The secure connection to ${provider} could not be verified.`);
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code.startsWith('UND_ERR')) {
    return new CallsideError('network', `The connection to ${provider} dropped before it answered.`, {
      retryable: true,
    });
  }
  return new CallsideError('network', `Could not reach ${provider} (network error).`, { retryable: true });
}
