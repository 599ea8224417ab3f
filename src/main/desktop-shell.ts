import { app, BrowserWindow, ipcMain, Menu, nativeImage, screen, session } from 'electron';
import type { DeepLink } from '../shared/deep-link';
import type { Core } from '../core/core';
import { forwardCoreEvents, registerBridgeIpc } from './ipc';
import { applyLoginItem, startedAtLogin, type LoginItemTarget } from './login-item';
import { appMenuTemplate } from './menu';
import { showNativeNotifications } from './notifications';
import {
  createSenderCheck,
  denyAllPermissions,
  hardenEveryWebContents,
  installContentSecurityPolicy,
  openExternalChecked,
  type RendererLocation,
} from './security';
import { createTrayController, trayWindowPosition, type TrayController } from './tray';
import { invokeTray, onTrayEvent, trayServicesOf } from './tray-bridge';
import { createAppWindow } from './window';
import { readWindowState, trackWindowState, visibleBounds, type WindowStateStore } from './window-state';

/**
 * The desktop shell put together: the main window (bounds remembered, closing hides it to the
 * tray), the tray icon and its metrics window, native notifications, the application menu,
 * launch at login, deep links, and the IPC bridge with its security checks. Everything it shows
 * comes from the core through the contract, as in the browser host. index.ts only adds the
 * single-instance lock and the early protocol listeners around it.
 */

export interface DesktopShellOptions {
  core: Core;
  renderer: RendererLocation;
  preloadPath: string;
  /** The tray image; a missing file gives an empty (invisible, still clickable) icon. */
  trayIconPath: string;
  /** macOS: the tray image is a template (black and alpha) the menu bar tints. */
  trayIconIsTemplate?: boolean;
  windowState: WindowStateStore;
  platform: NodeJS.Platform;
  argv: readonly string[];
  loginItem: LoginItemTarget;
}

export interface DesktopShell {
  mainWindow(): BrowserWindow;
  metricsWindow(): BrowserWindow | null;
  readonly tray: TrayController;
  handleLink(link: DeepLink): Promise<void>;
  showMain(): void;
  toggleMetrics(): void;
  quit(): void;
  dispose(): void;
}

export const METRICS_WINDOW_SIZE = { width: 400, height: 660 };

