import { describe, expect, it } from 'vitest';
import { outboxOpSchema } from '../../../src/shared/domain';
import { makeLead, openTestCache } from './fixtures';

describe('outbox', () => {
  it('keeps operations in order through attempts, failure, retry, discard and confirm', async () => {
    const cache = await openTestCache();
    const first = await cache.outbox.enqueue({ kind: 'tag.add', leadId: 'L', payload: { tagId: 't1' } });
    const second = await cache.outbox.enqueue({ kind: 'note.add', leadId: 'L', payload: { text: 'hi' } });
    const third = await cache.outbox.enqueue({ kind: 'sms.send', payload: { to: '+15550000000' } });
    expect(outboxOpSchema.parse(first)).toMatchObject({ kind: 'tag.add', attempts: 0, lastError: null });
    expect((await cache.outbox.listPending()).map((op) => op.id)).toEqual([first.id, second.id, third.id]);

    expect(await cache.outbox.recordAttemptFailure(first.id, 'timeout', '2030-01-01T00:00:00.000Z')).toBe(true);
    expect(await cache.outbox.get(first.id)).toMatchObject({
      attempts: 1,
      lastError: 'timeout',
      nextAttemptAt: '2030-01-01T00:00:00.000Z',
      state: 'pending',
    });

    expect(await cache.outbox.markFailed(second.id, 'Lead does not exist')).toBe(true);
    expect((await cache.outbox.listPending()).map((op) => op.id)).toEqual([first.id, third.id]);
    expect(await cache.outbox.listFailed()).toMatchObject([{ id: second.id, lastError: 'Lead does not exist' }]);
    expect(await cache.outbox.counts()).toEqual({ pending: 2, failed: 1 });

    // A retried op goes back to its original place; discarding needs an op that exists.
    expect(await cache.outbox.discard('no-such-op')).toBe(false);
    expect(await cache.outbox.retry(second.id)).toBe(true);
    expect((await cache.outbox.listPending()).map((op) => op.id)).toEqual([first.id, second.id, third.id]);
    await cache.outbox.markFailed(second.id, 'still no');
    expect(await cache.outbox.discard(second.id)).toBe(true);

    expect(await cache.outbox.confirm(first.id)).toBe(true);
    expect(await cache.outbox.confirm(first.id)).toBe(false);
    expect((await cache.outbox.listPending()).map((op) => op.id)).toEqual([third.id]);
    // Sequence numbers are never reused, even after the newest op is gone.
    await cache.outbox.confirm(third.id);
    const fourth = await cache.outbox.enqueue({ kind: 'x', payload: null });
    expect(fourth.seq).toBeGreaterThan(third.seq);
  });

  it('writes the optimistic change and its op together', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('L', { tags: [{ id: 'a', title: 'A' }] })]);
    const { lead, op } = await cache.changeLead(
      'L',
      { tags: [{ id: 'b', title: 'B' }], customFields: { Budget: '9k' } },
      { kind: 'tag.set', payload: { add: ['b'], remove: ['a'] } },
    );
    expect(lead.tags).toEqual([{ id: 'b', title: 'B' }]);
    expect(op).toMatchObject({ leadId: 'L', kind: 'tag.set', fields: ['tags', 'customFields.Budget'] });
    expect(await cache.leads.get('L')).toEqual(lead);
    expect(await cache.outbox.pendingFields(['L', 'other'])).toEqual(
      new Map([['L', new Set(['tags', 'customFields.Budget'])]]),
    );
  });

  it('lands neither the change nor the op when the transaction fails between them', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('L', { email: 'before@example.com' })]);
    await expect(
      cache.transaction(async (tx) => {
        await tx.leads.applyLocalPatch('L', { email: 'after@example.com' });
        await tx.outbox.enqueue({ kind: 'lead.update', leadId: 'L', payload: { email: 'after' }, fields: ['email'] });
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect((await cache.leads.get('L'))?.email).toBe('before@example.com');
    expect(await cache.outbox.counts()).toEqual({ pending: 0, failed: 0 });
  });

  it('lands neither when the op itself cannot be stored', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('L', { email: 'before@example.com' })]);
    await expect(
      cache.changeLead('L', { email: 'after@example.com' }, { kind: 'lead.update', payload: { n: BigInt(1) } }),
    ).rejects.toMatchObject({ code: 'storage', failure: 'misuse' });
    expect((await cache.leads.get('L'))?.email).toBe('before@example.com');
    expect(await cache.outbox.listPending()).toEqual([]);
  });

  it('adds a local note and its op together', async () => {
    const cache = await openTestCache();
    const { note, op } = await cache.addLocalNote({ leadId: 'L', text: 'Wants a demo' }, { kind: 'note.add' });
    expect(op.payload).toEqual({ localNoteId: note.id, leadId: 'L', text: 'Wants a demo', kind: 'note', at: note.at });
    expect(await cache.notes.listForLead('L')).toEqual([note]);
  });
});

