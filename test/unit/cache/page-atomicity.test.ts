import { describe, expect, it } from 'vitest';
import type { Lead } from '../../../src/shared/domain';
import { makeLead, openTestCache } from './fixtures';

/** A lead the database refuses half-way through the page (its tag row breaks NOT NULL). */
function leadThatBreaksTheTagRows(id: string): Lead {
  return makeLead(id, { tags: [{ id: null as unknown as string, title: 'broken' }] });
}

describe('sync pages are all or nothing', () => {
  it('rolls back a lead page that fails half-way, leaving the previous data intact', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('1', { firstName: 'Before', tags: [{ id: 't', title: 'Kept' }] })]);

    await expect(
      cache.leads.upsertPage([
        makeLead('1', { firstName: 'After', tags: [{ id: 'u', title: 'New' }] }),
        makeLead('2'),
        leadThatBreaksTheTagRows('3'),
      ]),
    ).rejects.toMatchObject({ code: 'storage', failure: 'constraint' });

    expect(await cache.leads.count()).toBe(1);
    expect(await cache.leads.get('1')).toMatchObject({ firstName: 'Before', tags: [{ id: 't', title: 'Kept' }] });
    expect(await cache.tags.list()).toEqual([{ id: 't', title: 'Kept' }]);
    expect(await cache.search.leads('after')).toEqual([]);
    expect((await cache.search.leads('before')).map((lead) => lead.id)).toEqual(['1']);
  });

  it('commits a page and its sync cursor together, or neither', async () => {
    const cache = await openTestCache();
    await expect(
      cache.transaction(async (tx) => {
        await tx.leads.upsertPage([makeLead('1'), makeLead('2')]);
        await tx.syncCursors.set('leads', { offset: 2 });
        throw new Error('connection dropped before the next step');
      }),
    ).rejects.toThrow('connection dropped');
    expect(await cache.leads.count()).toBe(0);
    expect(await cache.syncCursors.get('leads')).toBeNull();

    await cache.transaction(async (tx) => {
      await tx.leads.upsertPage([makeLead('1'), makeLead('2')]);
      await tx.syncCursors.set('leads', { offset: 2 });
    });
    expect(await cache.leads.count()).toBe(2);
    expect(await cache.syncCursors.get('leads')).toMatchObject({ resource: 'leads', value: { offset: 2 } });
  });

  it('undoes only the failed page inside a larger transaction', async () => {
    const cache = await openTestCache();
    await cache.transaction(async (tx) => {
      await tx.leads.upsertPage([makeLead('good')]);
      await tx.leads.upsertPage([makeLead('half'), leadThatBreaksTheTagRows('bad')]).catch(() => undefined);
    });
    expect((await cache.leads.list()).map((lead) => lead.id)).toEqual(['good']);
  });

  it('rolls back an activity page that breaks a schema rule', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('L')]);
    const good = { id: '1', leadId: 'L', kind: 'call' as const, direction: null, at: '2024-01-01T00:00:00Z' };
    const base = { durationSec: null, status: 's', from: '', to: '', text: null, recordingUrl: null };
    await expect(
      cache.activities.upsertPage([
        { ...base, ...good },
        { ...base, ...good, id: '2', kind: 'fax' as unknown as 'call' },
      ]),
    ).rejects.toMatchObject({ code: 'storage', failure: 'constraint' });
    expect(await cache.activities.count()).toBe(0);
    // The queue did not move either: the lead still counts as never called.
    expect(await cache.transaction((tx) => tx.leads.list())).toHaveLength(1);
  });
});
