/**
 * A stand-in for the `electron` module, for the one part of the system that cannot exist on
 * this machine: the Electron binary. It models just what the shell uses, with Electron's own
 * rules where they matter (one handler per channel, handlers see the sender frame; Tray,
 * Notification and screen only after `ready`; a menu item needs a label, role or type; a
 * window's `close` can be prevented; destroyed windows leave getAllWindows; safeStorage
 * ciphertext cannot be read back once the key is gone).
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Electron names the app, and so its default userData folder, after package.json:
 * `productName`, else `name`.
 */
function packageAppName(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    productName?: string;
  };
  return pkg.productName ?? pkg.name;
}

/** Electron's appData: %APPDATA%, ~/Library/Application Support, or $XDG_CONFIG_HOME / ~/.config. */
function platformAppData(): string {
  if (process.platform === 'win32') return process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

type IpcHandler = (event: { senderFrame: FakeFrame | null }, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, IpcHandler>();

  handle(channel: string, handler: IpcHandler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** ipcMain.on: electron-store listens here for its renderer half, which Callside never uses. */
  readonly listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  on(channel: string, listener: (...args: unknown[]) => void): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }

  /** What Electron does when a renderer frame calls ipcRenderer.invoke. */
  async invokeFrom(frame: FakeFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    // Electron passes arguments through the structured clone algorithm.
    return handler({ senderFrame: frame }, ...args.map((arg) => structuredClone(arg)));
  }
}

export const ipcMain = new FakeIpcMain();

/** The frame the fake renderer's preload runs in; tests point it at trusted or foreign pages. */
export const rendererFrame: FakeFrame = { url: 'file:///app/out/renderer/index.html', parent: null };

class FakeIpcRenderer extends EventEmitter {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return ipcMain.invokeFrom(rendererFrame, channel, ...args);
  }
}

