import { CallsideError } from '../../../../shared/errors';
import { cancelledError } from './abort';

/** The slice of `fetch` the transport uses, so unusual hosts can inject their own. */
export type FetchLike = (
  url: string,
  init: {
    method: 'POST';
    headers: Record<string, string>;
    body?: string;
    signal: AbortSignal;
    redirect: 'manual';
  },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

/** One HTTP exchange, fully read. Bodies are small envelopes, so reading them whole is fine. */
export interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
}

export interface PostOptions {
  fetch: FetchLike;
  timeoutMs: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * POSTs JSON and reads the whole body under one deadline (a server that sends headers and then
 * stalls is as stuck as one that never answers). Failures come out typed: the caller's abort
 * is 'cancelled', the deadline 'timeout', anything on the socket 'network'.
 */
export async function postJson(url: string, body: unknown, options: PostOptions): Promise<HttpAnswer> {
  const { signal } = options;
  if (signal?.aborted) throw cancelledError();

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });

  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';

  try {
    // Redirects are not followed: a 307 would replay the body (with the API key) to wherever
    // the Location header points.
    const response = await options.fetch(url, {
      method: 'POST',
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: controller.signal,
      redirect: 'manual',
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
  } catch (error) {
    if (signal?.aborted) throw cancelledError();
    if (timedOut) {
      const seconds = Math.round(options.timeoutMs / 100) / 10;
      throw new CallsideError('timeout', `Hot Prospector did not answer within ${seconds} s.`, { retryable: true });
    }
    throw networkError(error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Finds a Node/undici error code (ECONNREFUSED, UND_ERR_SOCKET…) anywhere in the cause chain. */
function errorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * Only the error code is kept: the underlying error is not attached as `cause`, because an
 * injected fetch could put anything (a request body, a header) into its errors.
 */
function networkError(error: unknown): CallsideError {
  const code = errorCode(error) ?? '';
  if (code === 'ECONNREFUSED') {
    return new CallsideError('network', 'Could not connect to Hot Prospector (connection refused).', {
      retryable: true,
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new CallsideError('network', 'Could not find the Hot Prospector server (name lookup failed).', {
      retryable: true,
    });
  }
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code)) {
    // Retrying will not fix a certificate, and the person needs to know it is not an outage.
    return new CallsideError('network', 'The secure connection to Hot Prospector could not be verified.');
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code.startsWith('UND_ERR')) {
    return new CallsideError('network', 'The connection to Hot Prospector dropped before it answered.', {
      retryable: true,
    });
  }
  return new CallsideError('network', 'Could not reach Hot Prospector (network error).', { retryable: true });
}
