import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../src/core/core';
import { createNodeCore } from '../../src/core/node-core';
import type { HostKind } from '../../src/shared/contract/channels';
import { SandboxDemoWorkspace } from '../../src/hosts/demo-workspace';

export function tempDir(prefix = 'callside-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real core on a fresh data directory: real settings and secrets files, nothing faked. */
export function createTestCore(hostKind: HostKind = 'browser', demo = true): Core {
  return createNodeCore({ hostKind, dataDir: tempDir(), demo: demo ? new SandboxDemoWorkspace() : null });
}
