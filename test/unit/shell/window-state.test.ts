import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, resetFakeElectron } from '../../fakes/electron';
import {
  readWindowState,
  trackWindowState,
  visibleBounds,
  type WindowState,
  type WindowStateStore,
} from '../../../src/main/window-state';

/** The main window comes back where the agent left it, never off-screen. */

function memoryStore(initial?: unknown): WindowStateStore & { value: unknown } {
  const store = {
    value: initial,
    get: () => store.value,
    set: (_key: 'mainWindow', value: WindowState) => {
      store.value = structuredClone(value);
    },
  };
  return store;
}

const AREA = { x: 0, y: 0, width: 1920, height: 1040 };

describe('window state', () => {
  beforeEach(() => {
    resetFakeElectron();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('reads saved bounds and the maximized flag, and drops a damaged entry', () => {
    expect(
      readWindowState(memoryStore({ bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true })),
    ).toEqual({
      bounds: { x: 10, y: 20, width: 900, height: 700 },
      maximized: true,
    });
    for (const broken of [
      undefined,
      'x',
      { bounds: { x: 'a', y: 0, width: 1, height: 1 } },
      { bounds: { x: 0, y: 0, width: -5, height: 10 } },
    ]) {
      expect(readWindowState(memoryStore(broken))).toEqual({ bounds: null, maximized: false });
    }
  });

  it('keeps bounds that are still on a display and drops those of an unplugged monitor', () => {
    const second = { x: 1920, y: 0, width: 2560, height: 1400 };
    const onSecond = { x: 2400, y: 100, width: 1000, height: 800 };
    expect(visibleBounds(onSecond, [AREA, second])).toEqual(onSecond);
    expect(visibleBounds(onSecond, [AREA])).toBeNull();
    // Mostly off the left edge but with a grabbable strip left: kept.
    expect(visibleBounds({ x: -900, y: 50, width: 1000, height: 700 }, [AREA])).not.toBeNull();
    expect(visibleBounds({ x: -990, y: 50, width: 1000, height: 700 }, [AREA])).toBeNull();
    expect(visibleBounds(null, [AREA])).toBeNull();
  });

  it('saves the un-maximized bounds after moves (debounced) and when the window closes', () => {
    const store = memoryStore();
    const window = new BrowserWindow({ width: 1200, height: 800, x: 100, y: 80 });
    trackWindowState(window as never, store);
    window.setBounds({ x: 140, y: 90 });
    window.setBounds({ width: 1000 });
    expect(store.value).toBeUndefined();
    vi.advanceTimersByTime(500);
    expect(store.value).toEqual({ bounds: { x: 140, y: 90, width: 1000, height: 800 }, maximized: false });

    window.maximize();
    window.close();
    expect(store.value).toEqual({ bounds: { x: 140, y: 90, width: 1000, height: 800 }, maximized: true });
  });

  it('does not save the geometry of a minimized window', () => {
    const store = memoryStore({ bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: false });
    const window = new BrowserWindow({ width: 800, height: 600, x: 1, y: 2 });
    trackWindowState(window as never, store);
    window.minimize();
    window.close();
    expect(store.value).toEqual({ bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: false });
  });
});
