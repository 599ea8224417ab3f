import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { detectElectronBinary } from '../../src/core/platform/electron-binary';

const binary = detectElectronBinary();

test('the desktop app opens the Demo workspace and reads app info over IPC', async () => {
  // Fails loudly instead of skipping: running this suite without the binary is a setup error.
  expect(binary.present, binary.detail).toBe(true);
  const userData = mkdtempSync(join(tmpdir(), 'callside-electron-'));
  const app = await electron.launch({
    executablePath: binary.path ?? undefined,
    args: ['.', `--user-data-dir=${userData}`],
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('host-kind')).toHaveText('Desktop app');
    await expect(window.getByRole('status', { name: 'Workspace: Demo workspace' })).toBeVisible();
    const exposed = await window.evaluate(() => Object.keys((window as unknown as { callside: object }).callside));
    expect(exposed.sort()).toEqual(['invoke', 'on']);
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
  }
});

test('a callside:// pop from a second start brings up the tray window with the caller card', async () => {
  expect(binary.present, binary.detail).toBe(true);
  const userData = mkdtempSync(join(tmpdir(), 'callside-electron-'));
  const app = await electron.launch({
    executablePath: binary.path ?? undefined,
    args: ['.', `--user-data-dir=${userData}`],
  });
  try {
    const main = await app.firstWindow();
    await expect(main.getByRole('status', { name: 'Workspace: Demo workspace' })).toBeVisible();
    expect(await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label))).toContain(
      'File',
    );

    // What Electron hands the running app when the softphone opens a link (Windows, Linux).
    const trayWindow = app.waitForEvent('window');
    await app.evaluate(({ app: electronApp }) => {
      electronApp.emit('second-instance', {}, ['callside', 'callside://pop?phone=555-010-9999'], process.cwd());
    });
    const tray = await trayWindow;
    expect(tray.url()).toMatch(/#\/tray$/);
    const card = tray.getByRole('region', { name: 'Screen pop' });
    await expect(card).toContainText('+15550109999');
    await expect(card.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(tray.getByRole('tab', { name: 'Today' })).toBeVisible();
    // The tray window is as locked down as the main one.
    expect(await tray.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await tray.evaluate(() => Object.keys((window as unknown as { callside: object }).callside).sort())).toEqual(
      ['invoke', 'on'],
    );
  } finally {
    await app.close();
  }
});
