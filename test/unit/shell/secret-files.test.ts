import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetFakeElectron, safeStorage } from '../../fakes/electron';
import { createNodeSecretStore, NODE_SECRETS_FILE } from '../../../src/core/settings/node-secret-store';
import { createElectronSecretStore, DESKTOP_SECRETS_FILE } from '../../../src/main/secrets';
import { createElectronSettingsStore } from '../../../src/main/settings';
import { tempDir } from '../../helpers/core';

/**
 * The files that hold the account on disk: owner-only in the desktop app as in the CLI, and one
 * secrets file per host, so the two hosts sharing one data folder never read or overwrite each
 * other's key.
 */

const modeOf = (path: string) => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';

describe.runIf(posix)('desktop files are owner-only', () => {
  beforeEach(() => resetFakeElectron());

  it('the secrets file is 0600 from its first write on, with no temp file left behind', () => {
    const dir = tempDir();
    const store = createElectronSecretStore(dir);
    store.set('hotprospector.apiKey', 'live-key-1234567890');
    expect(modeOf(join(dir, DESKTOP_SECRETS_FILE))).toBe(0o600);
    store.set('hotprospector.v2Tokens', '{"refreshToken":"r"}');
    store.delete('hotprospector.v2Tokens');
    store.clear();
    expect(modeOf(join(dir, DESKTOP_SECRETS_FILE))).toBe(0o600);
    expect(readdirSync(dir).filter((name) => name.includes('tmp'))).toEqual([]);
  });

  it('a secrets file an older version left at 0644 is tightened on start, before any write', () => {
    const dir = tempDir();
    createElectronSecretStore(dir).set('hotprospector.apiKey', 'live-key-1234567890');
    chmodSync(join(dir, DESKTOP_SECRETS_FILE), 0o644);
    const store = createElectronSecretStore(dir);
    expect(modeOf(join(dir, DESKTOP_SECRETS_FILE))).toBe(0o600);
    expect(store.get('hotprospector.apiKey')).toBe('live-key-1234567890');
  });

  it('the settings file is 0600 after an update, and a looser one is tightened on start', () => {
    const dir = tempDir();
    const settings = createElectronSettingsStore(dir);
    settings.update({ timezone: 'Europe/Paris' });
    expect(modeOf(join(dir, 'settings.json'))).toBe(0o600);
    chmodSync(join(dir, 'settings.json'), 0o644);
    expect(createElectronSettingsStore(dir).read().timezone).toBe('Europe/Paris');
    expect(modeOf(join(dir, 'settings.json'))).toBe(0o600);
  });
});

describe('the desktop app and the Node hosts in one data folder', () => {
  beforeEach(() => resetFakeElectron());

  it('each host keeps its own key in its own file and still reads it after the other wrote', () => {
    const dir = tempDir();
    const desktop = createElectronSecretStore(dir);
    const node = createNodeSecretStore(dir);
    desktop.set('hotprospector.apiKey', 'desktop-key');
    node.set('hotprospector.apiKey', 'cli-key');
    desktop.set('hotprospector.v2Tokens', '{"refreshToken":"desktop"}');

    expect(desktop.get('hotprospector.apiKey')).toBe('desktop-key');
    expect(node.get('hotprospector.apiKey')).toBe('cli-key');
    // As freshly started processes would see them.
    expect(createElectronSecretStore(dir).get('hotprospector.apiKey')).toBe('desktop-key');
    expect(createNodeSecretStore(dir).get('hotprospector.apiKey')).toBe('cli-key');
    expect(createNodeSecretStore(dir).get('hotprospector.v2Tokens')).toBeNull();

    // Signing out of one host clears that host's file only.
    node.clear();
    expect(desktop.get('hotprospector.apiKey')).toBe('desktop-key');
    expect(readFileSync(join(dir, DESKTOP_SECRETS_FILE), 'utf8')).not.toContain('desktop-key');
    expect(NODE_SECRETS_FILE).not.toBe(DESKTOP_SECRETS_FILE);
  });

  it('a desktop user keeps the key from the old secrets.json; the CLI leaves that file alone', () => {
    const dir = tempDir();
    const sealed = safeStorage.encryptString('desktop-key').toString('base64');
    const legacy = JSON.stringify({ version: 1, ciphertext: { 'hotprospector.apiKey': sealed } });
    writeFileSync(join(dir, 'secrets.json'), legacy, { mode: 0o644 });

    // The CLI starts first: not its format, so it neither fails nor touches the file.
    const node = createNodeSecretStore(dir);
    expect(node.get('hotprospector.apiKey')).toBeNull();
    node.set('hotprospector.apiKey', 'cli-key');
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toBe(legacy);

    const desktop = createElectronSecretStore(dir);
    expect(desktop.get('hotprospector.apiKey')).toBe('desktop-key');
    expect(existsSync(join(dir, 'secrets.json'))).toBe(false);
    if (posix) expect(modeOf(join(dir, DESKTOP_SECRETS_FILE))).toBe(0o600);
    expect(createNodeSecretStore(dir).get('hotprospector.apiKey')).toBe('cli-key');
  });

  it('a CLI user keeps the key from the old secrets.json; the desktop app leaves that file alone', () => {
    const dir = tempDir();
    const legacy = JSON.stringify({ version: 1, secrets: { 'hotprospector.apiKey': 'cli-key' } });
    writeFileSync(join(dir, 'secrets.json'), legacy, { mode: 0o600 });

    // The desktop app starts first: not its format, so it neither wipes nor rewrites the file.
    const desktop = createElectronSecretStore(dir);
    expect(desktop.get('hotprospector.apiKey')).toBeNull();
    desktop.set('hotprospector.apiKey', 'desktop-key');
    desktop.clear();
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toBe(legacy);

    expect(createNodeSecretStore(dir).get('hotprospector.apiKey')).toBe('cli-key');
    expect(existsSync(join(dir, 'secrets.json'))).toBe(false);
    expect(readFileSync(join(dir, NODE_SECRETS_FILE), 'utf8')).toBe(legacy);
  });

  it('a damaged old secrets.json is left for a person to look at, not adopted or wiped', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secrets.json'), '{"version":1,"secr', { mode: 0o600 });
    expect(createNodeSecretStore(dir).get('hotprospector.apiKey')).toBeNull();
    expect(createElectronSecretStore(dir).get('hotprospector.apiKey')).toBeNull();
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toBe('{"version":1,"secr');
  });
});
