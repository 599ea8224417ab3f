import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetFakeElectron, safeStorage } from '../../fakes/electron';
import { createCore, type Core } from '../../../src/core/core';
import { createElectronSecretStore, DESKTOP_SECRETS_FILE } from '../../../src/main/secrets';
import { createElectronSettingsStore } from '../../../src/main/settings';
import { startHotProspectorSandbox, type HotProspectorSandbox } from '../../../src/sandbox';

/**
 * Credentials in the desktop app: safeStorage ciphertext, versioned, in electron-store; the
 * Linux basic_text case reported plainly; sign-out wipes every secret and revokes V2 tokens.
 */

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'callside-secrets-'));
  dirs.push(dir);
  return dir;
}

const onDisk = (dir: string) => readFileSync(join(dir, DESKTOP_SECRETS_FILE), 'utf8');

describe('desktop secret store (safeStorage + electron-store)', () => {
  beforeEach(() => resetFakeElectron());

  it('keeps only versioned ciphertext on disk and reads it back', () => {
    const dir = dataDir();
    const store = createElectronSecretStore(dir);
    store.set('hotprospector.apiKey', 'live-key-1234567890');
    expect(store.get('hotprospector.apiKey')).toBe('live-key-1234567890');
    const file = JSON.parse(onDisk(dir)) as { version: number; ciphertext: Record<string, string> };
    expect(file.version).toBe(1);
    expect(Object.keys(file.ciphertext)).toEqual(['hotprospector.apiKey']);
    expect(onDisk(dir)).not.toContain('live-key-1234567890');
    expect(createElectronSecretStore(dir).get('hotprospector.apiKey')).toBe('live-key-1234567890');
  });

  it('reports the Linux basic_text backend plainly, and a real keyring as encrypted', () => {
    const store = createElectronSecretStore(dataDir());
    expect(store.protection).toBe('os-encrypted');
    safeStorage.backend = 'basic_text';
    expect(store.protection).toBe(process.platform === 'linux' ? 'basic-text' : 'os-encrypted');
  });

  it('refuses to store a key where the system offers no encryption at all', () => {
    const dir = dataDir();
    const store = createElectronSecretStore(dir);
    safeStorage.available = false;
    expect(() => store.set('hotprospector.apiKey', 'k')).toThrow(expect.objectContaining({ code: 'storage' }));
    expect(store.get('hotprospector.apiKey')).toBeNull();
  });

  it('treats ciphertext it can no longer read (keychain reset) or an unknown format as signed out', () => {
    const dir = dataDir();
    createElectronSecretStore(dir).set('hotprospector.apiKey', 'old-key');
    safeStorage.key = 9;
    expect(createElectronSecretStore(dir).get('hotprospector.apiKey')).toBeNull();
    writeFileSync(
      join(dir, DESKTOP_SECRETS_FILE),
      JSON.stringify({ version: 99, ciphertext: { 'hotprospector.apiKey': 'x' } }),
    );
    expect(createElectronSecretStore(dir).get('hotprospector.apiKey')).toBeNull();
  });
});

describe('sign-out in the desktop app', () => {
  let sb: HotProspectorSandbox;
  let core: Core | null = null;
  beforeEach(async () => {
    resetFakeElectron();
    sb = await startHotProspectorSandbox({ seed: 3, leads: 20, faults: { latencyMs: 0 } });
  });
  afterEach(async () => {
    await core?.dispose();
    core = null;
    await sb.close();
  });

  it('wipes every stored secret and revokes the V2 tokens on the server', async () => {
    const dir = dataDir();
    const secrets = createElectronSecretStore(dir);
    core = createCore({
      hostKind: 'electron',
      dataDir: dir,
      demo: null,
      settings: createElectronSettingsStore(dir),
      secrets,
    });
    await core.accounts.add(
      { provider: 'hotprospector', api: 'v2', uid: sb.credentials.uid, baseUrl: sb.v2BaseUrl },
      sb.credentials.apiKey,
    );
    const tokens = JSON.parse(secrets.get('hotprospector.v2Tokens') ?? '{}') as { refreshToken: string };
    expect(tokens.refreshToken).toBeTruthy();
    expect(onDisk(dir)).not.toContain(sb.credentials.apiKey);

    const result = await core.dispatch('account.signOut', {});
    expect(result).toMatchObject({ ok: true, value: { mode: 'none', account: null } });
    expect(JSON.parse(onDisk(dir))).toEqual({ version: 1, ciphertext: {} });
    expect(secrets.get('hotprospector.apiKey')).toBeNull();
    expect(sb.counters().requests['auth/revoke']).toBe(1);

    // The session Callside held is dead on the server too.
    const refreshed = await fetch(`${sb.v2BaseUrl}/auth/refresh`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refresh_token: tokens.refreshToken }),
    });
    expect(JSON.stringify(await refreshed.json())).toContain('revoked');
  });
});
