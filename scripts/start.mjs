#!/usr/bin/env node
// `npm start`: build, make sure the Electron binary exists, launch the desktop app; where the
// binary cannot be had (no access to its download host), serve the same app in the browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

function electronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

run(process.execPath, [
  join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
  'build',
  '--logLevel',
  'warn',
]);

let binary = electronBinary();
if (!binary) {
  // electron's own installer; quiet, because where it cannot download its stack trace helps nobody.
  const installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  const install = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8', timeout: 5 * 60_000 });
  binary = electronBinary();
  if (!binary) {
    const reason =
      `${install.stderr ?? ''}`
        .split('\n')
        .find((line) => /error/i.test(line))
        ?.trim() ?? 'download failed';
    console.log(`Electron binary unavailable (${reason.slice(0, 160)}); serving Callside in your browser instead.`);
  }
}

const args = process.argv.slice(2);
forward(
  binary
    ? spawn(binary, [root, ...args], { cwd: root, stdio: 'inherit' })
    : spawn(process.execPath, [join(root, 'out', 'main', 'cli.js'), 'serve', '--demo', ...args], {
        cwd: root,
        stdio: 'inherit',
      }),
);
