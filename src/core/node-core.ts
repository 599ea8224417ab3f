import { mkdirSync } from 'node:fs';
import { createCore, type Core, type CoreOptions } from './core';
import { createNodeSecretStore } from './settings/node-secret-store';
import { createNodeSettingsStore } from './settings/node-settings';

/**
 * The core as the Node hosts (CLI, browser host) build it: settings through `conf`, secrets
 * in an owner-only file, both in the data directory.
 */
export function createNodeCore(options: Omit<CoreOptions, 'settings' | 'secrets'>): Core {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  return createCore({
    ...options,
    settings: createNodeSettingsStore(options.dataDir),
    secrets: createNodeSecretStore(options.dataDir),
  });
}
