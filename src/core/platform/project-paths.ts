import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout (or installed package) root: the nearest folder above this module whose
 * package.json is Callside's. Works from src/ under tsx and from out/ after a build.
 */
export function findProjectRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readName(manifest) === 'callside') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Callside project root above ' + from);
    dir = parent;
  }
}

function readName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

export const rendererDistDir = (root = findProjectRoot()): string => join(root, 'out', 'renderer');
