import type { App } from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Passed when the system starts Callside at login: it starts in the tray, without a window. */
export const HIDDEN_FLAG = '--hidden';

export interface LoginItemTarget {
  platform: NodeJS.Platform;
  /** The executable (Electron itself in a development run). */
  execPath: string;
  /** `electron .` in development: the app folder to pass it. */
  defaultApp?: boolean;
  appPath?: string;
  /** Linux: where XDG autostart entries live (~/.config/autostart). */
  autostartDir?: string;
}

/**
 * "Launch at login". macOS and Windows have it in Electron (app.setLoginItemSettings); Linux
 * desktops read XDG autostart entries, so there Callside writes (or removes) its own.
 */
export function applyLoginItem(
  app: Pick<App, 'setLoginItemSettings'>,
  enabled: boolean,
  target: LoginItemTarget,
): void {
  const args = [...(target.defaultApp && target.appPath ? [resolve(target.appPath)] : []), HIDDEN_FLAG];
  if (target.platform === 'darwin' || target.platform === 'win32') {
    app.setLoginItemSettings({ openAtLogin: enabled, path: target.execPath, args });
    return;
  }
  const dir = target.autostartDir ?? defaultAutostartDir();
  const file = join(dir, 'callside.desktop');
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, autostartEntry([target.execPath, ...args]), { mode: 0o644 });
}

/** Whether this run was started by the login item (and should stay in the tray). */
export function startedAtLogin(
  app: Pick<App, 'getLoginItemSettings'>,
  platform: NodeJS.Platform,
  argv: readonly string[],
): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}

function defaultAutostartDir(): string {
  const config = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'autostart');
}

/** An XDG desktop entry; Exec arguments quoted as the Desktop Entry spec asks. */
export function autostartEntry(command: readonly string[]): string {
  // "%" starts a field code in Exec, so a literal one is doubled.
  const quote = (raw: string) => {
    const arg = raw.replace(/%/g, '%%');
    return /^[\w@+=:,./-]+$/.test(arg) ? arg : `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
  };
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Callside',
    'Comment=Tray metrics, notifications and screen pop for call-center agents',
    `Exec=${command.map(quote).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