export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    this.exposed.set(key, api);
  },
};

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  destroyed = false;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args: args.map((arg) => structuredClone(arg)) });
  }

  focused = false;
  focus(): void {
    this.focused = true;
  }

  getType(): 'window' | 'webview' | 'backgroundPage' | 'remote' {
    return 'window';
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Emits a cancellable event the way Electron does, and says whether it was prevented. */
  emitCancellable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

type HeadersListener = (
  details: { url: string; resourceType: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeWebRequest {
  headersListener: HeadersListener | null = null;
  onHeadersReceived(listener: HeadersListener | null): void {
    this.headersListener = listener;
  }
  /** What Electron does with a response on its way to the page: the listener may rewrite headers. */
  deliver(url: string, headers: Record<string, string[]>, resourceType = 'mainFrame'): Record<string, string[]> {
    let result = headers;
    this.headersListener?.({ url, resourceType, responseHeaders: headers }, (response) => {
      result = response.responseHeaders ?? headers;
    });
    return result;
  }
}

export class FakeSession {
  readonly webRequest = new FakeWebRequest();
  permissionRequestHandler:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;

  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  },
};

let nextWindowId = 1;

export class BrowserWindow extends EventEmitter {
  static readonly windows: BrowserWindow[] = [];
  readonly id = nextWindowId++;
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  private bounds: Rectangle;
  private normalBounds: Rectangle;
  private visible: boolean;
  private maximized = false;
  private minimized = false;
  private destroyed = false;
  focused = false;
  alwaysOnTop = false;

  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    const num = (key: string, fallback: number) =>
      typeof options[key] === 'number' ? (options[key] as number) : fallback;
    const width = num('width', 800);
    const height = num('height', 600);
    // Without x/y Electron centres the window on the primary display.
    const area = screen.getPrimaryDisplay().workArea;
    this.bounds = {
      x: num('x', Math.round(area.x + (area.width - width) / 2)),
      y: num('y', Math.round(area.y + (area.height - height) / 2)),
      width,
      height,
    };
    this.normalBounds = { ...this.bounds };
    this.visible = options.show !== false;
    BrowserWindow.windows.push(this);
  }

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.windows.filter((window) => !window.destroyed);
  }

  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.getAllWindows().find((window) => window.focused) ?? null;
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    // The first paint follows the load; a window created with show: false waits for it.
    queueMicrotask(() => {
      if (this.destroyed) return;
      this.webContents.emit('did-finish-load');
      this.emit('ready-to-show');
    });
  }

  private assertAlive(): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
  }

  show(): void {
    this.assertAlive();
    this.visible = true;
    this.minimized = false;
    this.focus();
    this.emit('show');
  }

  showInactive(): void {
    this.assertAlive();
    this.visible = true;
    this.emit('show');
  }

  hide(): void {
    this.assertAlive();
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }

  isVisible(): boolean {
    return !this.destroyed && this.visible && !this.minimized;
  }

  focus(): void {
    this.assertAlive();
    for (const other of BrowserWindow.getAllWindows()) {
      if (other !== this && other.focused) {
        other.focused = false;
        other.emit('blur');
      }
    }
    this.focused = true;
    this.emit('focus');
  }

  /** What the OS does when the agent clicks elsewhere. */
  blur(): void {
    this.focused = false;
    this.emit('blur');
  }

  isFocused(): boolean {
    return this.focused;
  }

  minimize(): void {
    this.minimized = true;
    this.focused = false;
    this.emit('minimize');
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
    this.visible = true;
    this.emit('restore');
  }

  /** Like Electron: also shows (without focusing) a window that is not displayed yet. */
  maximize(): void {
    this.normalBounds = { ...this.bounds };
    this.maximized = true;
    if (!this.visible) {
      this.visible = true;
      this.emit('show');
    }
    this.bounds = { ...screen.getDisplayMatching(this.bounds).workArea };
    this.emit('maximize');
  }

  unmaximize(): void {
    this.maximized = false;
    this.bounds = { ...this.normalBounds };
    this.emit('unmaximize');
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  getBounds(): Rectangle {
    return { ...this.bounds };
  }

  /** The bounds the window returns to when it is un-maximized. */
  getNormalBounds(): Rectangle {
    return { ...(this.maximized ? this.normalBounds : this.bounds) };
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
    if (!this.maximized) this.normalBounds = { ...this.bounds };
    this.emit('resize');
    this.emit('move');
  }

  setPosition(x: number, y: number): void {
    this.setBounds({ x, y });
  }

  getSize(): [number, number] {
    return [this.bounds.width, this.bounds.height];
  }

  setAlwaysOnTop(flag: boolean): void {
    this.alwaysOnTop = flag;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Like a click on the close button: `close` can be prevented; otherwise the window goes. */
  close(): void {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.focused = false;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

// ---- app -----------------------------------------------------------------------------------

interface LoginItemSettings {
  openAtLogin: boolean;
  args: string[];
  path?: string;
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  ready = true;
  /** What requestSingleInstanceLock answers: false when another instance runs. */
  singleInstanceLock = true;
  quitCalls = 0;
  readonly protocolClients = new Map<string, { path?: string; args?: string[] }>();
  loginItem: LoginItemSettings = { openAtLogin: false, args: [] };
  /** macOS: whether this run was started by the login item. */
  openedAtLogin = false;
  focusCalls = 0;

  /**
   * Paths set by the test or by setPath. A test that deletes `userData` gets Electron's own
   * default, `<appData>/<name>` (tests point `appData` at a temporary folder first).
   */
  readonly paths: Record<string, string> = { userData: '/tmp/callside-fake-electron' };
  readonly name = packageAppName();
  getPath(name = 'userData'): string {
    const appData = this.paths.appData ?? platformAppData();
    if (name === 'appData') return appData;
    if (name === 'userData') return this.paths.userData ?? join(appData, this.name);
    return this.paths[name] ?? this.getPath('userData');
  }
  /** Like Electron: only known names, and a directory that does not exist is an error. */
  setPath(name: string, path: string): void {
    if (!['userData', 'sessionData', 'appData', 'logs', 'crashDumps', 'temp'].includes(name)) {
      throw new Error(`Failed to set path: unknown name '${name}'`);
    }
    if (!existsSync(path)) throw new Error(`Failed to set path: '${path}' does not exist`);
    this.paths[name] = path;
  }
  /** Chromium switches the process was started with, e.g. `--user-data-dir=…`. */
  readonly switches = new Map<string, string>();
  readonly commandLine = {
    hasSwitch: (name: string): boolean => this.switches.has(name),
    getSwitchValue: (name: string): string => this.switches.get(name) ?? '',
  };
  getAppPath(): string {
    return '/opt/callside';
  }
  getName(): string {
    return this.name;
  }
  getVersion(): string {
    return '0.1.0';
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  quit(): void {
    this.quitCalls++;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    for (const window of BrowserWindow.getAllWindows()) window.close();
    this.emit('will-quit', { preventDefault: () => {} });
  }
  focus(): void {
    this.focusCalls++;
  }
  setAppUserModelId(): void {}
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
    this.protocolClients.set(protocol, {
      ...(path === undefined ? {} : { path }),
      ...(args === undefined ? {} : { args }),
    });
    return true;
  }
  isDefaultProtocolClient(protocol: string): boolean {
    return this.protocolClients.has(protocol);
  }
  removeAsDefaultProtocolClient(protocol: string): boolean {
    return this.protocolClients.delete(protocol);
  }
  /** darwin and win32 only; Electron ignores it elsewhere. */
  setLoginItemSettings(settings: { openAtLogin?: boolean; args?: string[]; path?: string }): void {
    if (process.platform !== 'darwin' && process.platform !== 'win32' && !fakePlatform.loginItems) return;
    this.loginItem = {
      openAtLogin: settings.openAtLogin ?? false,
      args: settings.args ?? [],
      ...(settings.path === undefined ? {} : { path: settings.path }),
    };
  }
  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin: boolean; executableWillLaunchAtLogin: boolean } {
    return {
      openAtLogin: this.loginItem.openAtLogin,
      wasOpenedAtLogin: this.openedAtLogin,
      executableWillLaunchAtLogin: this.loginItem.openAtLogin,
    };
  }
}

/** Lets a test stand in for a platform that supports login items while running on Linux. */
export const fakePlatform = { loginItems: false };

export const app = new FakeApp();

function assertReady(what: string): void {
  if (!app.isReady()) throw new Error(`Cannot create ${what} before the app is ready`);
}

// ---- nativeImage ------------------------------------------------------------------------------

export class NativeImage {
  template = false;
  constructor(
    readonly source: string,
    private readonly size: { width: number; height: number },
  ) {}
  isEmpty(): boolean {
    return this.size.width === 0 || this.size.height === 0;
  }
  getSize(): { width: number; height: number } {
    return { ...this.size };
  }
  resize(options: { width?: number; height?: number }): NativeImage {
    return new NativeImage(this.source, {
      width: options.width ?? this.size.width,
      height: options.height ?? this.size.height,
    });
  }
  setTemplateImage(flag: boolean): void {
    this.template = flag;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
}

export const nativeImage = {
  /** Like Electron: a path that cannot be read gives an empty image, not an error. */
  createFromPath(path: string): NativeImage {
    return new NativeImage(path, existsSync(path) ? { width: 32, height: 32 } : { width: 0, height: 0 });
  },
  createEmpty(): NativeImage {
    return new NativeImage('', { width: 0, height: 0 });
  },
  createFromBuffer(buffer: Buffer): NativeImage {
    return new NativeImage('buffer', buffer.length > 0 ? { width: 32, height: 32 } : { width: 0, height: 0 });
  },
};

// ---- screen -----------------------------------------------------------------------------------

export interface Display {
  id: number;
  bounds: Rectangle;
  workArea: Rectangle;
  scaleFactor: number;
}

function overlap(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export const screen = {
  displays: [
    {
      id: 1,
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      scaleFactor: 1,
    },
  ] as Display[],
  cursor: { x: 100, y: 100 },
  getAllDisplays(): Display[] {
    return this.displays.map((display) => structuredClone(display));
  },
  getPrimaryDisplay(): Display {
    return structuredClone(this.displays[0] as Display);
  },
  /** The display the rectangle overlaps most; the nearest one when it overlaps none. */
  getDisplayMatching(rect: Rectangle): Display {
    let best = this.displays[0] as Display;
    let bestArea = -1;
    for (const display of this.displays) {
      const area = overlap(display.bounds, rect);
      if (area > bestArea) {
        best = display;
        bestArea = area;
      }
    }
    if (bestArea > 0) return structuredClone(best);
    return this.getDisplayNearestPoint({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
  },
  getDisplayNearestPoint(point: { x: number; y: number }): Display {
    const distance = (display: Display) => {
      const { x, y, width, height } = display.bounds;
      const dx = Math.max(x - point.x, 0, point.x - (x + width));
      const dy = Math.max(y - point.y, 0, point.y - (y + height));
      return dx * dx + dy * dy;
    };
    return structuredClone([...this.displays].sort((a, b) => distance(a) - distance(b))[0] as Display);
  },
  getCursorScreenPoint(): { x: number; y: number } {
    return { ...this.cursor };
  },
};

// ---- Menu -------------------------------------------------------------------------------------

export interface MenuItemOptions {
  id?: string;
  label?: string;
  role?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  accelerator?: string;
  registerAccelerator?: boolean;
  enabled?: boolean;
  visible?: boolean;
  checked?: boolean;
  click?: (item: MenuItem, window: BrowserWindow | undefined, event: unknown) => void;
  submenu?: MenuItemOptions[] | Menu;
}

export class MenuItem {
  readonly id: string | undefined;
  readonly label: string;
  readonly role: string | undefined;
  readonly type: string;
  readonly accelerator: string | undefined;
  readonly registerAccelerator: boolean;
  enabled: boolean;
  visible: boolean;
  checked: boolean;
  readonly submenu: Menu | undefined;
  private readonly onClick: MenuItemOptions['click'];

  constructor(options: MenuItemOptions) {
    if (!options.label && !options.role && !options.type && !options.submenu) {
      throw new Error('Invalid template for MenuItem: must have at least one of label, role or type');
    }
    this.id = options.id;
    this.label = options.label ?? '';
    this.role = options.role;
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    this.accelerator = options.accelerator;
    this.registerAccelerator = options.registerAccelerator ?? true;
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.checked = options.checked ?? false;
    this.submenu =
      options.submenu instanceof Menu
        ? options.submenu
        : options.submenu
          ? Menu.buildFromTemplate(options.submenu)
          : undefined;
    this.onClick = options.click;
  }

  /** What Electron does when the item is chosen: checkboxes flip first, then `click` runs. */
  click(window?: BrowserWindow): void {
    if (!this.enabled) return;
    if (this.type === 'checkbox') this.checked = !this.checked;
    this.onClick?.(this, window, {});
  }
}

export class Menu {
  static applicationMenu: Menu | null = null;
  readonly items: MenuItem[] = [];

  static buildFromTemplate(template: Array<MenuItemOptions | MenuItem>): Menu {
    const menu = new Menu();
    for (const entry of template) menu.items.push(entry instanceof MenuItem ? entry : new MenuItem(entry));
    return menu;
  }

  static setApplicationMenu(menu: Menu | null): void {
    Menu.applicationMenu = menu;
  }

  static getApplicationMenu(): Menu | null {
    return Menu.applicationMenu;
  }

  getMenuItemById(id: string): MenuItem | null {
    for (const item of this.items) {
      if (item.id === id) return item;
      const inner = item.submenu?.getMenuItemById(id);
      if (inner) return inner;
    }
    return null;
  }

  /** Test helper: the item at a label path, e.g. ['File', 'Sync now']. */
  find(...labels: string[]): MenuItem | null {
    const [first, ...rest] = labels;
    const item = this.items.find((entry) => entry.label === first || entry.role === first);
    if (!item) return null;
    return rest.length === 0 ? item : (item.submenu?.find(...rest) ?? null);
  }

  popup(): void {}
}

// ---- Tray -------------------------------------------------------------------------------------

export class Tray extends EventEmitter {
  static readonly instances: Tray[] = [];
  toolTip = '';
  title = '';
  contextMenu: Menu | null = null;
  private destroyed = false;
  /** What getBounds answers; Linux has no tray geometry and answers zeros. */
  bounds: Rectangle = { x: 0, y: 0, width: 0, height: 0 };

  constructor(public image: NativeImage | string) {
    super();
    assertReady('Tray');
    Tray.instances.push(this);
  }
  setToolTip(text: string): void {
    this.assertAlive();
    this.toolTip = text;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setImage(image: NativeImage | string): void {
    this.image = image;
  }
  setContextMenu(menu: Menu | null): void {
    this.assertAlive();
    this.contextMenu = menu;
  }
  getBounds(): Rectangle {
    return { ...this.bounds };
  }
  popUpContextMenu(): void {}
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  private assertAlive(): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
  }
}

// ---- Notification -----------------------------------------------------------------------------

export class Notification extends EventEmitter {
  static supported = true;
  static readonly instances: Notification[] = [];
  shown = false;
  closed = false;

  constructor(readonly options: { title?: string; body?: string; silent?: boolean; icon?: unknown } = {}) {
    super();
    assertReady('Notification');
    Notification.instances.push(this);
  }

  static isSupported(): boolean {
    return Notification.supported;
  }

  show(): void {
    this.shown = true;
    this.emit('show', {});
  }

  close(): void {
    this.closed = true;
    this.emit('close', {});
  }

  /** What the OS does when the agent clicks the popup. */
  click(): void {
    this.emit('click', {});
  }
}

// ---- safeStorage --------------------------------------------------------------------------------

/**
 * Encryption keyed per "machine": changing `key` is a keychain reset, after which old
 * ciphertext no longer decrypts (as with a real keychain change).
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown',
  key: 7,
  isEncryptionAvailable(): boolean {
    return this.available && app.isReady();
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  encryptString(plainText: string): Buffer {
    if (!this.isEncryptionAvailable())
      throw new Error(
        'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
      );
    const body = Buffer.from(plainText, 'utf8').map((byte) => byte ^ this.key);
    return Buffer.concat([Buffer.from(`v1${this.key}`), body]);
  },
  decryptString(encrypted: Buffer): string {
    const prefix = Buffer.from(`v1${this.key}`);
    if (!Buffer.isBuffer(encrypted) || !encrypted.subarray(0, prefix.length).equals(prefix)) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
    return Buffer.from(encrypted.subarray(prefix.length).map((byte) => byte ^ this.key)).toString('utf8');
  },
};

/** Puts the shared fakes back as a fresh process would have them (windows, trays, menus, app listeners). */
export function resetFakeElectron(): void {
  BrowserWindow.windows.length = 0;
  Tray.instances.length = 0;
  Notification.instances.length = 0;
  Notification.supported = true;
  Menu.applicationMenu = null;
  app.removeAllListeners();
  app.ready = true;
  app.singleInstanceLock = true;
  app.quitCalls = 0;
  app.focusCalls = 0;
  app.protocolClients.clear();
  app.loginItem = { openAtLogin: false, args: [] };
  app.openedAtLogin = false;
  for (const name of Object.keys(app.paths)) delete app.paths[name];
  app.paths.userData = '/tmp/callside-fake-electron';
  app.switches.clear();
  fakePlatform.loginItems = false;
  shell.opened.length = 0;
  session.defaultSession = new FakeSession();
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.key = 7;
}

export default {
  ipcMain,
  ipcRenderer,
  contextBridge,
  session,
  shell,
  BrowserWindow,
  app,
  Tray,
  Menu,
  MenuItem,
  Notification,
  nativeImage,
  screen,
  safeStorage,
};
