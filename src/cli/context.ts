import type { Core } from '../core/core';
import { createNodeCore } from '../core/node-core';
import { SandboxDemoWorkspace, type DemoOptions } from '../hosts/demo-workspace';
import type { HostKind } from '../shared/contract/channels';
import type { Output } from './output';

export interface CommandContext {
  dataDir: string;
  output: Output;
  /** Options and positionals after the command name, parsed by the command itself. */
  args: string[];
  /** Builds the shared core for this data directory; commands that need no core never pay for it. */
  openCore(options: { hostKind: HostKind; demo: boolean; demoOptions?: DemoOptions; background?: boolean }): Core;
}

export function createContext(dataDir: string, output: Output, args: string[]): CommandContext {
  return {
    dataDir,
    output,
    args,
    openCore: ({ demo, demoOptions, ...options }) =>
      createNodeCore({ ...options, dataDir, demo: demo ? new SandboxDemoWorkspace(demoOptions) : null }),
  };
}