describe('pull versus pending local changes', () => {
  const pulled = makeLead('L', {
    email: 'pulled@example.com',
    company: 'Remote Co',
    tags: [{ id: 'r', title: 'Remote tag' }],
    groupIds: ['remote-group'],
    customFields: { Budget: 'remote', Source: 'remote' },
  });

  it('keeps every field with a queued op and takes the rest from the pull', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('L', { email: 'old@example.com', customFields: { Budget: 'old' } })]);
    await cache.changeLead('L', { tags: [{ id: 'mine', title: 'Mine' }] }, { kind: 'tag.set', payload: {} });
    await cache.changeLead('L', { email: 'mine@example.com' }, { kind: 'lead.update', payload: {} });
    await cache.changeLead('L', { customFields: { Budget: 'mine' } }, { kind: 'field.set', payload: {} });

    expect(await cache.leads.upsertPage([pulled, makeLead('other')])).toEqual({ written: 2, protectedLeads: 1 });
    expect(await cache.leads.get('L')).toEqual({
      ...pulled,
      email: 'mine@example.com',
      tags: [{ id: 'mine', title: 'Mine' }],
      customFields: { Budget: 'mine', Source: 'remote' },
    });
    expect((await cache.search.leads('pulled')).map((lead) => lead.id)).toEqual([]);
    expect((await cache.search.leads('mine@')).map((lead) => lead.id)).toEqual(['L']);
  });

  it('lets the pull win again once the op is confirmed', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('L')]);
    const { op } = await cache.changeLead(
      'L',
      { tags: [{ id: 'mine', title: 'Mine' }] },
      { kind: 'tag.set', payload: {} },
    );
    await cache.outbox.confirm(op.id);
    await cache.leads.upsertPage([pulled]);
    expect(await cache.leads.get('L')).toEqual(pulled);
  });

  it('keeps protecting while an op is failed, and stops when it is discarded', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('L')]);
    const { op } = await cache.changeLead('L', { unsubscribed: true }, { kind: 'lead.unsubscribe', payload: {} });
    await cache.outbox.markFailed(op.id, 'rejected');
    await cache.leads.upsertPage([pulled]);
    expect((await cache.leads.get('L'))?.unsubscribed).toBe(true);
    await cache.outbox.discard(op.id);
    await cache.leads.upsertPage([pulled]);
    expect((await cache.leads.get('L'))?.unsubscribed).toBe(false);
  });

  it('protects a removed custom field from being re-added by the pull', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('L', { customFields: { Budget: 'old' } })]);
    await cache.changeLead('L', { customFields: { Budget: null } }, { kind: 'field.clear', payload: {} });
    await cache.leads.upsertPage([pulled]);
    expect((await cache.leads.get('L'))?.customFields).toEqual({ Source: 'remote' });
  });
});
