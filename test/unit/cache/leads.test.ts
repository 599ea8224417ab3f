import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leadSchema } from '../../../src/shared/domain';
import { makeActivity, makeLead, openTestCache, tempCachePath } from './fixtures';

describe('leads repository', () => {
  it('round-trips a full lead: what comes back parses as a domain Lead and equals what went in', async () => {
    const cache = await openTestCache();
    const lead = makeLead('42', {
      firstName: 'José',
      lastName: 'Núñez',
      email: 'jose@example.com',
      phone: '+15551234567',
      mobile: '+15557654321',
      company: 'Acme Realty',
      website: 'https://acme.example',
      city: 'Austin',
      state: 'TX',
      zip: '78701',
      address: '1 Main St',
      groupIds: ['g2', 'g1'],
      tags: [
        { id: 't9', title: 'Hot' },
        { id: 't1', title: 'Callback' },
      ],
      customFields: { Budget: '50k', 'Lead Source': 'Zillow' },
      unsubscribed: true,
    });
    expect(await cache.leads.upsertPage([lead])).toEqual({ written: 1, protectedLeads: 0 });
    const stored = await cache.leads.get('42');
    expect(leadSchema.parse(stored)).toEqual(lead);
    expect(await cache.leads.get('missing')).toBeNull();
    expect((await cache.leads.getMany(['nope', '42'])).map((l) => l.id)).toEqual(['42']);
  });

  it('replaces tags, groups and phones on a re-pull instead of accumulating them', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([
      makeLead('1', { phone: '+15550000001', tags: [{ id: 'a', title: 'A' }], groupIds: ['g1'] }),
    ]);
    await cache.leads.upsertPage([
      makeLead('1', { phone: '+15550000002', tags: [{ id: 'b', title: 'B' }], groupIds: ['g2'] }),
    ]);
    const lead = await cache.leads.get('1');
    expect(lead).toMatchObject({ tags: [{ id: 'b', title: 'B' }], groupIds: ['g2'], phone: '+15550000002' });
    expect(await cache.phones.findLead('+15550000001')).toBeNull();
    expect((await cache.phones.findLead('+15550000002'))?.id).toBe('1');
    expect(await cache.leads.count()).toBe(1);
  });

  it('lets the later copy win when a page lists a lead twice', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([
      makeLead('1', { firstName: 'Early', tags: [{ id: 'a', title: 'A' }] }),
      makeLead('1', { firstName: 'Late', tags: [{ id: 'b', title: 'B' }] }),
    ]);
    expect(await cache.leads.get('1')).toMatchObject({ firstName: 'Late', tags: [{ id: 'b', title: 'B' }] });
    expect(await cache.search.leads('early')).toEqual([]);
  });

  it('creates the folder of a new cache', async () => {
    const path = join(dirname(tempCachePath()), 'nested', 'deeper', 'cache.sqlite');
    const cache = await openTestCache(path);
    expect(cache.path).toBe(path);
    expect(await cache.leads.count()).toBe(0);
  });

  it('keeps tag titles current for every lead when the tag list is renamed', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('1', { tags: [{ id: 't', title: 'Old' }] })]);
    await cache.tags.upsertMany([{ id: 't', title: 'New' }]);
    expect((await cache.leads.get('1'))?.tags).toEqual([{ id: 't', title: 'New' }]);
  });

  it('filters by group, by tag id or title, and pages with limit and offset', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([
      makeLead('1', { firstName: 'Ann', groupIds: ['g1'], tags: [{ id: 't1', title: 'Hot' }] }),
      makeLead('2', { firstName: 'Bob', groupIds: ['g1', 'g2'] }),
      makeLead('3', { firstName: 'Cid', groupIds: ['g2'], tags: [{ id: 't1', title: 'Hot' }] }),
    ]);
    const ids = async (query: Parameters<typeof cache.leads.list>[0]) =>
      (await cache.leads.list({ order: 'name', ...query })).map((lead) => lead.id);
    expect(await ids({ groupId: 'g1' })).toEqual(['1', '2']);
    expect(await ids({ tag: 'Hot' })).toEqual(['1', '3']);
    expect(await ids({ tag: 't1', groupId: 'g2' })).toEqual(['3']);
    expect(await ids({ tag: 'Cold' })).toEqual([]);
    expect(await ids({ limit: 2 })).toEqual(['1', '2']);
    expect(await ids({ limit: 2, offset: 2 })).toEqual(['3']);
    expect(await ids({ search: 'bo', groupId: 'g2' })).toEqual(['2']);
  });

  it('orders by name without regard to accents or case', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([
      makeLead('1', { firstName: 'zack', lastName: '' }),
      makeLead('2', { firstName: 'Émile', lastName: 'Zola' }),
      makeLead('3', { firstName: 'Eve', lastName: 'Adams' }),
      makeLead('4', { firstName: '', lastName: '', company: 'Beta Inc' }),
    ]);
    const names = (await cache.leads.list({ order: 'name' })).map((lead) => lead.id);
    expect(names).toEqual(['4', '2', '3', '1']);
  });

  it('orders the agent queue: never-called leads newest first, then the longest-untouched', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([
      { ...makeLead('old-new'), createdAt: '2024-01-01T00:00:00Z' },
      { ...makeLead('new-new'), createdAt: '2024-06-01T00:00:00Z' },
      { ...makeLead('called-long-ago'), createdAt: '2023-01-01T00:00:00Z' },
      { ...makeLead('called-recently'), createdAt: '2023-01-01T00:00:00Z' },
      { ...makeLead('only-texted'), createdAt: '2023-01-01T00:00:00Z' },
    ]);
    await cache.activities.upsertPage([
      makeActivity('c1', 'called-long-ago', '2024-02-01T10:00:00Z'),
      makeActivity('c2', 'called-recently', '2024-05-01T10:00:00Z'),
      makeActivity('s1', 'only-texted', '2024-05-02T10:00:00Z', { kind: 'sms', text: 'hi' }),
    ]);
    const queue = (await cache.leads.list()).map((lead) => lead.id);
    expect(queue).toEqual(['new-new', 'old-new', 'only-texted', 'called-long-ago', 'called-recently']);
  });

  it('picks up activities synced before their lead', async () => {
    const cache = await openTestCache();
    await cache.activities.upsertPage([makeActivity('c1', 'late', '2024-02-01T10:00:00Z')]);
    await cache.leads.upsertPage([makeLead('fresh'), makeLead('late')]);
    expect((await cache.leads.list()).map((lead) => lead.id)).toEqual(['fresh', 'late']);
  });

  it('removes leads with their phone, tag, group and search entries', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([
      makeLead('1', { firstName: 'Gone', phone: '+15550000001', tags: [{ id: 't', title: 'T' }], groupIds: ['g'] }),
    ]);
    expect(await cache.leads.remove(['1', 'never-there'])).toBe(1);
    expect(await cache.leads.get('1')).toBeNull();
    expect(await cache.phones.findLead('+15550000001')).toBeNull();
    expect(await cache.search.leads('gone')).toEqual([]);
    expect(await cache.leads.list({ tag: 't' })).toEqual([]);
    expect(await cache.groups.memberCounts()).toEqual(new Map());
  });

  it('applies a local patch: fields replaced, custom fields merged key by key', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('1', { customFields: { A: '1', B: '2' } })]);
    const patched = await cache.leads.applyLocalPatch('1', {
      email: 'new@example.com',
      customFields: { A: 'one', B: null, C: '3' },
    });
    expect(patched).toMatchObject({ email: 'new@example.com', customFields: { A: 'one', C: '3' } });
    expect(await cache.leads.get('1')).toEqual(patched);
    expect((await cache.search.leads('new@example')).map((lead) => lead.id)).toEqual(['1']);
    await expect(cache.leads.applyLocalPatch('nope', { email: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
