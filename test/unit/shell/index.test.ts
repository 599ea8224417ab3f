import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveDataDir } from '../../../src/core/platform/data-dir';
import { IPC_EVENT } from '../../../src/shared/contract/envelope';
import type * as fakeElectron from '../../fakes/electron';

type FakeElectron = typeof fakeElectron;

/**
 * src/main/index.ts as Electron runs it: the single-instance lock, the callside: registration,
 * and links from later starts reaching the running app. Each test loads a fresh copy of the
 * app and of the fake electron module it talks to.
 */
describe('desktop entry point', () => {
  beforeEach(() => {
    vi.resetModules();
    // The app takes its data folder from here, as the CLI does; never the real one in a test.
    vi.stubEnv('CALLSIDE_DATA_DIR', mkdtempSync(join(tmpdir(), 'callside-userdata-')));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
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

  describe.runIf(process.platform === 'linux' || process.platform === 'win32')('one data folder', () => {
    /** A fresh platform app-data root, as Electron and resolveDataDir both read it. */
    const appDataRoot = (fake: FakeElectron) => {
      const root = mkdtempSync(join(tmpdir(), 'callside-appdata-'));
      vi.stubEnv('CALLSIDE_DATA_DIR', '');
      vi.stubEnv('XDG_CONFIG_HOME', root);
      vi.stubEnv('APPDATA', root);
      fake.app.paths.appData = root;
      // Electron's own default, <appData>/<package name>, until the app says otherwise.
      delete fake.app.paths.userData;
      return root;
    };

    const startAndQuit = async (fake: FakeElectron) => {
      await import('../../../src/main/index');
      await vi.waitFor(() => expect(fake.Tray.instances).toHaveLength(1), { timeout: 20_000 });
      fake.app.quit();
    };

    it('the desktop app keeps its data in the folder the CLI resolves', async () => {
      const fake = await import('../../fakes/electron');
      const root = appDataRoot(fake);
      await startAndQuit(fake);
      expect(resolveDataDir()).toBe(join(root, 'Callside'));
      expect(fake.app.getPath('userData')).toBe(resolveDataDir());
      expect(existsSync(join(resolveDataDir(), 'secrets-desktop.json'))).toBe(true);
      expect(existsSync(join(root, 'callside'))).toBe(false);
    });

    it('CALLSIDE_DATA_DIR moves the desktop app as it moves the CLI', async () => {
      const fake = await import('../../fakes/electron');
      appDataRoot(fake);
      const chosen = join(mkdtempSync(join(tmpdir(), 'callside-chosen-')), 'data');
      vi.stubEnv('CALLSIDE_DATA_DIR', chosen);
      await startAndQuit(fake);
      expect(fake.app.getPath('userData')).toBe(chosen);
      expect(resolveDataDir()).toBe(chosen);
      expect(existsSync(join(chosen, 'secrets-desktop.json'))).toBe(true);
    });

    it('a desktop user of the old lower-case folder keeps account, key and cache', async () => {
      const fake = await import('../../fakes/electron');
      const root = appDataRoot(fake);
      const legacy = join(root, 'callside');
      mkdirSync(join(legacy, 'cache'), { recursive: true });
      const account = {
        provider: 'hotprospector',
        api: 'v2',
        uid: '4242',
        baseUrl: 'https://service.hookscall.com/glu/api/v2',
        timezone: 'America/Chicago',
      };
      writeFileSync(join(legacy, 'settings.json'), JSON.stringify({ account, timezone: account.timezone }));
      const sealed = fake.safeStorage.encryptString('desktop-key').toString('base64');
      writeFileSync(
        join(legacy, 'secrets.json'),
        JSON.stringify({ version: 1, ciphertext: { 'hotprospector.apiKey': sealed } }),
        { mode: 0o644 },
      );
      writeFileSync(join(legacy, 'cache', 'queued-changes.marker'), 'pending');

      await startAndQuit(fake);
      const shared = resolveDataDir();
      expect(fake.app.getPath('userData')).toBe(shared);
      expect(existsSync(legacy)).toBe(false);
      expect(JSON.parse(readFileSync(join(shared, 'settings.json'), 'utf8')).account).toEqual(account);
      const secrets = JSON.parse(readFileSync(join(shared, 'secrets-desktop.json'), 'utf8'));
      expect(secrets.ciphertext['hotprospector.apiKey']).toBe(sealed);
      expect(readFileSync(join(shared, 'cache', 'queued-changes.marker'), 'utf8')).toBe('pending');
    });
  });
});
