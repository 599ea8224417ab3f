import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  app,
  BrowserWindow,
  FakeWebContents,
  ipcMain,
  Menu,
  Notification,
  resetFakeElectron,
  session,
  Tray,
  type BrowserWindow as FakeWindow,
} from '../../fakes/electron';
import { startDesktopShell, type DesktopShell } from '../../../src/main/desktop-shell';
import type { WindowState, WindowStateStore } from '../../../src/main/window-state';
import { CHANNEL_NAMES } from '../../../src/shared/contract/channels';
import { IPC_EVENT, ipcChannel } from '../../../src/shared/contract/envelope';
import { cacheAllLeads, call, injectInboundCall, trayOf, trayWorld, type TrayWorld } from '../../contract/tray/helpers';

/**
 * The whole desktop shell against the fake electron module and a real core (an account on a
 * sandbox over HTTP, its SQLite cache): windows, tray, pops, notifications, menu, login item.
 */

const RENDERER = { url: 'file:///opt/callside/out/renderer/index.html' };
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

function memoryStore(initial?: WindowState): WindowStateStore & { value: unknown } {
  const store = {
    value: initial as unknown,
    get: () => store.value,
    set: (_key: 'mainWindow', value: WindowState) => {
      store.value = structuredClone(value);
    },
  };
  return store;
}

/** Events the shell forwarded to a window's renderer over IPC. */
function pushed(window: FakeWindow | null | undefined, event: string): unknown[] {
  return (window?.webContents.sent ?? [])
    .filter((message) => message.channel === IPC_EVENT)
    .map((message) => message.args[0] as { event: string; payload: unknown })
    .filter((message) => message.event === event)
    .map((message) => message.payload);
}

