import { shell, type App, type Session, type WebContents, type WebFrameMain } from 'electron';
import { RENDERER_CSP } from '../shared/csp';

/** Where the renderer is loaded from: the built file, or the dev server in `electron-vite dev`. */
export interface RendererLocation {
  /** e.g. file:///…/out/renderer/index.html or http://localhost:5173/ */
  url: string;
}

/** Longer than any recording link or dial string Callside makes; the OS gets nothing longer. */
const MAX_EXTERNAL_URL = 2048;
/** A phone number as dialers take it: an optional +, digits, and the usual visual separators. */
const PHONE = /^\+?[0-9().-]{1,31}$/;
const MAX_PHONE_DIGITS = 15;
/** sip:user@host[:port]: no parameters (;), no headers (?), nothing a handler could read as an option. */
const SIP_ADDRESS =
  /^[A-Za-z0-9._+-]{1,64}@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)(?::(\d{1,5}))?$/;

function isPhoneNumber(body: string): boolean {
  const digits = body.replace(/\D/g, '').length;
  return PHONE.test(body) && digits >= 1 && digits <= MAX_PHONE_DIGITS;
}

function isSipAddress(body: string): boolean {
  const match = SIP_ADDRESS.exec(body);
  if (!match) return false;
  const host = match[1] ?? '';
  const port = match[2];
  return host.length <= 253 && (port === undefined || (Number(port) >= 1 && Number(port) <= 65535));
}

/**
 * External links an agent's click may open; everything else stays closed. Click-to-call goes
 * to whatever program the OS registered for the scheme, so its payload is checked here, in
 * main, whatever the page sent: a tel:/callto: body is a phone number and nothing else, a sip:
 * body a phone number or user@host. No parameters, control characters or over-long strings.
 */
export function isAllowedExternalUrl(target: string): boolean {
  if (typeof target !== 'string' || target.length > MAX_EXTERNAL_URL) return false;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(target);
  if (!scheme) return false;
  const body = target.slice(scheme[0].length);
  switch (scheme[1]?.toLowerCase()) {
    case 'tel':
    case 'callto':
      return isPhoneNumber(body);
    case 'sip':
      return isPhoneNumber(body) || isSipAddress(body);
    case 'https':
      try {
        return new URL(target).protocol === 'https:';
      } catch {
        return false;
      }
    default:
      return false;
  }
}

/**
 * The one way Callside hands a link to the OS: checked again right here, so no caller can
 * skip the allowlist. Says whether the link was handed over.
 */
export function openExternalChecked(target: string): boolean {
  if (!isAllowedExternalUrl(target)) return false;
  void shell.openExternal(target);
  return true;
}

/** True for frames showing our own renderer, whatever route or hash they are on. */
export function createSenderCheck(renderer: RendererLocation): (frame: WebFrameMain | null) => boolean {
  const expected = stripRoute(renderer.url);
  return (frame) => {
    if (!frame) return false;
    // A subframe could host anything; only the top frame of our page speaks to main.
    if (frame.parent !== null) return false;
    return stripRoute(frame.url) === expected;
  };
}

function stripRoute(raw: string): string {
  try {
    const url = new URL(raw);
    return url.protocol === 'file:' ? `file://${url.pathname}` : url.origin;
  } catch {
    return '';
  }
}

const hardened = new WeakSet<WebContents>();

/**
 * The hardening every Callside window gets: no navigation away from the app, no new windows,
 * no webviews. An allowlisted link (click-to-call `tel:`/`sip:`/`callto:`, an https recording)
 * goes to the OS instead, whether the page opens it as a window or follows it in place. Applied
 * once per web contents however often it is asked for.
 */
export function hardenWebContents(
  contents: WebContents,
  renderer: RendererLocation,
  openExternal: (url: string) => void,
): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const own = stripRoute(renderer.url);
  const leave = (event: { preventDefault(): void }, target: string) => {
    if (stripRoute(target) === own) return;
    event.preventDefault();
    if (isAllowedExternalUrl(target)) openExternal(target);
  };
  contents.on('will-navigate', leave);
  // A redirect of an allowed navigation could still lead elsewhere.
  contents.on('will-redirect', (event, target) => {
    if (stripRoute(target) !== own) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export { RENDERER_CSP };

export function installContentSecurityPolicy(session: Session, policy: string = RENDERER_CSP): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}

/**
 * Every web contents the app ever creates (windows made elsewhere, devtools aside) gets the
 * same hardening, not only the ones createAppWindow builds.
 */
export function hardenEveryWebContents(
  app: Pick<App, 'on'>,
  renderer: RendererLocation,
  openExternal: (url: string) => void,
): void {
  app.on('web-contents-created', (_event, contents) => {
    if (contents.getType() === 'window' || contents.getType() === 'webview') {
      hardenWebContents(contents, renderer, openExternal);
    }
  });
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
