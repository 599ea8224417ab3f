import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { createNodeCore } from '../../../src/core/node-core';
import { SandboxDemoWorkspace } from '../../../src/hosts/demo-workspace';
import type { Lead } from '../../../src/shared/domain';
import { createTestCore, tempDir } from '../../helpers/core';

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

  it("names each queued change's lead as the agent knows it, not by its id", async () => {
    const demo = new SandboxDemoWorkspace({ leads: 40 });
    core = createNodeCore({ hostKind: 'browser', dataDir: tempDir(), demo });
    expect(await core.dispatch('sync.run', { full: false })).toMatchObject({ ok: true });
    const page = await core.dispatch('leads.list', { limit: 50 });
    const lead = (page as { value: { leads: Lead[] } }).value.leads.find((l) => l.firstName && l.lastName)!;
    // Hot Prospector fails on its side: the tag change waits in the outbox.
    (await demo.sandbox()).setFaults({ rates: { http5xx: 1 } });
    expect(await core.dispatch('lead.tags', { leadId: lead.id, action: 'add', tags: ['VIP'] })).toMatchObject({
      ok: true,
    });
    const listed = await core.dispatch('outbox.list', {});
    expect(listed).toMatchObject({
      ok: true,
      value: { pending: [{ leadId: lead.id, leadName: `${lead.firstName} ${lead.lastName}` }] },
    });
    await demo.stop();
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
