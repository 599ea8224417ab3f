import { CallsideError } from '../../../shared/errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Checked once, when the client is built: the API key rides on every request, so it never goes
 * over plain http to another machine (loopback stays allowed for the simulator).
 */
export function checkBaseUrl(raw: string, provider: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CallsideError('invalid_request', `The ${provider} API address is not a valid URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CallsideError('invalid_request', `The ${provider} API address must start with https://.`);
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    throw new CallsideError(
      'invalid_request',
      `The ${provider} API address must use https:// (plain http would expose the API key).`,
    );
  }
  if (url.username || url.password) {
    throw new CallsideError('invalid_request', `The ${provider} API address must not contain a user name or password.`);
  }
  if (url.search || url.hash) {
    throw new CallsideError('invalid_request', `The ${provider} API address must not contain a query or a fragment.`);
  }
  return url;
}

export type QueryValue = string | number | null | undefined;

/**
 * `base` + `/path` + query, on the base's own origin whatever `path` holds (ids are encoded by
 * the caller). URLSearchParams writes `+` as `%2B`: a raw `+` would reach the server as a space.
 */
export function endpointUrl(base: URL, path: string, query: Record<string, QueryValue>): string {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.href;
}

/**
 * A paginator's next link, on the configured base whatever host it names: the key must never
 * travel to another origin, so a link elsewhere is read as the same path and query here.
 */
export function sameOriginLink(base: URL, link: string): string {
  let parsed: URL;
  try {
    parsed = new URL(link, base.href);
  } catch {
    throw new CallsideError('malformed', 'A next-page link is not a URL.');
  }
  const url = new URL(base.href);
  url.pathname = parsed.pathname;
  url.search = parsed.search;
  return url.href;
}
