import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { rendererDistDir } from '../../src/core/platform/project-paths';
import { expect, test } from './fixtures';
import { screenshot } from './tray/helpers';
import { leadRows, openWorkspace } from './workspace/helpers';

/**
 * The first screen (the lead queue) loads only the scripts index.html names; the tray route
 * and Settings bring their own chunks when they are opened, and still work.
 */

/** The scripts index.html loads up front: the entry module and whatever it preloads. */
function scriptsInIndex(): string[] {
  const html = readFileSync(join(rendererDistDir(), 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((match) => `/${match[1]}`);
}

/** Every script the page requests, by path, in order. */
function watchScripts(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') seen.push(new URL(request.url()).pathname);
  });
  return seen;
}

/**
 * The bridge traffic of the page's socket, in order: `sent <channel>` and `answered <channel>`.
 * Frames are {id, channel, input} out and {type: 'result', id} back (websocket-bridge.ts).
 */
function watchBridge(page: Page): string[] {
  const log: string[] = [];
  page.on('websocket', (socket) => {
    const channels = new Map<number, string>();
    socket.on('framesent', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { id: number; channel: string };
      channels.set(frame.id, frame.channel);
      log.push(`sent ${frame.channel}`);
    });
    socket.on('framereceived', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { type: string; id?: number };
      if (frame.type === 'result' && frame.id !== undefined) log.push(`answered ${channels.get(frame.id)}`);
    });
  });
  return log;
}

test('the first page of leads is asked for first; status, settings and app info only once it is in', async ({
  page,
  served,
}) => {
  test.setTimeout(180_000);
  const bridge = watchBridge(page);
  await openWorkspace(page, served);
  await expect(page.getByRole('status', { name: 'Workspace: Demo workspace' })).toBeVisible();
  expect(bridge[0]).toBe('sent leads.list');
  const firstPage = bridge.indexOf('answered leads.list');
  expect(firstPage).toBeGreaterThan(0);
  for (const secondary of ['sync.status', 'settings.get', 'account.providers', 'app.info', 'account.status']) {
    expect(bridge.indexOf(`sent ${secondary}`), secondary).toBeGreaterThan(firstPage);
  }
});

test('the queue loads without the lazy chunks; the tray route and Settings fetch theirs and work', async ({
  page,
  served,
}) => {
  test.setTimeout(180_000);
  const upFront = scriptsInIndex();
  expect(upFront.length).toBeGreaterThan(0);
  const scripts = watchScripts(page);

  await openWorkspace(page, served);
  // The badge comes from the loads that wait for the first page: by now the start is over.
  await expect(page.getByRole('status', { name: 'Workspace: Demo workspace' })).toBeVisible();
  await expect(leadRows(page).first()).toBeVisible();
  expect(scripts.filter((path) => !upFront.includes(path))).toEqual([]);

  // Settings: a chunk of its own, loaded when opened.
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('host-kind')).toHaveText('Browser host');
  const settingsChunks = scripts.filter((path) => !upFront.includes(path));
  expect(settingsChunks.length).toBeGreaterThan(0);

  // The tray route, in the same browser session: its chunk is fetched now, and the tray works.
  await page.goto(`${served.origin}/tray`);
  await expect(page.getByRole('tab', { name: 'Today' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Trend' }).click();
  await expect(page.getByRole('list', { name: /, last 7 days$/ }).getByRole('button')).toHaveCount(7);
  const trayChunks = scripts.filter((path) => !upFront.includes(path) && !settingsChunks.includes(path));
  expect(trayChunks.length).toBeGreaterThan(0);
  await screenshot(page, 'app-bundle-tray-trend');
});
