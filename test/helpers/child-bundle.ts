import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * A test's child process (a second Callside process on the same cache), bundled once with
 * esbuild (what tsx runs on) so each spawn starts in a fraction of the time tsx needs to
 * transpile it again. It lives under node_modules so that Node finds the native sqlite3 module.
 */
export interface ChildBundle {
  path: string;
  remove(): void;
}

export async function bundleChild(source: URL): Promise<ChildBundle> {
  const path = fileURLToPath(
    new URL(`../../node_modules/.cache/callside-tests/child-${randomUUID()}.mjs`, import.meta.url),
  );
  await build({
    entryPoints: [fileURLToPath(source)],
    outfile: path,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['sqlite3'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  return { path, remove: () => rmSync(path, { force: true }) };
}
