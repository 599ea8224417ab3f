import { app, BrowserWindow, ipcMain, session } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCore } from './core/core';
import { forwardCoreEvents, registerBridgeIpc } from './ipc';
import { createSenderCheck, denyAllPermissions, type RendererLocation } from './security';
import { createElectronSecretStore } from './secrets';
import { createElectronSettingsStore } from './settings';
import { createAppWindow } from './window';

/**
 * The desktop host: a thin shell that builds the shared core and wires it to windows over
 * IPC. Everything it shows comes through the same contract the browser host serves.
 */
function rendererLocation(): RendererLocation {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devServer) return { url: devServer };
  return { url: pathToFileURL(fileURLToPath(new URL('../renderer/index.html', import.meta.url))).href };
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    const dataDir = app.getPath('userData');
    const core = createCore({
      hostKind: 'electron',
      dataDir,
      demo: true,
      settings: createElectronSettingsStore(dataDir),
      secrets: createElectronSecretStore(dataDir),
    });
    const renderer = rendererLocation();
    registerBridgeIpc(ipcMain, core, createSenderCheck(renderer));
    forwardCoreEvents(core, () => BrowserWindow.getAllWindows().map((window) => window.webContents));
    const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
    let main = createAppWindow({ renderer, preloadPath });

    app.on('second-instance', () => {
      if (main.isDestroyed()) main = createAppWindow({ renderer, preloadPath });
      if (main.isMinimized()) main.restore();
      main.focus();
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) main = createAppWindow({ renderer, preloadPath });
    });
    app.on('before-quit', () => void core.dispose());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
