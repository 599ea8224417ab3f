import { describe, expect, it } from 'vitest';
import { leadSchema } from '../../../src/shared/domain';
import { makeActivity, makeLead, openTestCache } from './fixtures';

describe('screen pop phone lookup', () => {
  it('finds a lead by its phone or its mobile in E.164', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([
      makeLead('1', { phone: '+15551234567', mobile: '+15559876543', tags: [{ id: 't', title: 'VIP' }] }),
      makeLead('2', { phone: '+442079460000' }),
    ]);
    const byPhone = await cache.phones.findLead('+15551234567');
    expect(leadSchema.parse(byPhone)).toMatchObject({ id: '1', tags: [{ id: 't', title: 'VIP' }] });
    expect((await cache.phones.findLead('+15559876543'))?.id).toBe('1');
    expect((await cache.phones.findLead('+442079460000'))?.id).toBe('2');
    expect(await cache.phones.findLead('+15550000000')).toBeNull();
  });

  it('only answers E.164 input: normalizing other spellings is the caller’s job', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('1', { phone: '+15551234567' })]);
    expect(await cache.phones.findLead('5551234567')).toBeNull();
    expect(await cache.phones.findLead('(555) 123-4567')).toBeNull();
    expect(await cache.phones.findLead("+1' OR 1=1 --")).toBeNull();
  });

  it('never pops a lead on a phone that is not E.164', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('1', { phone: 'call reception', mobile: '555-1234' })]);
    expect(await cache.phones.findLeads('+5551234')).toEqual([]);
  });

  it('prefers the most recently touched lead when several share a number', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([
      makeLead('a', { phone: '+15551234567' }),
      makeLead('b', { mobile: '+15551234567' }),
      makeLead('c', { phone: '+15551234567' }),
    ]);
    await cache.activities.upsertPage([
      makeActivity('1', 'a', '2024-01-01T00:00:00Z'),
      makeActivity('2', 'b', '2024-03-01T00:00:00Z', { kind: 'sms', text: 'hi' }),
    ]);
    expect((await cache.phones.findLead('+15551234567'))?.id).toBe('b');
    expect((await cache.phones.findLeads('+15551234567')).map((lead) => lead.id)).toEqual(['b', 'a', 'c']);
  });
});
