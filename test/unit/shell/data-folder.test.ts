import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { app, resetFakeElectron } from '../../fakes/electron';
import { resolveDataDir } from '../../../src/core/platform/data-dir';
import { useSharedDataFolder } from '../../../src/main/data-folder';

/**
 * Where the desktop app keeps its data: the folder resolveDataDir gives the CLI, whatever
 * Electron would have picked; and a Linux desktop user's old `callside` folder comes along.
 */
describe.runIf(process.platform === 'linux')('the desktop data folder', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    resetFakeElectron();
    root = mkdtempSync(join(tmpdir(), 'callside-appdata-'));
    env = { XDG_CONFIG_HOME: root };
    app.paths.appData = root;
    delete app.paths.userData;
  });

  const legacyWith = (file: string, text: string): string => {
    const legacy = join(root, 'callside');
    mkdirSync(legacy, { recursive: true });
    writeFileSync(join(legacy, file), text);
    return legacy;
  };

  it('is the CLI folder, created owner-only, and Electron is told before anything reads it', () => {
    const dir = useSharedDataFolder(app, env);
    expect(dir).toBe(resolveDataDir(undefined, env));
    expect(dir).toBe(join(root, 'Callside'));
    expect(app.getPath('userData')).toBe(dir);
  });

  it('follows --user-data-dir as the CLI follows --data-dir, and then leaves the old folder alone', () => {
    const legacy = legacyWith('settings.json', '{}');
    const chosen = join(mkdtempSync(join(tmpdir(), 'callside-switch-')), 'profile');
    app.switches.set('user-data-dir', chosen);
    expect(useSharedDataFolder(app, env)).toBe(chosen);
    expect(app.getPath('userData')).toBe(chosen);
    expect(existsSync(join(legacy, 'settings.json'))).toBe(true);
  });

  it('moves the old folder in when the shared one does not exist yet', () => {
    const legacy = legacyWith('settings.json', '{"timezone":"Europe/Oslo"}');
    const dir = useSharedDataFolder(app, env);
    expect(existsSync(legacy)).toBe(false);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe('{"timezone":"Europe/Oslo"}');
  });

  it('leaves the old folder alone when the CLI already made the shared one', () => {
    const legacy = legacyWith('settings.json', '{"timezone":"Europe/Oslo"}');
    mkdirSync(join(root, 'Callside'));
    writeFileSync(join(root, 'Callside', 'settings.json'), '{"timezone":"Asia/Tokyo"}');
    const dir = useSharedDataFolder(app, env);
    expect(readFileSync(join(legacy, 'settings.json'), 'utf8')).toBe('{"timezone":"Europe/Oslo"}');
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe('{"timezone":"Asia/Tokyo"}');
  });

  it('does not pull the folder from under an older Callside that is still running', () => {
    const legacy = legacyWith('settings.json', '{}');
    // Chromium's lock while that instance runs: a symlink to "<host>-<pid>" (this live process).
    symlinkSync(`${hostname()}-${process.pid}`, join(legacy, 'SingletonLock'));
    const dir = useSharedDataFolder(app, env);
    expect(existsSync(join(legacy, 'settings.json'))).toBe(true);
    expect(existsSync(join(dir, 'settings.json'))).toBe(false);
  });

  it('moves it when the lock is stale (that process is gone)', () => {
    const legacy = legacyWith('settings.json', '{}');
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    symlinkSync(`${hostname()}-${gone}`, join(legacy, 'SingletonLock'));
    const dir = useSharedDataFolder(app, env);
    expect(existsSync(legacy)).toBe(false);
    expect(existsSync(join(dir, 'settings.json'))).toBe(true);
  });
});
