import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base } from '@playwright/test';

export interface ServedApp {
  /** The URL exactly as printed, token included. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** The Demo workspace's simulator (`--demo-port`): its /__sandbox control endpoints live here. */
  sandboxUrl: string;
}

/**
 * Runs `callside serve --demo` the way a person would, from this checkout, and reads the one
 * line it prints. One host per worker; each test gets a fresh page. The demo simulator gets a
 * known port so tests can reach its control surface (faults, info).
 */
export const test = base.extend<object, { served: ServedApp }>({
  served: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern.
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'callside-e2e-'));
      const demoPort = await freePort();
      const child = spawn(
        'npm',
        [
          'run',
          '--silent',
          'callside',
          '--',
          '--data-dir',
          dataDir,
          'serve',
          '--demo',
          '--demo-port',
          String(demoPort),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
      );
      try {
        const line = await firstLine(child);
        const url = line.match(/http:\/\/127\.0\.0\.1:\d+\/\S*token=\S+/)?.[0];
        if (!url) throw new Error(`serve printed no URL: ${line}`);
        const parsed = new URL(url);
        await use({
          url,
          origin: parsed.origin,
          token: parsed.searchParams.get('token') ?? '',
          dataDir,
          sandboxUrl: `http://127.0.0.1:${demoPort}`,
        });
      } finally {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      }
    },
    { scope: 'worker' },
  ],
});

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`callside serve exited early with code ${code}`)));
  });
}

/** A port the OS just handed out and released: free for the simulator a moment later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export { expect } from '@playwright/test';
