import { BrowserWindow, shell } from 'electron';
import { hardenWebContents, type RendererLocation } from './security';

export interface WindowOptions {
  renderer: RendererLocation;
  preloadPath: string;
  /** A renderer route, e.g. "/tray"; carried in the hash so file:// loading works. */
  route?: string;
  width?: number;
  height?: number;
}

export function createAppWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: options.width ?? 1200,
    height: options.height ?? 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Callside',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  hardenWebContents(window.webContents, options.renderer, (url) => void shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  const url = new URL(options.renderer.url);
  if (options.route) url.hash = options.route;
  void window.loadURL(url.href);
  return window;
}
