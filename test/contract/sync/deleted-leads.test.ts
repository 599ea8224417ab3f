import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../../../src/core/cache';
import { LeadActions } from '../../../src/core/services/lead-actions';
import type { SyncProgress, WorkspaceSync } from '../../../src/core/sync';
import type { HotProspectorSandbox, SbLead } from '../../../src/sandbox';
import { clientFor, openTestCache, startSandbox, syncedWorkspace, workspaceFor } from '../../helpers/sync';

/**
 * Issue 9, item 8: Hot Prospector never reports a deleted lead, it only stops listing it. After
 * a complete pass over the groups the cache drops such leads (queue, search, screen pop, their
 * history), except a lead with a queued change. An interrupted pass drops nothing.
 */
describe('leads deleted at the provider', () => {
  let sb: HotProspectorSandbox;
  beforeEach(async () => {
    sb = await startSandbox();
  });
  afterEach(() => sb.close().catch(() => undefined));

  /** Deletes a lead at the provider: it is no longer in any list the sandbox answers with. */
  function deleteAtProvider(lead: SbLead): void {
    const index = sb.state.data.leads.indexOf(lead);
    expect(index).toBeGreaterThanOrEqual(0);
    sb.state.data.leads.splice(index, 1);
  }

  /** Every place the agent could still meet the lead. */
  async function whereFound(cache: Cache, leadId: string, lead: { lastName: string; phone: string }) {
    const places: string[] = [];
    if (await cache.leads.get(leadId)) places.push('get');
    if ((await cache.leads.list({ limit: 10_000 })).some((l) => l.id === leadId)) places.push('queue');
    if ((await cache.search.leads(lead.lastName, { limit: 1000 })).some((l) => l.id === leadId)) places.push('search');
    if ((await cache.phones.findLeads(lead.phone, 1000)).some((l) => l.id === leadId)) places.push('screen pop');
    return places;
  }

  /**
   * The start of the days an incremental sync reads the logs of again (the day before the last
   * synced one): the logs name a lead active there, and its notes are read again.
   */
  const RECENT = Date.parse('2026-06-22T07:00:00Z');

  /** A cached lead with a phone, a name and history, none of it recent, that the sandbox still has. */
  async function cachedLead(cache: Cache, skip: readonly number[] = []) {
    for (const remote of sb.state.data.leads) {
      if (skip.includes(remote.id)) continue;
      const lead = await cache.leads.get(String(remote.id));
      if (!lead?.phone.startsWith('+') || lead.lastName === '') continue;
      const timeline = await cache.activities.timeline(lead.id, { limit: 10_000 });
      if (timeline.length === 0 || timeline.some((a) => Date.parse(a.at) >= RECENT)) continue;
      return { remote, lead, timeline };
    }
    throw new Error('the dataset has no lead with a phone and history');
  }

  it('a deleted lead leaves the queue, search and screen pop; one with a queued change stays', async () => {
    const { cache, workspace } = await syncedWorkspace(sb);
    const gone = await cachedLead(cache);
    await workspace.refreshLead(gone.lead.id);
    expect((await cache.notes.listForLead(gone.lead.id, 1000)).length).toBeGreaterThan(0);
    const queued = await cachedLead(cache, [gone.remote.id]);
    // The agent tags `queued`; the change waits in the outbox (nothing kicks the sender).
    const actions = new LeadActions({ workspace: async () => workspace, kick: () => undefined });
    const freeTag = sb.state.data.tags.find((t) => !queued.remote.tagIds.includes(t.id));
    if (!freeTag) throw new Error('no free tag');
    await actions.addTags(queued.lead.id, [freeTag.title]);
    expect(await whereFound(cache, gone.lead.id, gone.lead)).toEqual(['get', 'queue', 'search', 'screen pop']);

    deleteAtProvider(gone.remote);
    deleteAtProvider(queued.remote);
    const report = await workspace.pull();

    expect(await whereFound(cache, gone.lead.id, gone.lead)).toEqual([]);
    // Its history goes with it.
    expect(await cache.activities.timeline(gone.lead.id, { limit: 10_000 })).toEqual([]);
    expect(await cache.notes.listForLead(gone.lead.id, 1000)).toEqual([]);

    // The queued change keeps its lead until the change is settled.
    const kept = await cache.leads.get(queued.lead.id);
    expect(kept?.tags.map((t) => t.id)).toContain(String(freeTag.id));
    expect(await whereFound(cache, queued.lead.id, queued.lead)).toEqual(['get', 'queue', 'search', 'screen pop']);

    expect(report.counts.leadsRemoved).toBe(1);
    expect(await cache.leads.count()).toBe(sb.state.data.leads.length + 1);
  });

  it("a group deleted at the provider takes the leads that were only there, not the others'", async () => {
    const { cache, workspace } = await syncedWorkspace(sb);
    const group = sb.state.data.groups.find(
      (g) =>
        sb.state.data.leads.some((l) => l.groupIds.length === 1 && l.groupIds[0] === g.id) &&
        sb.state.data.leads.some((l) => l.groupIds.length > 1 && l.groupIds.includes(g.id)),
    );
    if (!group) throw new Error('the dataset has no group with both kinds of lead');
    const onlyThere = sb.state.data.leads.filter((l) => l.groupIds.length === 1 && l.groupIds[0] === group.id);
    const alsoElsewhere = sb.state.data.leads.filter((l) => l.groupIds.length > 1 && l.groupIds.includes(group.id));
    expect(onlyThere.length).toBeGreaterThan(0);
    expect(alsoElsewhere.length).toBeGreaterThan(0);

    expect(sb.state.deleteGroup(group.id)).toBe(true);
    await workspace.pull();

    expect(await cache.leads.getMany(onlyThere.map((l) => String(l.id)))).toEqual([]);
    const stayed = await cache.leads.getMany(alsoElsewhere.map((l) => String(l.id)));
    expect(stayed.map((l) => l.id)).toEqual(alsoElsewhere.map((l) => String(l.id)));
    expect(await cache.leads.count()).toBe(sb.state.data.leads.length - onlyThere.length);
  });

  it('an interrupted pass removes nothing; the run that completes it, in another process, does', async () => {
    const { cache } = await syncedWorkspace(sb);
    // The pass lists groups in the cache's order; the deleted lead sits in the first one only,
    // so its page is written before the interruption.
    const groups = (await cache.groups.list()).map((g) => g.id);
    const gone = sb.state.data.leads.find((l) => l.groupIds.length === 1 && String(l.groupIds[0]) === groups[0]);
    if (!gone || groups.length < 4) throw new Error('the dataset does not fit');
    const goneId = String(gone.id);
    deleteAtProvider(gone);

    const first = workspaceFor(cache, () => clientFor(sb));
    const interrupted = first.pull({
      onProgress: (progress: SyncProgress) => {
        // After the second group's page: every further group search fails, retries included.
        if (progress.resource === 'leads' && progress.done === 2) {
          sb.setFaults({ next: ['http5xx', 'http5xx', 'http5xx', 'http5xx'], only: ['SearchByUserInput'] });
        }
      },
    });
    await expect(interrupted).rejects.toMatchObject({ code: 'remote' });
    sb.setFaults({});
    const cursor = (await cache.syncCursors.get('leads'))?.value as { pass: { next: number } | null };
    expect(cursor.pass?.next).toBe(2);
    // Its group's page has been written (the membership is gone), yet the lead stays: the pass
    // has not seen every group, so "listed nowhere" is not known yet.
    expect((await cache.leads.get(goneId))?.groupIds).toEqual([]);
    expect(await cache.leads.count()).toBe(sb.state.data.leads.length + 1);

    // A new process (its own connection and sync machinery) resumes the pass and completes it.
    await first.dispose();
    const again: WorkspaceSync = workspaceFor(await openTestCache(cache.path), () => clientFor(sb));
    await again.pull();
    expect(await again.cache.leads.get(goneId)).toBeNull();
    // Leads of the groups listed by the first process are still at the provider and stay.
    expect(await again.cache.leads.count()).toBe(sb.state.data.leads.length);
  });
});