export async function startDesktopShell(options: DesktopShellOptions): Promise<DesktopShell> {
  const { core, renderer, preloadPath } = options;
  const openExternal = (url: string) => void openExternalChecked(url);

  // Security first: nothing loads before these are in place.
  denyAllPermissions(session.defaultSession);
  installContentSecurityPolicy(session.defaultSession);
  hardenEveryWebContents(app, renderer, openExternal);
  const cleanups: Array<() => void> = [
    registerBridgeIpc(ipcMain, core, createSenderCheck(renderer)),
    forwardCoreEvents(core, () => BrowserWindow.getAllWindows().map((window) => window.webContents)),
  ];

  const settings = await invokeTray(core, 'desktop.settings', {}).catch(() => null);
  let launchAtLogin = settings?.launchAtLogin ?? false;
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  // With a tray the app lives on when its windows are closed; only Quit ends it.
  app.on('window-all-closed', () => {});

  // ---- main window ----
  const createMain = (show: boolean): BrowserWindow => {
    const state = readWindowState(options.windowState);
    const bounds = visibleBounds(
      state.bounds,
      screen.getAllDisplays().map((display) => display.workArea),
    );
    const window = createAppWindow({ renderer, preloadPath, ...(bounds ? { bounds } : {}), showWhenReady: false });
    window.once('ready-to-show', () => {
      if (!show) return;
      // maximize() also shows the window.
      if (state.maximized) window.maximize();
      else window.show();
    });
    cleanups.push(trackWindowState(window, options.windowState));
    window.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      window.hide();
    });
    return window;
  };
  const hidden = (settings?.startMinimized ?? false) || startedAtLogin(app, options.platform, options.argv);
  let main = createMain(!hidden);

  const showMain = () => {
    if (main.isDestroyed()) main = createMain(true);
    if (main.isMinimized()) main.restore();
    main.show();
    main.focus();
  };

  // ---- tray and its metrics window ----
  const icon = nativeImage.createFromPath(options.trayIconPath);
  if (options.trayIconIsTemplate) icon.setTemplateImage(true);
  let metrics: BrowserWindow | null = null;
  let metricsReady = false;

  const ensureMetrics = (): BrowserWindow => {
    if (metrics && !metrics.isDestroyed()) return metrics;
    const window = createAppWindow({
      renderer,
      preloadPath,
      route: '/tray',
      popup: true,
      title: 'Callside: today',
      ...METRICS_WINDOW_SIZE,
      showWhenReady: false,
    });
    metricsReady = false;
    window.once('ready-to-show', () => {
      metricsReady = true;
    });
    // A popover: clicking elsewhere puts it away.
    window.on('blur', () => {
      if (!window.isDestroyed() && window.isVisible()) window.hide();
    });
    window.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      window.hide();
    });
    metrics = window;
    return window;
  };

  const placeMetrics = (window: BrowserWindow) => {
    const trayBounds = tray.tray.getBounds();
    const display =
      trayBounds.width > 0
        ? screen.getDisplayMatching(trayBounds)
        : screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
    const { x, y } = trayWindowPosition(trayBounds, METRICS_WINDOW_SIZE, display.workArea);
    window.setPosition(x, y);
  };

  /** Shows the metrics window; `focus: false` for a screen pop, which must not take the keyboard from the softphone. */
  const showMetrics = (focus: boolean) => {
    const window = ensureMetrics();
    placeMetrics(window);
    const reveal = () => {
      if (window.isDestroyed()) return;
      if (focus) {
        window.show();
        window.focus();
      } else {
        window.showInactive();
      }
    };
    if (metricsReady) reveal();
    else window.once('ready-to-show', reveal);
  };

  const toggleMetrics = () => {
    if (metrics && !metrics.isDestroyed() && metrics.isVisible()) metrics.hide();
    else showMetrics(true);
  };

  const setDoNotDisturb = (on: boolean) =>
    void invokeTray(core, 'desktop.settings.update', { notifications: { doNotDisturb: on } }).catch(() => undefined);
  const syncNow = () => void core.dispatch('sync.run', { full: false });
  const quit = () => {
    quitting = true;
    app.quit();
  };

  const tray = createTrayController({
    core,
    icon,
    actions: { toggleMetrics, showMain, syncNow, setDoNotDisturb, quit },
  });
  cleanups.push(() => tray.destroy());

  // ---- notifications, lead.show, settings ----
  cleanups.push(showNativeNotifications({ core, focusMain: showMain, icon }));
  cleanups.push(onTrayEvent(core.events, 'lead.show', () => showMain()));
  cleanups.push(
    onTrayEvent(core.events, 'desktop.settings', (next) => {
      const item = Menu.getApplicationMenu()?.getMenuItemById('do-not-disturb');
      if (item) item.checked = next.notifications.doNotDisturb;
      if (next.launchAtLogin !== launchAtLogin) {
        launchAtLogin = next.launchAtLogin;
        applyLoginItem(app, launchAtLogin, options.loginItem);
      }
    }),
  );
  if (settings) applyLoginItem(app, settings.launchAtLogin, options.loginItem);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        platform: options.platform,
        isPackaged: app.isPackaged,
        doNotDisturb: settings?.notifications.doNotDisturb ?? false,
        actions: { showMain, toggleMetrics, syncNow, setDoNotDisturb },
      }),
    ),
  );
  app.on('activate', showMain);

  // The core's two timers: today's board every refresh interval, the account logs every few seconds.
  const background = trayServicesOf(core);
  background?.start();
  cleanups.push(() => background?.stop());

  /** Never throws: a link that cannot be served still brings up a window, which says why. */
  const handleLink = async (link: DeepLink): Promise<void> => {
    if (link.kind === 'lead') {
      await invokeTray(core, 'lead.reveal', { leadId: link.leadId }).catch(() => showMain());
      return;
    }
    // The card is pushed to every window (`pop`); the metrics window is the one brought up for it.
    await invokeTray(core, 'screen.pop', { phone: link.phone }).catch(() => undefined);
    showMetrics(false);
  };

  return {
    mainWindow: () => main,
    metricsWindow: () => metrics,
    tray,
    handleLink,
    showMain,
    toggleMetrics,
    quit,
    dispose() {
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    },
  };
}
