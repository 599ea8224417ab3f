import { beforeEach, describe, expect, it } from 'vitest';
import { Menu, resetFakeElectron } from '../../fakes/electron';
import { appMenuTemplate, WORKSPACE_KEYS, type MenuActions } from '../../../src/main/menu';

/** The application menu: app-wide shortcuts as accelerators, the workspace's keys listed only. */

function build(platform: NodeJS.Platform, isPackaged = true) {
  const log: string[] = [];
  const actions: MenuActions = {
    showMain: () => log.push('showMain'),
    toggleMetrics: () => log.push('toggleMetrics'),
    syncNow: () => log.push('syncNow'),
    setDoNotDisturb: (on) => log.push(`dnd:${on}`),
  };
  const menu = Menu.buildFromTemplate(appMenuTemplate({ platform, isPackaged, doNotDisturb: false, actions }) as never);
  return { menu, log };
}

describe('application menu', () => {
  beforeEach(() => resetFakeElectron());

  it('offers the app-wide actions with their shortcuts', () => {
    const { menu, log } = build('linux');
    const file = (label: string) => menu.find('File', label);
    expect(file('Show Callside')?.accelerator).toBe('CmdOrCtrl+1');
    expect(file("Today's metrics")?.accelerator).toBe('CmdOrCtrl+Shift+M');
    expect(file('Sync now')?.accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(file('Do not disturb')?.accelerator).toBe('CmdOrCtrl+Shift+D');
    expect(file('Quit Callside')?.accelerator).toBe('Ctrl+Q');
    for (const label of ['Show Callside', "Today's metrics", 'Sync now', 'Do not disturb']) file(label)?.click();
    expect(log).toEqual(['showMain', 'toggleMetrics', 'syncNow', 'dnd:true']);
  });

  it('keeps copy and paste working (Edit roles) and zoom for readability', () => {
    const { menu } = build('linux');
    expect(
      menu
        .find('Edit')
        ?.submenu?.items.map((item) => item.role)
        .filter(Boolean),
    ).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(menu.find('View', 'zoomIn')).not.toBeNull();
  });

  it('lists the workspace keys without taking them from the page', () => {
    const { menu } = build('linux');
    const keys = menu.find('help', 'Keyboard shortcuts')?.submenu?.items ?? [];
    expect(keys.map((item) => [item.label, item.accelerator])).toEqual(WORKSPACE_KEYS.map((k) => [k.label, k.key]));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((item) => item.registerAccelerator === false && item.enabled === false)).toBe(true);
  });

  it('has the macOS app menu there, and developer tools only outside a packaged build', () => {
    expect(build('darwin').menu.items[0]?.role).toBe('appMenu');
    expect(build('linux').menu.items[0]?.label).toBe('File');
    expect(build('linux', true).menu.find('View', 'toggleDevTools')).toBeNull();
    expect(build('linux', false).menu.find('View', 'toggleDevTools')).not.toBeNull();
  });
});
