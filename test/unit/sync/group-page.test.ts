import { describe, expect, it } from 'vitest';
import { writeGroupPage } from '../../../src/core/providers/hotprospector/streams/group-page';
import { makeLead, openTestCache } from '../cache/fixtures';

/** One group's page: the search names only that group on each lead, so memberships are merged. */
describe('writing one group of pulled leads', () => {
  const titles = new Map([
    ['t1', 'VIP'],
    ['t2', 'Hot'],
  ]);

  it('keeps other memberships, drops this one from leads no longer listed, fills tag titles', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([
      makeLead('1', { groupIds: ['A', 'B'] }),
      makeLead('2', { groupIds: ['A'] }),
      makeLead('local-x', { groupIds: ['A'] }),
    ]);
    await cache.transaction((tx) =>
      writeGroupPage(
        tx,
        'B',
        [
          makeLead('1', {
            groupIds: ['B'],
            tags: [
              { id: 't1', title: '' },
              { id: '', title: 'Hot' },
              { id: '', title: '?' },
            ],
          }),
        ],
        titles,
      ),
    );
    const one = await cache.leads.get('1');
    expect(one?.groupIds).toEqual(['A', 'B']);
    expect(one?.tags).toEqual([
      { id: 't1', title: 'VIP' },
      { id: 't2', title: 'Hot' },
    ]);

    await cache.transaction((tx) => writeGroupPage(tx, 'A', [makeLead('3', { groupIds: ['A'] })], titles));
    expect((await cache.leads.get('1'))?.groupIds).toEqual(['B']);
    expect((await cache.leads.get('2'))?.groupIds).toEqual([]);
    expect((await cache.leads.get('3'))?.groupIds).toEqual(['A']);
    // A lead added in Callside and not yet created at the provider is nobody's departure.
    expect((await cache.leads.get('local-x'))?.groupIds).toEqual(['A']);
  });
});
