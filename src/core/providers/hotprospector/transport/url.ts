import { CallsideError } from '../../../../shared/errors';

export const DEFAULT_V1_URL = 'https://app.hotprospector.com/glu/custom_api';
export const DEFAULT_V2_BASE_URL = 'https://service.hookscall.com/glu/api/v2';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Checked once at construction: the API key and tokens travel in every request, so they must
 * not go over plain http to another machine. Loopback stays allowed for the sandbox.
 */
export function checkBaseUrl(raw: string, allowInsecureHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CallsideError('invalid_request', 'The Hot Prospector API address is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CallsideError('invalid_request', 'The Hot Prospector API address must start with https://.');
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !LOOPBACK.has(url.hostname)) {
    throw new CallsideError(
      'invalid_request',
      'The Hot Prospector API address must use https:// (plain http would expose the API key).',
    );
  }
  if (url.username || url.password) {
    throw new CallsideError(
      'invalid_request',
      'The Hot Prospector API address must not contain a user name or password.',
    );
  }
  return url;
}

/** `base` + `/path`, tolerant of a trailing slash on the configured base. */
export function endpoint(base: URL, path: string): string {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  return url.href;
}
