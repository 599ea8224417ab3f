import { describe, expect, it } from 'vitest';
import { createNodeCore } from '../../../src/main/core/node-core';
import { tempDir } from '../../helpers/core';

describe('switching workspace while a sync runs', () => {
  it('cancels the running sync instead of failing it on a closed cache', async () => {
    const core = createNodeCore({ hostKind: 'browser', dataDir: tempDir(), demo: true, demoOptions: { leads: 300 } });
    try {
      const running = core.dispatch('sync.run', { full: true });
      // Give the pull time to get going against the demo simulator.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const signedOut = await core.dispatch('account.signOut', {});
      expect(signedOut).toEqual({ ok: true, value: { mode: 'demo', account: null } });
      const interrupted = await running;
      if (!interrupted.ok) expect(interrupted.error.code).toBe('cancelled');

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
