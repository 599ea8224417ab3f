import type { App } from 'electron';
import { existsSync, mkdirSync, readlinkSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { APP_FOLDER, resolveDataDir } from '../core/platform/data-dir';

/**
 * The folder the desktop app used before it had a productName: Electron named it after the npm
 * package, `callside`. On macOS and Windows that is the same folder as `Callside` (the file
 * systems ignore case); on Linux it is a different one.
 */
export const LEGACY_DESKTOP_FOLDER = 'callside';

/**
 * Points Electron's userData at the one data folder every host uses (resolveDataDir: the
 * `--user-data-dir` switch, else CALLSIDE_DATA_DIR, else `<appData>/Callside`), so the desktop
 * app and the CLI share one cache and one account. Must run before anything reads userData:
 * the single-instance lock, Chromium's profile and the stores all live there.
 */
export function useSharedDataFolder(
  app: Pick<App, 'setPath'> & { commandLine: Pick<App['commandLine'], 'getSwitchValue'> },
  env: NodeJS.ProcessEnv = process.env,
): string {
  const flag = app.commandLine.getSwitchValue('user-data-dir') || undefined;
  const dataDir = resolveDataDir(flag, env);
  // Only the platform default had a differently named predecessor.
  if (!flag && !env.CALLSIDE_DATA_DIR) adoptLegacyFolder(dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  app.setPath('userData', dataDir);
  return dataDir;
}

/**
 * Linux: a desktop user's account, key and cache (with changes still waiting to be sent) are in
 * `~/.config/callside`. Renamed to the shared folder when that does not exist yet, so nobody is
 * signed out and no queued change is stranded. Left alone when both exist (the CLI already
 * made the new one), or while an older Callside still runs from it.
 */
function adoptLegacyFolder(dataDir: string): void {
  if (!dataDir.endsWith(APP_FOLDER)) return;
  const legacy = join(dirname(dataDir), LEGACY_DESKTOP_FOLDER);
  if (!existsSync(legacy) || existsSync(dataDir)) return;
  // A case-insensitive file system answers "exists" for dataDir already; this is the other case.
  if (!statSync(legacy).isDirectory() || runningFrom(legacy)) return;
  try {
    renameSync(legacy, dataDir);
  } catch {
    // Another start won the race, or the folder is busy: start fresh in the shared folder.
  }
}

/** Chromium's Linux/macOS single-instance lock: a symlink to "<host>-<pid>" while the app runs. */
function runningFrom(folder: string): boolean {
  let target: string;
  try {
    target = readlinkSync(join(folder, 'SingletonLock'));
  } catch {
    return false;
  }
  const pid = Number(target.slice(target.lastIndexOf('-') + 1));
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
