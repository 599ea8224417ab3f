import type { BrowserWindow, Rectangle } from 'electron';

/**
 * The main window comes back where the agent left it: bounds (the un-maximized ones) and the
 * maximized flag, kept in electron-store. Bounds that no longer fit any display (a monitor was
 * unplugged) are dropped for the default size, centred.
 */

export interface WindowState {
  bounds: Rectangle | null;
  maximized: boolean;
}

/** The part of electron-store this needs; tests hand in a Map-backed one. */
export interface WindowStateStore {
  get(key: 'mainWindow'): unknown;
  set(key: 'mainWindow', value: WindowState): void;
}

/** At least this much of the window's width and height must land on one display's work area. */
const MIN_VISIBLE = 64;
const SAVE_DELAY_MS = 400;

export function readWindowState(store: WindowStateStore): WindowState {
  const raw = store.get('mainWindow') as Partial<WindowState> | undefined;
  const bounds = raw?.bounds;
  const valid =
    bounds !== null &&
    typeof bounds === 'object' &&
    [bounds.x, bounds.y, bounds.width, bounds.height].every((n) => Number.isFinite(n)) &&
    bounds.width > 0 &&
    bounds.height > 0;
  return { bounds: valid ? { ...bounds } : null, maximized: raw?.maximized === true };
}

/** The saved bounds when they are still visible on one of these work areas; null otherwise. */
export function visibleBounds(bounds: Rectangle | null, workAreas: readonly Rectangle[]): Rectangle | null {
  if (!bounds) return null;
  const fits = workAreas.some((area) => {
    const width = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const height = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
    return width >= Math.min(MIN_VISIBLE, bounds.width) && height >= Math.min(MIN_VISIBLE, bounds.height);
  });
  return fits ? bounds : null;
}

/** Saves the window's state after it moves or resizes (debounced) and when it closes. */
export function trackWindowState(window: BrowserWindow, store: WindowStateStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed() || window.isMinimized()) return;
    store.set('mainWindow', { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  const events = ['resize', 'move', 'maximize', 'unmaximize'] as const;
  for (const name of events) window.on(name as 'resize', later);
  window.on('close', save);
  return () => {
    if (timer) clearTimeout(timer);
    for (const name of events) window.off(name as 'resize', later);
    window.off('close', save);
  };
}
