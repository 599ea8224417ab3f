import type { Session, WebContents, WebFrameMain } from 'electron';

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

/**
 * The hardening every Callside window gets: no navigation away from the app, no new windows
 * (allowed external links go to the OS instead), no permission prompts.
 */
export function hardenWebContents(
  contents: WebContents,
  renderer: RendererLocation,
  openExternal: (url: string) => void,
): void {
  const own = stripRoute(renderer.url);
  contents.on('will-navigate', (event, target) => {
    if (stripRoute(target) !== own) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
