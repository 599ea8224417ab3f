/**
 * `callside://` links the softphone (or anything else) opens to drive Callside. Parsed in one
 * place so the protocol handler, the second-instance path and the browser host agree.
 */
export type DeepLink = { kind: 'pop'; phone: string } | { kind: 'lead'; leadId: string };

export const DEEP_LINK_SCHEME = 'callside';
const MAX_VALUE = 64;

export function parseDeepLink(raw: string): DeepLink | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return null;
  // callside://pop?phone=… parses with host "pop"; callside:pop?phone=… with pathname "pop".
  const action = (url.host || url.pathname).replace(/^\/+|\/+$/g, '');
  if (action === 'pop') {
    const phone = url.searchParams.get('phone')?.trim() ?? '';
    return /^[0-9+().\-\s]{3,}$/.test(phone) && phone.length <= MAX_VALUE ? { kind: 'pop', phone } : null;
  }
  if (action === 'lead') {
    const leadId = url.searchParams.get('id')?.trim() ?? '';
    return /^[\w-]{1,64}$/.test(leadId) ? { kind: 'lead', leadId } : null;
  }
  return null;
}

/** The first deep link among command-line arguments (Windows and Linux pass it that way). */
export function findDeepLink(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    if (arg.startsWith(`${DEEP_LINK_SCHEME}:`)) {
      const link = parseDeepLink(arg);
      if (link) return link;
    }
  }
  return null;
}
