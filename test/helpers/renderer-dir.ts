import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './core';

/**
 * A tiny stand-in for `out/renderer` so host tests do not depend on a prior build; the E2E
 * suite serves the real built renderer.
 */
export function fakeRendererDir(): string {
  const dir = tempDir('callside-renderer-');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Callside</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("app")');
  return dir;
}
