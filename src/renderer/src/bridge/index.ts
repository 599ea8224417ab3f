import type { CallsideBridge, RawBridge } from '../../../shared/contract/bridge';
import { createTypedBridge } from '../../../shared/contract/client';
import { createWebSocketBridge } from './websocket-bridge';

declare global {
  interface Window {
    /** Present in Electron, exposed by the preload. */
    callside?: RawBridge;
  }
}

const TOKEN_KEY = 'callside.token';

/**
 * In the browser host the access token arrives once in the URL. It is moved to session
 * storage and taken out of the address bar, so it does not end up in history, bookmarks or
 * screenshots of the window.
 */
function takeBrowserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function createRawBridge(): RawBridge {
  if (window.callside) return window.callside;
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = encodeURIComponent(takeBrowserToken());
  return createWebSocketBridge(`${scheme}//${window.location.host}/bridge?token=${token}`);
}

/** The one client the whole renderer uses, whichever host it runs in. */
export const bridge: CallsideBridge = createTypedBridge(createRawBridge());
