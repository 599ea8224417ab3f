import { mkdirSync } from 'node:fs';
import { createCore, type Core } from '../main/core/core';
import type { HostKind } from '../shared/contract/channels';
import { createNodeSecretStore } from '../main/core/settings/node-secret-store';
import { createNodeSettingsStore } from '../main/core/settings/node-settings';
import type { Output } from './output';

export interface CommandContext {
  dataDir: string;
  output: Output;
  /** Options and positionals after the command name, parsed by the command itself. */
  args: string[];
  /** Builds the shared core for this data directory; commands that need no core never pay for it. */
  openCore(options: { hostKind: HostKind; demo: boolean }): Core;
}

export function createContext(dataDir: string, output: Output, args: string[]): CommandContext {
  return {
    dataDir,
    output,
    args,
    openCore({ hostKind, demo }) {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      return createCore({
        hostKind,
        dataDir,
        demo,
        settings: createNodeSettingsStore(dataDir),
        secrets: createNodeSecretStore(dataDir),
      });
    },
  };
}
