import { BrowserWindow } from 'electron';
import { hardenWebContents, openExternalChecked, type RendererLocation } from './security';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowOptions {
  renderer: RendererLocation;
  preloadPath: string;
  /** A renderer route, e.g. "/tray"; carried in the hash so file:// loading works. */
  route?: string;
  width?: number;
  height?: number;
  /** Restored bounds (window state); wins over width/height. */
  bounds?: WindowBounds;
  minWidth?: number;
  minHeight?: number;
  title?: string;
  /** The tray window: no taskbar entry, fixed size, above other windows while shown. */
  popup?: boolean;
  /** Show once the first frame is ready (default). False leaves the window hidden (start minimized). */
  showWhenReady?: boolean;
}

/**
 * Every Callside window: context isolation, the sandbox, no Node in the page, only the preload
 * in between, and the hardening of security.ts. Hidden until its first frame is painted.
 */
export function createAppWindow(options: WindowOptions): BrowserWindow {
  const bounds = options.bounds ?? { width: options.width ?? 1200, height: options.height ?? 800 };
  const popup = options.popup ?? false;
  const window = new BrowserWindow({
    ...bounds,
    minWidth: options.minWidth ?? (popup ? 320 : 720),
    minHeight: options.minHeight ?? (popup ? 360 : 480),
    show: false,
    title: options.title ?? 'Callside',
    ...(popup
      ? { skipTaskbar: true, resizable: false, maximizable: false, minimizable: false, fullscreenable: false }
      : {}),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  hardenWebContents(window.webContents, options.renderer, (url) => void openExternalChecked(url));
  if (options.showWhenReady ?? true) window.once('ready-to-show', () => window.show());
  const url = new URL(options.renderer.url);
  if (options.route) url.hash = options.route;
  void window.loadURL(url.href);
  return window;
}
