import { describe, expect, it } from 'vitest';
import {
  agentMetricsSchema,
  campaignSchema,
  customFieldSchema,
  groupSchema,
  memberSchema,
  numberHealthSchema,
  tagSchema,
  type AgentMetrics,
  type Dashboard,
} from '../../../src/shared/domain';
import { makeLead, openTestCache } from './fixtures';

function agent(agentId: string, overrides: Partial<AgentMetrics> = {}): AgentMetrics {
  return {
    agentId,
    agentName: `Agent ${agentId}`,
    agentEmail: `${agentId}@example.com`,
    outboundCalls: 120,
    inboundCalls: 8,
    answeredCalls: 53,
    hangups: 3,
    answerRate: 0.44,
    conversations: 20,
    conversionRate: 0.05,
    talkMinutes: 95.5,
    loggedInSec: 29732,
    prospects: 4,
    appointments: 2,
    sms: 17,
    dispositions: [{ title: 'Callback', count: 6 }],
    firstCall: '2024-05-01T15:02:00Z',
    lastCall: null,
    ...overrides,
  };
}

describe('catalog repositories', () => {
  it('upserts and lists tags, groups, campaigns and members', async () => {
    const cache = await openTestCache();
    await cache.tags.upsertMany([
      { id: 't2', title: 'Hot', status: 'active' },
      { id: 't1', title: 'Cold' },
    ]);
    await cache.tags.upsertMany([{ id: 't1', title: 'Chilly' }]);
    const tags = await cache.tags.list();
    expect(tags).toEqual([
      { id: 't1', title: 'Chilly' },
      { id: 't2', title: 'Hot', status: 'active' },
    ]);
    for (const tag of tags) tagSchema.parse(tag);

    await cache.groups.upsertMany([
      { id: 'g1', title: 'New leads' },
      { id: 'g2', title: 'Appointments' },
    ]);
    expect((await cache.groups.list()).map((group) => groupSchema.parse(group).id)).toEqual(['g2', 'g1']);
    expect(await cache.groups.remove(['g2'])).toBe(1);

    await cache.campaigns.upsertMany([{ id: 'c1', title: 'Spring' }]);
    expect((await cache.campaigns.list()).map((campaign) => campaignSchema.parse(campaign))).toEqual([
      { id: 'c1', title: 'Spring' },
    ]);

    const member = {
      id: 'm1',
      firstName: 'Ana',
      lastName: 'Ruiz',
      email: 'ana@example.com',
      status: 'active',
      timeZone: 'America/Chicago',
      directNumber: null,
    };
    await cache.members.upsertMany([member]);
    expect(memberSchema.parse(await cache.members.get('m1'))).toEqual(member);
    expect(await cache.members.list()).toEqual([member]);
  });

  it('takes a deleted tag off every lead', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([
      makeLead('1', {
        tags: [
          { id: 'a', title: 'A' },
          { id: 'b', title: 'B' },
        ],
      }),
    ]);
    await cache.tags.remove(['a']);
    expect((await cache.leads.get('1'))?.tags).toEqual([{ id: 'b', title: 'B' }]);
  });

  it('replaces the custom field definitions, keeping the provider’s order', async () => {
    const cache = await openTestCache();
    await cache.customFields.replaceAll([{ name: 'old', type: null, builtIn: false }]);
    const fields = [
      { name: 'zeta', type: 'text', builtIn: false },
      { name: 'email', type: null, builtIn: true },
    ];
    await cache.customFields.replaceAll(fields);
    const listed = await cache.customFields.list();
    expect(listed).toEqual(fields);
    for (const field of listed) customFieldSchema.parse(field);
  });

  it('stores number health with its carriers', async () => {
    const cache = await openTestCache();
    const number = {
      phoneId: 'p1',
      phoneNumber: '+15550001111',
      spamDetected: true,
      carriers: [{ carrier: 'T-Mobile', android: 'Spam Likely', iphone: null }],
      lastCheckedAt: '2024-05-01T00:00:00Z',
    };
    await cache.numberHealth.upsertMany([number]);
    await cache.numberHealth.upsertMany([{ ...number, spamDetected: false }]);
    expect((await cache.numberHealth.list()).map((n) => numberHealthSchema.parse(n))).toEqual([
      { ...number, spamDetected: false },
    ]);
  });
});

describe('metrics repository', () => {
  it('keeps one dashboard snapshot per date, replaced whole on refresh', async () => {
    const cache = await openTestCache();
    const monday: Dashboard = {
      date: '2024-05-06',
      lastUpdated: '2024-05-06T18:00:00Z',
      agents: [agent('b'), agent('a')],
    };
    const tuesday: Dashboard = { date: '2024-05-07', lastUpdated: null, agents: [agent('a', { sms: 1 })] };
    await cache.metrics.saveDashboard(monday);
    await cache.metrics.saveDashboard(tuesday);
    await cache.metrics.saveDashboard({ ...monday, agents: [agent('a', { outboundCalls: 130 })] });

    const stored = await cache.metrics.getDashboard('2024-05-06');
    expect(stored).toEqual({ ...monday, agents: [agent('a', { outboundCalls: 130 })] });
    for (const metrics of stored!.agents) expect(agentMetricsSchema.parse(metrics)).toEqual(metrics);
    expect(await cache.metrics.getDashboard('2024-05-07')).toEqual(tuesday);
    expect(await cache.metrics.getDashboard('2024-05-08')).toBeNull();
    expect(await cache.metrics.lastUpdated('2024-05-06')).toMatchObject({ lastUpdated: '2024-05-06T18:00:00Z' });
    expect(await cache.metrics.dates()).toEqual(['2024-05-07', '2024-05-06']);
  });
});

describe('sync cursors', () => {
  it('gets, sets and resets a cursor per resource', async () => {
    const cache = await openTestCache();
    expect(await cache.syncCursors.get('calls')).toBeNull();
    await cache.syncCursors.set('calls', { from: '2024-05-01', offset: 200 });
    await cache.syncCursors.set('leads', 3);
    await cache.syncCursors.set('calls', { from: '2024-05-01', offset: 400 });
    expect(await cache.syncCursors.get('calls')).toMatchObject({ value: { from: '2024-05-01', offset: 400 } });
    expect((await cache.syncCursors.list()).map((cursor) => cursor.resource)).toEqual(['calls', 'leads']);
    await cache.syncCursors.reset('calls');
    expect(await cache.syncCursors.get('calls')).toBeNull();
    await cache.syncCursors.reset();
    expect(await cache.syncCursors.list()).toEqual([]);
  });
});
