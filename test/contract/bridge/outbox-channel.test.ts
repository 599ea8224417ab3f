import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { createTestCore } from '../../helpers/core';

/**
 * Issue 9: reviewing the outbox over the bridge. A change that left the outbox between the
 * agent's look and click (sent, or discarded elsewhere) is reported, not silently "done".
 */
describe('outbox channels', () => {
  let core: Core | null = null;
  afterEach(async () => {
    await core?.dispose();
    core = null;
  });

  it('says not_found for a change that is no longer in the outbox', async () => {
    core = createTestCore('browser', true);
    expect(await core.dispatch('outbox.list', {})).toEqual({ ok: true, value: { pending: [], failed: [] } });
    for (const channel of ['outbox.discard', 'outbox.retry'] as const) {
      const answer = await core.dispatch(channel, { id: 'already-sent' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });
});
