import { describe, expect, it } from 'vitest';
import { createNodeCore } from '../../../src/core/node-core';
import { SandboxDemoWorkspace } from '../../../src/hosts/demo-workspace';
import { tempDir } from '../../helpers/core';

describe('switching workspace while a sync runs', () => {
  it('cancels the running sync instead of failing it on a closed cache', async () => {
    const core = createNodeCore({
      hostKind: 'browser',
      dataDir: tempDir(),
      demo: new SandboxDemoWorkspace({ leads: 300 }),
    });
    try {
      // Sign out once the pull is under way: a full sync also reads every lead's own history,
      // so it is still running well after its first progress report.
      const underWay = new Promise<void>((resolve) => {
        const off = core.events.subscribe((event, payload) => {
          if (event === 'sync.progress' && (payload as { state: string }).state === 'running') {
            off();
            resolve();
          }
        });
      });
      const running = core.dispatch('sync.run', { full: true });
      await underWay;
      const signedOut = await core.dispatch('account.signOut', {});
      expect(signedOut).toEqual({ ok: true, value: { mode: 'demo', account: null } });
      expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });

      // The next sync on the reopened workspace works, and nothing reports a closed cache.
      const again = await core.dispatch('sync.run', { full: false });
      expect(again).toMatchObject({ ok: true, value: { running: false, lastError: null } });
      const status = await core.dispatch('sync.status', {});
      expect(status).toMatchObject({ ok: true, value: { lastError: null } });
    } finally {
      await core.dispose();
    }
  });
});
