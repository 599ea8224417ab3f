import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeSecretStore, NODE_SECRETS_FILE } from '../../../src/core/settings/node-secret-store';
import { tempDir } from '../../helpers/core';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('Node secret store', () => {
  it('keeps secrets in a file only the owner can read or write', () => {
    const dir = tempDir();
    const store = createNodeSecretStore(dir);
    store.set('hotprospector.apiKey', 'key-123');
    expect(modeOf(join(dir, NODE_SECRETS_FILE))).toBe(0o600);
    expect(createNodeSecretStore(dir).get('hotprospector.apiKey')).toBe('key-123');
    expect(store.protection).toBe('file-0600');
  });

  it('tightens a file whose mode was loosened by hand before reading it', () => {
    const dir = tempDir();
    const store = createNodeSecretStore(dir);
    store.set('hotprospector.apiKey', 'key-123');
    chmodSync(join(dir, NODE_SECRETS_FILE), 0o644);
    expect(store.get('hotprospector.apiKey')).toBe('key-123');
    expect(modeOf(join(dir, NODE_SECRETS_FILE))).toBe(0o600);
  });

  it('deletes one secret, clears all, and leaves no temp file behind', () => {
    const dir = tempDir();
    const store = createNodeSecretStore(dir);
    store.set('hotprospector.apiKey', 'k');
    store.set('hotprospector.v2Tokens', '{"a":1}');
    store.delete('hotprospector.apiKey');
    expect(store.get('hotprospector.apiKey')).toBeNull();
    expect(store.get('hotprospector.v2Tokens')).toBe('{"a":1}');
    store.clear();
    expect(store.get('hotprospector.v2Tokens')).toBeNull();
    expect(JSON.parse(readFileSync(join(dir, NODE_SECRETS_FILE), 'utf8'))).toEqual({ version: 1, secrets: {} });
  });

  it('reports a damaged file as a storage error without echoing its content', () => {
    const dir = tempDir();
    writeFileSync(join(dir, NODE_SECRETS_FILE), '{"version":1,"secrets":{"hotprospector.apiKey":"sek', { mode: 0o600 });
    const store = createNodeSecretStore(dir);
    expect(() => store.get('hotprospector.apiKey')).toThrowError(expect.objectContaining({ code: 'storage' }));
    try {
      store.get('hotprospector.apiKey');
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('sek');
    }
  });
});
