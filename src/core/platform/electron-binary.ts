import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ElectronBinaryStatus {
  present: boolean;
  path: string | null;
  detail: string;
}

/**
 * Finds the Electron binary the way the `electron` package would, without requiring that
 * package: its index.js tries to download the binary as a side effect, which on a machine
 * without access to the download host is slow and noisy.
 */
export function detectElectronBinary(): ElectronBinaryStatus {
  if (process.versions.electron) {
    return { present: true, path: process.execPath, detail: `Running inside Electron ${process.versions.electron}.` };
  }
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { present: false, path: null, detail: 'The electron package is not installed.' };
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(packageDir, 'path.txt');
  if (!override && !existsSync(pathFile)) {
    return {
      present: false,
      path: null,
      detail: 'The electron package is installed without its binary (its download script did not run).',
    };
  }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = override ? join(override, relative) : join(packageDir, 'dist', relative);
  return existsSync(binary)
    ? { present: true, path: binary, detail: `Electron binary at ${binary}.` }
    : { present: false, path: null, detail: `The Electron binary is missing (expected at ${binary}).` };
}
