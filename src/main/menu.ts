import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Its accelerators are the app-wide shortcuts; the workspace's own keys
 * (handled in the page, so they never fire while the agent types) are listed under Help with
 * `registerAccelerator: false`, shown for discovery without the menu taking the key.
 */

export interface MenuActions {
  showMain(): void;
  toggleMetrics(): void;
  syncNow(): void;
  setDoNotDisturb(on: boolean): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  doNotDisturb: boolean;
  actions: MenuActions;
}

/** Keys the workspace page handles itself (src/renderer/src/app/shortcuts.ts). */
export const WORKSPACE_KEYS: ReadonlyArray<{ label: string; key: string }> = [
  { label: 'Search leads', key: '/' },
  { label: 'Next in the list (also J)', key: 'Down' },
  { label: 'Previous in the list (also K)', key: 'Up' },
  { label: 'Open the selected lead', key: 'Enter' },
  { label: 'Open the next lead', key: 'N' },
  { label: 'Edit tags', key: 'T' },
  { label: 'Write a note', key: 'E' },
  { label: 'Back', key: 'Esc' },
];

export function appMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const { actions } = options;
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: [
        { label: 'Show Callside', accelerator: 'CmdOrCtrl+1', click: () => actions.showMain() },
        { label: "Today's metrics", accelerator: 'CmdOrCtrl+Shift+M', click: () => actions.toggleMetrics() },
        { label: 'Sync now', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.syncNow() },
        { type: 'separator' },
        {
          id: 'do-not-disturb',
          label: 'Do not disturb',
          type: 'checkbox',
          accelerator: 'CmdOrCtrl+Shift+D',
          checked: options.doNotDisturb,
          click: (item) => actions.setDoNotDisturb(item.checked),
        },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', label: 'Quit Callside', accelerator: 'Ctrl+Q' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(options.isPackaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'Keyboard shortcuts',
          submenu: WORKSPACE_KEYS.map(({ label, key }) => ({
            label,
            accelerator: key,
            registerAccelerator: false,
            enabled: false,
          })),
        },
      ],
    },
  );
  return template;
}
