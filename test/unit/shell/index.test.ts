import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT } from '../../../src/shared/contract/envelope';

/**
 * src/main/index.ts as Electron runs it: the single-instance lock, the callside: registration,
 * and links from later starts reaching the running app. Each test loads a fresh copy of the
 * app and of the fake electron module it talks to.
 */
describe('desktop entry point', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('a second instance hands its argv over and quits before building anything', async () => {
    const fake = await import('../../fakes/electron');
    fake.app.singleInstanceLock = false;
    await import('../../../src/main/index');
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.app.protocolClients.size).toBe(0);
    expect(fake.BrowserWindow.getAllWindows()).toEqual([]);
  });

  it('the first instance registers callside:, builds the shell when ready, and pops numbers from later starts', async () => {
    const fake = await import('../../fakes/electron');
    fake.app.paths.userData = mkdtempSync(join(tmpdir(), 'callside-userdata-'));
    await import('../../../src/main/index');
    expect(fake.app.protocolClients.has('callside')).toBe(true);
    await vi.waitFor(() => expect(fake.Tray.instances).toHaveLength(1));
    const [main] = fake.BrowserWindow.getAllWindows();

    fake.app.emit('second-instance', {}, ['/opt/Callside/callside', 'callside://pop?phone=555-010-9999'], '/');
    await vi.waitFor(
      () => {
        const pops = (main?.webContents.sent ?? []).filter(
          (m) => m.channel === IPC_EVENT && (m.args[0] as { event: string }).event === 'pop',
        );
        expect(pops).toHaveLength(1);
      },
      { timeout: 20_000 },
    );
    await vi.waitFor(() => {
      const metrics = fake.BrowserWindow.getAllWindows().find((w) => w.loadedUrl?.endsWith('#/tray'));
      expect(metrics?.isVisible()).toBe(true);
    });

    // A plain second start brings the hidden main window back.
    main?.close();
    expect(main?.isVisible()).toBe(false);
    fake.app.emit('second-instance', {}, ['/opt/Callside/callside'], '/');
    expect(main?.isVisible()).toBe(true);

    fake.app.quit();
    expect(fake.BrowserWindow.getAllWindows()).toEqual([]);
  });
});
