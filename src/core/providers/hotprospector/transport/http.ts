import { exchange, type FetchLike as AnyFetch } from '../../http/exchange';

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
 * POSTs JSON and reads the whole body under one deadline, redirects not followed (a 307 would
 * replay the body, with the API key, to wherever the Location header points). Failures come
 * out typed as the shared exchange types them: 'cancelled', 'timeout', 'network'.
 */
export async function postJson(url: string, body: unknown, options: PostOptions): Promise<HttpAnswer> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const answer = await exchange(
    { method: 'POST', url, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) },
    {
      provider: 'Hot Prospector',
      // Every request here is a POST, so the narrower injected fetch serves.
      fetch: options.fetch as AnyFetch,
      timeoutMs: options.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
  return { status: answer.status, contentType: answer.contentType, text: answer.text };
}
