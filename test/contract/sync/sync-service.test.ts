import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../src/core/core';
import { LeadActions } from '../../../src/core/services/lead-actions';
import { SyncService } from '../../../src/core/services/sync-service';
import type { EventName } from '../../../src/shared/contract/channels';
import { syncStatusSchema } from '../../../src/shared/contract/workspace-schemas';
import type { HotProspectorSandbox, SbLead, SbTag } from '../../../src/sandbox';
import { createTestCore } from '../../helpers/core';
import { FAST_BACKOFF, NOW, applied, startSandbox } from '../../helpers/sync';

/**
 * Issue 4, the services the bridge exposes: SyncService (run, push, status, outbox review,
 * events) and LeadActions, on a real core with a real account against the sandbox.
 */
describe('SyncService and LeadActions on a real core', () => {
  let sb: HotProspectorSandbox;
  let core: Core;
  let services: SyncService[];
  const seen: Array<{ event: EventName; payload: unknown }> = [];

  beforeEach(async () => {
    sb = await startSandbox();
    core = createTestCore('browser', false);
    await core.accounts.add(
      { provider: 'hotprospector', api: 'v1', uid: sb.credentials.uid, baseUrl: sb.v1Url },
      sb.credentials.apiKey,
    );
    services = [];
    seen.length = 0;
    core.events.subscribe((event, payload) => seen.push({ event, payload }));
  });
  afterEach(async () => {
    for (const service of services) await service.dispose();
    await core.dispose();
    await sb.close().catch(() => undefined);
  });

  function serviceFor(options: { background?: boolean } = {}): SyncService {
    const service = new SyncService({
      workspaces: core.workspaces,
      events: core.events,
      now: () => NOW,
      backoff: FAST_BACKOFF,
      ...options,
    });
    services.push(service);
    return service;
  }

  function pickLead(): { lead: SbLead; tag: SbTag } {
    const lead = sb.state.data.leads.find((l) => l.groupIds.length === 1) as SbLead;
    const tag = sb.state.data.tags.find((t) => !lead.tagIds.includes(t.id)) as SbTag;
    return { lead, tag };
  }

  it('runs a sync with progress and status events, and remembers when it last completed', async () => {
    const sync = serviceFor();
    expect(syncStatusSchema.parse(await sync.status())).toEqual({
      online: true,
      running: false,
      lastSyncAt: null,
      lastError: null,
      pending: 0,
      failed: 0,
    });
    const [first, second] = [sync.run(), sync.run()];
    expect(second).toBe(first);
    const result = await first;
    expect(result.pulled.counts.leads).toBe(sb.state.data.leads.length);

    const progress = seen.filter((e) => e.event === 'sync.progress');
    expect(progress.length).toBeGreaterThan(10);
    const statuses = seen.filter((e) => e.event === 'sync.status').map((e) => e.payload as { running: boolean });
    expect(statuses.some((s) => s.running)).toBe(true);
    expect(statuses.at(-1)?.running).toBe(false);
    expect(seen.some((e) => e.event === 'workspace.changed')).toBe(true);
    expect((await sync.status()).lastSyncAt).toBe(result.pulled.completedAt);

    // Remembered in the cache: a new service (a restarted app) knows it too.
    const restarted = serviceFor();
    expect((await restarted.status()).lastSyncAt).toBe(result.pulled.completedAt);
  });

  it('goes offline with the network and queues; back online it delivers once and clears the error', async () => {
    const sync = serviceFor();
    await sync.run();
    const actions = new LeadActions(sync);
    const { lead, tag } = pickLead();
    const port = Number(new URL(sb.baseUrl).port);
    const dataset = sb.state.data;
    await sb.close();

    await actions.addTags(String(lead.id), [tag.title]);
    const pushed = await sync.push();
    expect(pushed.stoppedBy?.code).toBe('network');
    expect(await sync.status()).toMatchObject({ online: false, pending: 1, failed: 0 });
    expect((await sync.status()).lastError).toMatch(/connect/i);
    await expect(sync.run()).rejects.toMatchObject({ code: 'network' });

    sb = await startSandbox({ port, dataset });
    const result = await sync.run();
    expect(result.pushed).toMatchObject({ delivered: 1, pending: 0 });
    expect(await sync.status()).toMatchObject({ online: true, lastError: null, pending: 0 });
    expect(applied(sb, 'AddLeadTags')).toBe(1);
  });

  it('lists the outbox in the published Op shape and lets the agent retry or discard a rejection', async () => {
    const sync = serviceFor();
    await sync.run();
    const actions = new LeadActions(sync);
    const { lead } = pickLead();
    const { cache } = await sync.workspace();
    const ghost = sb.state.addTag('Ghost');
    await cache.tags.upsertMany([{ id: String(ghost.id), title: 'Ghost' }]);
    sb.state.data.tags.splice(sb.state.data.tags.indexOf(ghost), 1);

    const first = await actions.addTags(String(lead.id), ['Ghost']);
    const second = await actions.addTags(String(lead.id), [String(ghost.id)]);
    await sync.push();
    const lists = await sync.outbox();
    expect(lists.pending).toEqual([]);
    expect(lists.failed.map((op) => op.id)).toEqual([first.opId, second.opId]);
    for (const op of lists.failed) {
      expect(Object.keys(op).sort()).toEqual(['attempts', 'createdAt', 'id', 'kind', 'lastError', 'leadId', 'payload']);
    }
    expect(await sync.status()).toMatchObject({ failed: 2 });

    sb.state.data.tags.push(ghost);
    expect(await sync.retry(first.opId)).toBe(true);
    expect(await sync.retry(first.opId)).toBe(false);
    await sync.push();
    expect(await sync.discard(second.opId)).toBe(true);
    expect(await sync.outbox()).toEqual({ pending: [], failed: [] });
    expect(lead.tagIds).toContain(ghost.id);
  });

  it('in background mode an action is delivered without anyone asking', async () => {
    const sync = serviceFor({ background: true });
    await sync.run();
    const { lead, tag } = pickLead();
    await new LeadActions(sync).addTags(String(lead.id), [tag.title]);
    await vi.waitFor(async () => expect((await sync.status()).pending).toBe(0), { timeout: 10_000 });
    expect(lead.tagIds).toContain(tag.id);
  });

  it('refreshes one lead on demand and says which lead changed', async () => {
    const sync = serviceFor();
    await sync.run();
    const { lead } = pickLead();
    const counts = await sync.refreshLead(String(lead.id));
    expect(counts.notes).toBe(sb.state.activityOf(lead.id).notes.length);
    expect(
      seen.some((e) => e.event === 'workspace.changed' && JSON.stringify(e.payload).includes(String(lead.id))),
    ).toBe(true);
  });
});
