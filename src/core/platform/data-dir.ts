import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'Callside';

/**
 * `--data-dir`, else CALLSIDE_DATA_DIR, else the platform's app-data folder for "Callside".
 * The desktop app sets its userData to what this returns (src/main/data-folder.ts, with
 * `--user-data-dir` as the flag), so the CLI and the desktop app share one cache and one
 * account. Each host keeps its own secrets file in it.
 */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.CALLSIDE_DATA_DIR) return env.CALLSIDE_DATA_DIR;
  return join(platformAppDataRoot(env), APP_FOLDER);
}

function platformAppDataRoot(env: NodeJS.ProcessEnv): string {
  switch (process.platform) {
    case 'win32':
      return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support');
    default:
      return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  }
}
