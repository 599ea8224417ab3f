import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Cache } from '../../../src/core/cache';
import { LeadActions } from '../../../src/core/services/lead-actions';
import { findLeadByPhone } from '../../../src/core/services/screen-pop';
import type { WorkspaceSync } from '../../../src/core/sync';
import type { HotProspectorSandbox, SbLead, SbTag } from '../../../src/sandbox';
import {
  applied,
  clientFor,
  openTestCache,
  requests,
  startSandbox,
  syncedWorkspace,
  tempFolder,
  workspaceFor,
} from '../../helpers/sync';

/**
 * Issue 4, outbox: the agent's changes are made locally at once, queued, and delivered by one
 * ordered sender, exactly once in effect, through network trouble, rejections and restarts.
 * The sandbox counts the writes it applied; those counters are the proof.
 */
describe('the outbox sender against the sandbox', () => {
  let sb: HotProspectorSandbox;
  beforeEach(async () => {
    sb = await startSandbox();
  });
  afterEach(() => sb.close().catch(() => undefined));

  function actionsFor(workspace: WorkspaceSync): LeadActions {
    return new LeadActions({ workspace: async () => workspace, kick: () => workspace.sender.kick() });
  }

  /** A lead in exactly one group, and a tag it does not have. */
  function pickLead(skip: number[] = []): { lead: SbLead; freeTag: SbTag } {
    const lead = sb.state.data.leads.find((l) => l.groupIds.length === 1 && !skip.includes(l.id));
    const freeTag = sb.state.data.tags.find((t) => !lead?.tagIds.includes(t.id));
    if (!lead || !freeTag) throw new Error('the dataset has no suitable lead');
    return { lead, freeTag };
  }

  it('delivers every kind of change once and settles it locally', async () => {
    const { cache, workspace } = await syncedWorkspace(sb);
    const actions = actionsFor(workspace);
    const { lead, freeTag } = pickLead();
    const other = pickLead([lead.id]).lead;
    const leadId = String(lead.id);
    const ownTag = sb.state.tag(lead.tagIds[0] as number) as SbTag;
    const copyTo = sb.state.data.groups.find((g) => !lead.groupIds.includes(g.id)) as { id: number };
    const moveTo = sb.state.data.groups.find((g) => !other.groupIds.includes(g.id)) as { id: number };
    sb.resetCounters();

    await actions.addTags(leadId, [freeTag.title]);
    await actions.removeTags(leadId, [String(ownTag.id)]);
    await actions.updateFields(leadId, { city: 'Tulsa', phone: '(918) 555-0142' });
    await actions.moveToGroup(leadId, String(copyTo.id), 'copy');
    await actions.moveToGroup(String(other.id), String(moveTo.id), 'move');
    await actions.unsubscribe(leadId);
    const { note } = await actions.addNote(leadId, 'Wants a quote by Friday');
    const added = await actions.addLead({
      groupId: String(copyTo.id),
      lead: { firstName: 'Nia', lastName: 'Okafor', email: 'nia.okafor@example.com', phone: '918-555-0199' },
      tags: [freeTag.title],
    });

    const result = await workspace.sender.flush();
    expect(result).toMatchObject({ delivered: 7, keptLocal: 1, rejected: 0, pending: 0, failed: 0, stoppedBy: null });
    expect(sb.counters().applied).toEqual({
      AddLeadTags: 1,
      RemoveLeadTags: 1,
      UpdateExistingLead: 2,
      CopyLead: 1,
      MoveLead: 1,
      Un_SubscribeLead: 1,
      AddSingleLead: 1,
    });
    expect(lead.tagIds).toContain(freeTag.id);
    expect(lead.tagIds).not.toContain(ownTag.id);
    expect(lead.city).toBe('Tulsa');
    expect(lead.groupIds).toContain(copyTo.id);
    expect(other.groupIds).toEqual([moveTo.id]);
    expect(lead.unsubscribed).toBe(true);

    // Hot Prospector cannot store notes: kept local, settled, shown beside the remote ones.
    const notes = await cache.notes.listForLead(leadId);
    expect(notes.find((n) => n.id === note.id)).toMatchObject({ origin: 'local', syncState: 'synced' });
    expect(requests(sb, 'FetchLeadNotes')).toBe(0);

    // The added lead now carries the provider's id.
    const created = sb.state.data.leads.find((l) => l.email === 'nia.okafor@example.com') as SbLead;
    expect(await cache.leads.get(added.lead.id)).toBeNull();
    expect(await cache.leads.get(String(created.id))).toMatchObject({
      firstName: 'Nia',
      groupIds: [String(copyTo.id)],
    });
  });

  it('with the network down reads work and writes queue; back up, each is delivered once', async () => {
    const path = join(tempFolder(), 'cache.sqlite');
    const { cache, workspace } = await syncedWorkspace(sb, await openTestCache(path));
    const actions = actionsFor(workspace);
    const { lead, freeTag } = pickLead();
    const leadId = String(lead.id);
    const port = Number(new URL(sb.baseUrl).port);
    const dataset = sb.state.data;
    await sb.close();

    const change = await actions.addTags(leadId, [freeTag.title]);
    expect(change.lead.tags.map((t) => t.id)).toContain(String(freeTag.id));
    await actions.addNote(leadId, 'Left a voicemail');
    const down = await workspace.sender.flush({ ignoreBackoff: true });
    expect(down).toMatchObject({ delivered: 0, pending: 2, stoppedBy: { code: 'network' } });
    await workspace.sender.flush({ ignoreBackoff: true });
    expect((await cache.outbox.get(change.opId))?.attempts).toBe(2);

    // Everything the agent reads comes from the cache.
    expect((await cache.openLead(leadId))?.notes.some((n) => n.text === 'Left a voicemail')).toBe(true);
    expect((await cache.leads.list({ tag: freeTag.title, limit: 500 })).map((l) => l.id)).toContain(leadId);
    const phone = (await cache.leads.get(leadId))?.phone ?? '';
    if (phone.startsWith('+1')) expect((await findLeadByPhone(cache, phone.slice(2)))?.id).toBeDefined();

    sb = await startSandbox({ port, dataset });
    const back = await workspace.sender.flush({ ignoreBackoff: true });
    expect(back).toMatchObject({ delivered: 1, keptLocal: 1, pending: 0, failed: 0 });
    expect(applied(sb, 'AddLeadTags')).toBe(1);
    expect(lead.tagIds).toContain(freeTag.id);
  });

  it.each([
    { fault: 'drop' as const, lands: true },
    { fault: 'truncated' as const, lands: true },
    { fault: 'php' as const, lands: true },
    { fault: 'reset' as const, lands: false },
    { fault: 'http5xx' as const, lands: false },
  ])('a write whose answer is lost to "$fault" is verified, not blindly resent', async ({ fault, lands }) => {
    const { cache, workspace } = await syncedWorkspace(sb);
    const actions = actionsFor(workspace);
    const { lead, freeTag } = pickLead();
    sb.resetCounters();
    sb.setFaults({ next: [fault], only: ['AddLeadTags'] });
    await actions.addTags(String(lead.id), [String(freeTag.id)]);
    const first = await workspace.sender.flush();
    expect(first.stoppedBy).not.toBeNull();
    expect(applied(sb, 'AddLeadTags')).toBe(lands ? 1 : 0);

    const second = await workspace.sender.flush({ ignoreBackoff: true });
    expect(second).toMatchObject({ delivered: 1, pending: 0 });
    expect(applied(sb, 'AddLeadTags')).toBe(1);
    expect(requests(sb, 'AddLeadTags')).toBe(lands ? 1 : 2);

    // Creating a lead is the one op that is not naturally idempotent: found by e-mail, not re-added.
    const group = String(lead.groupIds[0]);
    sb.setFaults({ next: [fault], only: ['AddSingleLead'] });
    const added = await actions.addLead({
      groupId: group,
      lead: { firstName: 'Ola', email: `ola.${fault}@example.com` },
    });
    await workspace.sender.flush();
    await workspace.sender.flush({ ignoreBackoff: true });
    expect(applied(sb, 'AddSingleLead')).toBe(1);
    expect(sb.state.data.leads.filter((l) => l.email === `ola.${fault}@example.com`)).toHaveLength(1);
    expect(await cache.leads.get(added.lead.id)).toBeNull();
    expect(await cache.outbox.counts()).toEqual({ pending: 0, failed: 0 });
  });

  it('a rejected change stays visible with its reason, does not hold up the rest, and can be retried', async () => {
    const { cache, workspace } = await syncedWorkspace(sb);
    const actions = actionsFor(workspace);
    const { lead, freeTag } = pickLead();
    const leadId = String(lead.id);
    // A tag the cache knows but the provider has deleted meanwhile.
    const ghost = sb.state.addTag('Ghost');
    await cache.tags.upsertMany([{ id: String(ghost.id), title: 'Ghost' }]);
    sb.state.data.tags.splice(sb.state.data.tags.indexOf(ghost), 1);

    const rejected = await actions.addTags(leadId, ['Ghost']);
    const later = await actions.addTags(leadId, [freeTag.title]);
    const result = await workspace.sender.flush();
    expect(result).toMatchObject({ delivered: 1, rejected: 1, pending: 0, failed: 1 });
    expect(await cache.outbox.get(later.opId)).toBeNull();
    const [failed] = await cache.outbox.listFailed();
    expect(failed).toMatchObject({ id: rejected.opId, kind: 'tag.add', attempts: 1 });
    expect(failed?.lastError).toMatch(/Invalid leadId or tagId/);
    // The agent still sees the change (and a pull keeps it) until they decide.
    await workspace.pull();
    expect((await cache.leads.get(leadId))?.tags.map((t) => t.title)).toContain('Ghost');

    sb.state.data.tags.push(ghost);
    const { retryRejectedOp } = await import('../../../src/core/sync');
    expect(await retryRejectedOp(cache, rejected.opId)).toBe(true);
    expect(await workspace.sender.flush()).toMatchObject({ delivered: 1, failed: 0 });
    expect(lead.tagIds).toContain(ghost.id);
  });

  it("a discarded change stops protecting the lead: the next pull shows the provider's value", async () => {
    const { cache, workspace } = await syncedWorkspace(sb);
    const actions = actionsFor(workspace);
    const { lead } = pickLead();
    const leadId = String(lead.id);
    const ghost = sb.state.addTag('Ghost');
    await cache.tags.upsertMany([{ id: String(ghost.id), title: 'Ghost' }]);
    sb.state.data.tags.splice(sb.state.data.tags.indexOf(ghost), 1);
    const { opId } = await actions.addTags(leadId, ['Ghost']);
    await workspace.sender.flush();

    const { discardOp } = await import('../../../src/core/sync');
    expect(await discardOp(cache, opId)).toBe(true);
    expect(await discardOp(cache, opId)).toBe(false);
    expect(await cache.outbox.counts()).toEqual({ pending: 0, failed: 0 });
    await workspace.pull();
    expect((await cache.leads.get(leadId))?.tags.map((t) => t.title)).not.toContain('Ghost');
  });

  it('a pull never overwrites a field with a queued change, and takes the rest', async () => {
    const { cache, workspace } = await syncedWorkspace(sb);
    const actions = actionsFor(workspace);
    const { lead, freeTag } = pickLead();
    const leadId = String(lead.id);
    await actions.updateFields(leadId, { city: 'Boise' });
    // Meanwhile, someone else changes the same lead at the provider.
    sb.state.setLeadField(lead, 'city', 'Reno');
    sb.state.setLeadField(lead, 'company', 'Acme Remote');
    sb.state.addLeadTags(lead, [freeTag.id]);

    await workspace.pull();
    const pulled = await cache.leads.get(leadId);
    expect(pulled?.city).toBe('Boise');
    expect(pulled?.company).toBe('Acme Remote');
    expect(pulled?.tags.map((t) => t.id)).toContain(String(freeTag.id));

    await workspace.sender.flush();
    await workspace.pull();
    expect(lead.city).toBe('Boise');
    expect((await cache.leads.get(leadId))?.city).toBe('Boise');
  });

  it('after a restart the outbox resumes in order', async () => {
    const path = join(tempFolder(), 'cache.sqlite');
    const first = await syncedWorkspace(sb, await openTestCache(path));
    const { lead, freeTag } = pickLead();
    const second = sb.state.data.tags.find((t) => t.id !== freeTag.id && !lead.tagIds.includes(t.id)) as SbTag;
    const leadId = String(lead.id);
    const port = Number(new URL(sb.baseUrl).port);
    const dataset = sb.state.data;
    await sb.close();
    const actions = actionsFor(first.workspace);
    await actions.addTags(leadId, [String(freeTag.id)]);
    await actions.removeTags(leadId, [String(freeTag.id)]);
    await actions.addTags(leadId, [String(second.id)]);
    expect((await first.workspace.sender.flush()).pending).toBe(3);
    await first.workspace.dispose();
    await first.cache.close();

    sb = await startSandbox({ port, dataset });
    const cache: Cache = await openTestCache(path);
    const client = clientFor(sb);
    const restarted = workspaceFor(cache, () => client);
    expect(await restarted.sender.flush({ ignoreBackoff: true })).toMatchObject({ delivered: 3, pending: 0 });
    // Added, then removed, then the other added: only that order leaves exactly this.
    expect(lead.tagIds).not.toContain(freeTag.id);
    expect(lead.tagIds).toContain(second.id);
    expect(sb.counters().applied).toEqual({ AddLeadTags: 2, RemoveLeadTags: 1 });
  });

  it('refused credentials pause the sender without touching the op; a new key resumes it', async () => {
    const cache = await openTestCache();
    let client = clientFor(sb, { apiKey: 'not-the-key' });
    const good = clientFor(sb);
    await workspaceFor(cache, () => good).pull();
    const workspace = workspaceFor(cache, () => client);
    const { lead, freeTag } = pickLead();
    const { opId } = await actionsFor(workspace).addTags(String(lead.id), [freeTag.title]);

    const paused = await workspace.sender.flush();
    expect(paused).toMatchObject({ paused: true, pending: 1, stoppedBy: { code: 'auth' } });
    expect(await cache.outbox.get(opId)).toMatchObject({ attempts: 0, state: 'pending' });
    expect((await workspace.sender.flush()).delivered).toBe(0);

    client = good;
    workspace.sender.resume();
    expect(await workspace.sender.flush()).toMatchObject({ delivered: 1, paused: false });
    expect(applied(sb, 'AddLeadTags')).toBe(1);
  });

  it('in the background, a change goes out on its own, and again after the network returns', async () => {
    const { cache, workspace } = await syncedWorkspace(sb);
    workspace.sender.start();
    const actions = actionsFor(workspace);
    const { lead, freeTag } = pickLead();
    await actions.addTags(String(lead.id), [freeTag.title]);
    await vi.waitFor(async () => expect(await cache.outbox.counts()).toEqual({ pending: 0, failed: 0 }), {
      timeout: 10_000,
    });

    sb.setFaults({ rates: { reset: 1 }, only: ['RemoveLeadTags'] });
    const { opId } = await actions.removeTags(String(lead.id), [freeTag.title]);
    await vi.waitFor(async () => expect((await cache.outbox.get(opId))?.attempts).toBeGreaterThan(0), {
      timeout: 10_000,
    });
    sb.setFaults({});
    await vi.waitFor(async () => expect(await cache.outbox.get(opId)).toBeNull(), { timeout: 10_000 });
    expect(applied(sb, 'RemoveLeadTags')).toBe(1);
    expect(lead.tagIds).not.toContain(freeTag.id);
  });
});