describe('desktop shell', () => {
  let world: TrayWorld;
  let desktop: DesktopShell | null = null;
  let autostartDir: string;

  beforeEach(async () => {
    resetFakeElectron();
    world = await trayWorld({ hostKind: 'electron' });
    autostartDir = join(mkdtempSync(join(tmpdir(), 'callside-login-')), 'autostart');
  });
  afterEach(() => {
    desktop?.dispose();
    desktop = null;
  });

  async function start(options: { argv?: string[]; windowState?: WindowStateStore } = {}): Promise<DesktopShell> {
    desktop = await startDesktopShell({
      core: world.core,
      renderer: RENDERER,
      preloadPath: '/opt/callside/out/preload/index.cjs',
      trayIconPath: '/opt/callside/resources/tray.png',
      windowState: options.windowState ?? memoryStore(),
      platform: 'linux',
      argv: options.argv ?? ['/opt/Callside/callside'],
      loginItem: { platform: 'linux', execPath: '/opt/Callside/callside', autostartDir },
    });
    await flush();
    return desktop;
  }

  it('starts with the bridge, the security policy, the tray, the menu, a shown main window and the timers', async () => {
    const shell = await start();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannel).sort());
    const answers: boolean[] = [];
    session.defaultSession.permissionRequestHandler?.(null, 'notifications', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(session.defaultSession.webRequest.headersListener).not.toBeNull();
    // Web contents the shell did not build itself are hardened by its app-wide listener.
    const stray = new FakeWebContents();
    app.emit('web-contents-created', {}, stray);
    expect(stray.emitCancellable('will-navigate', 'http://evil.example/')).toBe(true);
    expect(stray.windowOpenHandler?.({ url: 'http://evil.example/' })).toEqual({ action: 'deny' });
    expect(Tray.instances).toHaveLength(1);
    expect(Menu.getApplicationMenu()?.find('File', 'Sync now')).not.toBeNull();
    const main = shell.mainWindow() as unknown as FakeWindow;
    expect(main.loadedUrl).toBe(RENDERER.url);
    expect(main.isVisible()).toBe(true);
    expect(trayOf(world.core).running).toBe(true);
    // The first board arrives over HTTP from the sandbox.
    await vi.waitFor(() =>
      expect(Tray.instances[0]?.toolTip).toMatch(/^Callside: team today\n\d+ calls by \d+ agents/),
    );
  });

  it('brings the main window back where the agent left it, maximized if it was', async () => {
    const shell = await start({
      windowState: memoryStore({ bounds: { x: 200, y: 120, width: 1000, height: 700 }, maximized: true }),
    });
    const main = shell.mainWindow() as unknown as FakeWindow;
    expect(main.getNormalBounds()).toEqual({ x: 200, y: 120, width: 1000, height: 700 });
    expect(main.isMaximized()).toBe(true);
    expect(main.isVisible()).toBe(true);
  });

  it('ignores saved bounds that fall on no display', async () => {
    const shell = await start({
      windowState: memoryStore({ bounds: { x: 5000, y: 3000, width: 1000, height: 700 }, maximized: false }),
    });
    const bounds = (shell.mainWindow() as unknown as FakeWindow).getBounds();
    expect(bounds.x).toBeLessThan(1920);
    expect(bounds.width).toBe(1200);
  });

  it('starts minimized to the tray when the setting says so, or when started at login', async () => {
    await call(world.core, 'desktop.settings.update', { startMinimized: true });
    const first = await start();
    expect((first.mainWindow() as unknown as FakeWindow).isVisible()).toBe(false);
    first.dispose();
    resetFakeElectron();

    await call(world.core, 'desktop.settings.update', { startMinimized: false });
    const second = await start({ argv: ['/opt/Callside/callside', '--hidden'] });
    expect((second.mainWindow() as unknown as FakeWindow).isVisible()).toBe(false);
    second.showMain();
    expect((second.mainWindow() as unknown as FakeWindow).isVisible()).toBe(true);
  });

  it('hides the main window to the tray on close, remembering its bounds, and quits only on Quit', async () => {
    const store = memoryStore();
    const shell = await start({ windowState: store });
    const main = shell.mainWindow() as unknown as FakeWindow;
    main.setBounds({ x: 300, y: 200 });
    main.close();
    expect(main.isDestroyed()).toBe(false);
    expect(main.isVisible()).toBe(false);
    expect(store.value).toMatchObject({ bounds: { x: 300, y: 200 }, maximized: false });

    Tray.instances[0]?.contextMenu?.find('Quit Callside')?.click();
    expect(app.quitCalls).toBe(1);
    expect(BrowserWindow.getAllWindows()).toEqual([]);
  });

  it('toggles the metrics window (#/tray) from the tray icon; it goes away when the agent clicks elsewhere', async () => {
    const shell = await start();
    Tray.instances[0]?.emit('click');
    await flush();
    const metrics = shell.metricsWindow() as unknown as FakeWindow;
    expect(metrics.loadedUrl).toBe(`${RENDERER.url}#/tray`);
    expect(metrics.options).toMatchObject({ skipTaskbar: true, width: 400, height: 660 });
    expect(metrics.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(metrics.isVisible()).toBe(true);
    expect(metrics.isFocused()).toBe(true);
    // Top-right of the work area: the fake Linux tray reports no position.
    expect(metrics.getBounds()).toMatchObject({ x: 1512, y: 8 });

    Tray.instances[0]?.emit('click');
    expect(metrics.isVisible()).toBe(false);
    Tray.instances[0]?.emit('click');
    metrics.blur();
    expect(metrics.isVisible()).toBe(false);
    // Closing it is hiding it: the next click is instant.
    metrics.close();
    expect(metrics.isDestroyed()).toBe(false);
  });

  it('pops the caller from a callside:// link: the card goes to every window, the metrics window shows without taking focus', async () => {
    const lead = (await cacheAllLeads(world.core)).find((l) => /^\+1\d{10}$/.test(l.phone));
    const shell = await start();
    const main = shell.mainWindow() as unknown as FakeWindow;
    main.focus();
    await shell.handleLink({ kind: 'pop', phone: lead?.phone ?? '' });
    await flush();
    const metrics = shell.metricsWindow() as unknown as FakeWindow;
    expect(metrics.isVisible()).toBe(true);
    expect(metrics.isFocused()).toBe(false);
    expect(main.isFocused()).toBe(true);
    const [card] = pushed(main, 'pop') as Array<{ lead: { id: string } | null }>;
    expect(card?.lead?.id).toBe(lead?.id);
    // The metrics window loaded after the push; it asks for the last pop when it starts.
    expect(await call(world.core, 'screen.lastPop', {})).toMatchObject({ lead: { id: lead?.id } });
  });

  it('pops an unknown number too, and a callside://lead link opens the workspace on that lead', async () => {
    await cacheAllLeads(world.core);
    const shell = await start();
    const main = shell.mainWindow() as unknown as FakeWindow;
    await shell.handleLink({ kind: 'pop', phone: '555-010-9999' });
    expect(pushed(main, 'pop')).toEqual([expect.objectContaining({ lead: null, e164: '+15550109999' })]);

    main.close();
    await shell.handleLink({ kind: 'lead', leadId: '10000001' });
    await flush();
    expect(main.isVisible()).toBe(true);
    expect(main.isFocused()).toBe(true);
    expect(pushed(main, 'lead.show')).toEqual([{ leadId: '10000001', newLeadPhone: null }]);
  });

  it('raises a native notification for an inbound call from a known lead; a click opens that lead', async () => {
    const [lead] = await cacheAllLeads(world.core);
    const shell = await start();
    const tray = trayOf(world.core);
    await tray.poll();
    injectInboundCall(world.sb, lead?.id ?? '');
    await tray.poll();
    expect(Notification.instances).toHaveLength(1);
    const native = Notification.instances[0];
    expect(native?.options.title).toContain(lead?.firstName ?? '');
    const main = shell.mainWindow() as unknown as FakeWindow;
    main.close();
    native?.click();
    await flush();
    expect(main.isVisible()).toBe(true);
    expect(pushed(main, 'lead.show')).toEqual([{ leadId: lead?.id, newLeadPhone: null }]);
  });

  it('keeps notifications quiet under do-not-disturb, switched from the tray menu', async () => {
    const [lead] = await cacheAllLeads(world.core);
    await start();
    Tray.instances[0]?.contextMenu?.find('Do not disturb')?.click();
    await flush();
    expect((await call(world.core, 'desktop.settings', {})).notifications.doNotDisturb).toBe(true);
    expect(Menu.getApplicationMenu()?.getMenuItemById('do-not-disturb')?.checked).toBe(true);
    const tray = trayOf(world.core);
    await tray.poll();
    injectInboundCall(world.sb, lead?.id ?? '');
    await tray.poll();
    expect(Notification.instances).toEqual([]);
    expect((await call(world.core, 'notifications.recent', {})).items).toMatchObject([{ muted: true }]);
  });

  it('starts with the system when the agent asks for it, and stops when asked', async () => {
    await start();
    const entry = join(autostartDir, 'callside.desktop');
    await call(world.core, 'desktop.settings.update', { launchAtLogin: true });
    expect(existsSync(entry)).toBe(true);
    await call(world.core, 'desktop.settings.update', { launchAtLogin: false });
    expect(existsSync(entry)).toBe(false);
  });

  it('stops the timers and lets go of the bridge when it shuts down', async () => {
    const shell = await start();
    shell.dispose();
    desktop = null;
    expect(trayOf(world.core).running).toBe(false);
    expect(ipcMain.handlers.size).toBe(0);
    expect(Tray.instances[0]?.isDestroyed()).toBe(true);
  });
});
