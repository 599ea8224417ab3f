import { app } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SandboxDemoWorkspace } from '../hosts/demo-workspace';
import { createCore } from '../core/core';
import { useSharedDataFolder } from './data-folder';
import { startDesktopShell, type DesktopShell } from './desktop-shell';
import { DeepLinkRouter, listenForDeepLinks, registerProtocolClient } from './protocol';
import type { RendererLocation } from './security';
import { createElectronSecretStore } from './secrets';
import { createElectronSettingsStore } from './settings';
import type { WindowStateStore } from './window-state';

/**
 * The desktop host: a thin shell that builds the shared core and wires it to windows over
 * IPC. Everything it shows comes through the same contract the browser host serves.
 */
function rendererLocation(): RendererLocation {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devServer) return { url: devServer };
  return { url: pathToFileURL(fileURLToPath(new URL('../renderer/index.html', import.meta.url))).href };
}

// One data folder for every host, chosen before anything reads userData (the instance lock
// below lives there too).
useSharedDataFolder(app);

// One Callside per user: a second start (a callside:// link on Windows and Linux) hands its
// argv to this one and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const links = new DeepLinkRouter();
  let desktop: DesktopShell | null = null;
  registerProtocolClient(app, process);
  // Before ready: macOS delivers the link that started the app as an early open-url.
  listenForDeepLinks(app, links, { argv: process.argv, onSecondInstance: () => desktop?.showMain() });

  app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    const core = createCore({
      hostKind: 'electron',
      dataDir,
      // A fresh install opens on the Demo workspace: the simulator, started on first use.
      demo: new SandboxDemoWorkspace(),
      // The desktop app stays open all day: deliver changes as they are made, pull on a timer.
      background: true,
      settings: createElectronSettingsStore(dataDir),
      secrets: createElectronSecretStore(dataDir),
    });
    const mac = process.platform === 'darwin';
    desktop = await startDesktopShell({
      core,
      renderer: rendererLocation(),
      preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      trayIconPath: join(app.getAppPath(), 'resources', mac ? 'trayTemplate.png' : 'tray.png'),
      trayIconIsTemplate: mac,
      windowState: new Store<Record<string, unknown>>({
        cwd: dataDir,
        name: 'window-state',
        clearInvalidConfig: true,
      }) as unknown as WindowStateStore,
      platform: process.platform,
      argv: process.argv,
      loginItem: {
        platform: process.platform,
        execPath: process.execPath,
        defaultApp: process.defaultApp ?? false,
        appPath: app.getAppPath(),
      },
    });
    const shell = desktop;
    links.attach((link) => void shell.handleLink(link));
    app.on('before-quit', () => {
      shell.dispose();
      void core.dispose();
    });
  });
}
