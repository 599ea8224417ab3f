import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { detectElectronBinary } from '../../src/main/core/platform/electron-binary';

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
