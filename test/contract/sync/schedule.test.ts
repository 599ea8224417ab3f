import { describe, expect, it } from 'vitest';
import { createNodeCore } from '../../../src/core/node-core';
import { SandboxDemoWorkspace } from '../../../src/hosts/demo-workspace';
import { tempDir } from '../../helpers/core';

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('background sync in long-running hosts', () => {
  it('pulls on its own, without anyone asking, and keeps pulling on its interval', async () => {
    const core = createNodeCore({
      hostKind: 'browser',
      dataDir: tempDir(),
      demo: new SandboxDemoWorkspace({ leads: 120 }),
      background: true,
      syncIntervalMs: 400,
    });
    try {
      const first = await until(
        () => core.sync.status(),
        (status) => status.lastSyncAt !== null,
      );
      const { cache } = await core.workspaces.active();
      expect(await cache.leads.count()).toBeGreaterThan(0);
      const second = await until(
        () => core.sync.status(),
        (status) => status.lastSyncAt !== null && status.lastSyncAt > first.lastSyncAt!,
      );
      expect(second.lastError).toBeNull();
    } finally {
      await core.dispose();
    }
  });

  it('leaves the CLI alone: no sync unless a command asks', async () => {
    const core = createNodeCore({ hostKind: 'cli', dataDir: tempDir(), demo: new SandboxDemoWorkspace({ leads: 50 }) });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await core.sync.status()).lastSyncAt).toBeNull();
    } finally {
      await core.dispose();
    }
  });
});
