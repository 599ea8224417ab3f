import type { App, Session, WebContents, WebFrameMain } from 'electron';
import { RENDERER_CSP } from '../shared/csp';

/** Where the renderer is loaded from: the built file, or the dev server in `electron-vite dev`. */
export interface RendererLocation {
  /** e.g. file:///…/out/renderer/index.html or http://localhost:5173/ */
  url: string;
}

/** External schemes an agent's click may open; everything else stays closed. */
const EXTERNAL_SCHEMES = new Set(['https:', 'tel:', 'sip:', 'callto:']);

export function isAllowedExternalUrl(target: string): boolean {
  try {
    return EXTERNAL_SCHEMES.has(new URL(target).protocol);
  } catch {
    return false;
  }
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
