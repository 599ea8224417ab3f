import { describe, expect, it } from 'vitest';
import type { Cache } from '../../../src/core/cache';
import { LeadActions } from '../../../src/core/services/lead-actions';
import { clientFor, openTestCache, workspaceFor } from '../../helpers/sync';
import { makeLead } from '../cache/fixtures';

/**
 * The agent's actions on a real cache with no provider to talk to: each is the local change
 * and its queued op in one go, and input the provider would refuse is refused before queuing.
 */
async function setUp(): Promise<{ cache: Cache; actions: LeadActions; kicks: () => number }> {
  const cache = await openTestCache();
  // Nothing listens here: these tests never send, and building a client does not connect.
  const nowhere = clientFor({
    v1Url: 'http://127.0.0.1:9/glu/custom_api',
    v2BaseUrl: 'http://127.0.0.1:9/glu/api/v2',
    credentials: { uid: '1', apiKey: 'unused' },
  });
  const workspace = workspaceFor(cache, () => nowhere);
  let kicked = 0;
  const actions = new LeadActions({ workspace: async () => workspace, kick: () => void (kicked += 1) });
  await cache.tags.upsertMany([
    { id: 't1', title: 'VIP' },
    { id: 't2', title: 'Hot' },
    { id: 't3', title: 'Twin' },
    { id: 't4', title: 'Twin' },
  ]);
  await cache.groups.upsertMany([
    { id: 'g1', title: 'Inbound' },
    { id: 'g2', title: 'Webinar' },
  ]);
  await cache.leads.upsertPage([
    makeLead('L', { groupIds: ['g1'], tags: [{ id: 't2', title: 'Hot' }], phone: '+15550001111' }),
  ]);
  return { cache, actions, kicks: () => kicked };
}

describe('lead actions', () => {
  it('tags by exact title or id, changes the lead at once and queues one op', async () => {
    const { cache, actions, kicks } = await setUp();
    const { lead, opId } = await actions.addTags('L', ['VIP', 't1']);
    expect(lead.tags).toEqual([
      { id: 't2', title: 'Hot' },
      { id: 't1', title: 'VIP' },
    ]);
    expect(await cache.leads.get('L')).toEqual(lead);
    expect(await cache.outbox.get(opId)).toMatchObject({ kind: 'tag.add', leadId: 'L', payload: { tagIds: ['t1'] } });
    expect(kicks()).toBe(1);
    const removed = await actions.removeTags('L', ['Hot']);
    expect(removed.lead.tags).toEqual([{ id: 't1', title: 'VIP' }]);
    expect((await cache.outbox.listPending()).map((op) => op.kind)).toEqual(['tag.add', 'tag.remove']);
  });

  it('refuses an unknown or ambiguous tag, an unknown lead, and queues nothing', async () => {
    const { cache, actions } = await setUp();
    await expect(actions.addTags('L', ['Cold'])).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(actions.addTags('L', ['vip'])).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(actions.addTags('L', ['Twin'])).rejects.toThrow(/t3, t4/);
    await expect(actions.addTags('nobody', ['VIP'])).rejects.toMatchObject({ code: 'not_found' });
    expect(await cache.outbox.counts()).toEqual({ pending: 0, failed: 0 });
  });

  it('keeps a note locally, pending, with its op', async () => {
    const { cache, actions } = await setUp();
    await expect(actions.addNote('L', '   ')).rejects.toMatchObject({ code: 'invalid_request' });
    const { note, opId } = await actions.addNote('L', '  Call back Tuesday ');
    expect(note).toMatchObject({ leadId: 'L', text: 'Call back Tuesday', origin: 'local', syncState: 'pending' });
    expect((await cache.openLead('L'))?.notes).toEqual([note]);
    expect(await cache.outbox.get(opId)).toMatchObject({ kind: 'note.add', payload: { localNoteId: note.id } });
  });

  it('updates fields Hot Prospector can change, phones in E.164, and protects them from pulls', async () => {
    const { cache, actions } = await setUp();
    const { lead, opId } = await actions.updateFields('L', { city: 'Tulsa', mobile: '(918) 555-0142' });
    expect(lead).toMatchObject({ city: 'Tulsa', mobile: '+19185550142' });
    expect(await cache.outbox.get(opId)).toMatchObject({
      kind: 'lead.update',
      payload: { changes: { city: 'Tulsa', mobile: '+19185550142' } },
      fields: ['city', 'mobile'],
    });
    await cache.leads.upsertPage([makeLead('L', { city: 'Reno', company: 'Remote Co', groupIds: ['g1'] })]);
    expect(await cache.leads.get('L')).toMatchObject({ city: 'Tulsa', mobile: '+19185550142', company: 'Remote Co' });
    await expect(
      actions.updateFields('L', { countryCode: 'US' } as unknown as Parameters<LeadActions['updateFields']>[1]),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('moves (leaving every other group) or copies, to a known group only', async () => {
    const { cache, actions } = await setUp();
    await expect(actions.moveToGroup('L', 'g9', 'move')).rejects.toMatchObject({ code: 'invalid_request' });
    const copied = await actions.moveToGroup('L', 'g2', 'copy');
    expect(copied.lead.groupIds).toEqual(['g1', 'g2']);
    const moved = await actions.moveToGroup('L', 'g2', 'move');
    expect(moved.lead.groupIds).toEqual(['g2']);
    expect(await cache.outbox.get(moved.opId)).toMatchObject({
      kind: 'lead.move',
      payload: { groupId: 'g2', fromGroupIds: ['g1', 'g2'] },
    });
    expect((await actions.unsubscribe('L')).lead.unsubscribed).toBe(true);
  });

  it('adds a lead under a local id until the provider creates it', async () => {
    const { cache, actions } = await setUp();
    await expect(actions.addLead({ groupId: 'g1', lead: { firstName: 'No Contact' } })).rejects.toMatchObject({
      code: 'invalid_request',
    });
    const { lead, opId } = await actions.addLead({
      groupId: 'g1',
      lead: { firstName: 'Nia', phone: '918 555 0199' },
      tags: ['VIP'],
    });
    expect(lead.id).toMatch(/^local-/);
    expect(lead).toMatchObject({ phone: '+19185550199', groupIds: ['g1'], tags: [{ id: 't1', title: 'VIP' }] });
    expect((await cache.leads.list({ groupId: 'g1' })).map((l) => l.id)).toContain(lead.id);
    expect(await cache.outbox.get(opId)).toMatchObject({
      kind: 'lead.add',
      leadId: lead.id,
      payload: { tagIds: ['t1'] },
    });
  });
});
