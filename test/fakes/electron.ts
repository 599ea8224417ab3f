/**
 * A stand-in for the `electron` module, for the one part of the system that cannot exist on
 * this machine: the Electron binary. It models just what the shell uses, with Electron's own
 * rules where they matter (one handler per channel, handlers see the sender frame).
 */
import { EventEmitter } from 'node:events';

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
    this.sent.push({ channel, args: args.map((arg) => structuredClone(arg)) });
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

export class FakeSession {
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

export class BrowserWindow extends EventEmitter {
  static readonly windows: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;

  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    BrowserWindow.windows.push(this);
  }

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.windows;
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }

  show(): void {}
}

export const app = new (class extends EventEmitter {
  isPackaged = false;
  getPath(): string {
    return '/tmp/callside-fake-electron';
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  quit(): void {}
})();

export default { ipcMain, ipcRenderer, contextBridge, session, shell, BrowserWindow, app };
