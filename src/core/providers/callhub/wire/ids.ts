/**
 * CallHub gives contacts and phone books no `id`, only a `url` [CH:3-5]: the id is its last
 * non-empty path segment, whatever the scheme, host (regional) or trailing slash. Null when the
 * text is not a URL or its last segment is not a plain id, so a path can never be smuggled in.
 */
const PLAIN_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function idFromUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const last = url.pathname
    .split('/')
    .filter((part) => part !== '')
    .pop();
  if (last === undefined) return null;
  let id: string;
  try {
    id = decodeURIComponent(last);
  } catch {
    return null;
  }
  return PLAIN_ID.test(id) ? id : null;
}
