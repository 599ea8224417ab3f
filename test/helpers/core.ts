import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/core';
import type { HostKind } from '../../src/shared/contract/channels';
import { createNodeSecretStore } from '../../src/main/core/settings/node-secret-store';
import { createNodeSettingsStore } from '../../src/main/core/settings/node-settings';

export function tempDir(prefix = 'callside-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real core on a fresh data directory: real settings file, nothing faked. */
export function createTestCore(hostKind: HostKind = 'browser', demo = true): Core {
  const dataDir = tempDir();
  return createCore({
    hostKind,
    dataDir,
    demo,
    settings: createNodeSettingsStore(dataDir),
    secrets: createNodeSecretStore(dataDir),
  });
}
