import type { DialScheme } from './types';

/** E.164: a plus, then up to fifteen digits, the first not zero. */
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * A click-to-call href, or null when the number is not E.164: provider text that is not a
 * clean number ("call me after 5") must never become part of a link.
 */
export function dialHref(phone: string, scheme: DialScheme): string | null {
  return E164.test(phone) ? `${scheme}:${phone}` : null;
}

/**
 * The one kind of provider URL we render as a link: a well-formed https address (call
 * recordings). Anything else (javascript:, data:, http:, garbage) yields null and stays text.
 */
export function safeHttpsUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' ? url.href : null;
  } catch {
    return null;
  }
}
