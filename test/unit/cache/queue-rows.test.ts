import { describe, expect, it } from 'vitest';
import { leadPageSchema } from '../../../src/shared/contract/workspace-schemas';
import { makeActivity, makeLead, openTestCache } from './fixtures';

/** What a queue row shows of a lead's history, computed in the page query. */
describe('lead list rows', () => {
  it('carry the last contact and the number of calls, for lists and searches alike', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([
      makeLead('called', { firstName: 'Cal' }),
      makeLead('texted', { firstName: 'Tex' }),
      makeLead('never', { firstName: 'Nev' }),
    ]);
    await cache.activities.upsertPage([
      makeActivity('c1', 'called', '2026-11-30T10:00:00Z'),
      makeActivity('c2', 'called', '2026-12-01T09:30:00Z'),
      makeActivity('c3', 'called', '2026-11-29T08:00:00Z', { direction: 'inbound' }),
      makeActivity('s1', 'texted', '2026-12-01T12:00:00Z', { kind: 'sms', durationSec: null, text: 'hi' }),
      // Another lead's call is not counted here.
      makeActivity('c4', 'elsewhere', '2026-12-01T12:00:00Z'),
    ]);

    const rows = await cache.leads.list({ order: 'name' });
    expect(rows.map((row) => [row.id, row.lastContactAt, row.calls])).toEqual([
      ['called', '2026-12-01T09:30:00.000Z', 3],
      ['never', null, 0],
      ['texted', '2026-12-01T12:00:00.000Z', 0],
    ]);
    expect((await cache.search.leads('cal'))[0]).toMatchObject({ lastContactAt: '2026-12-01T09:30:00.000Z', calls: 3 });
    // The bridge's page schema carries both fields to the renderer.
    const page = leadPageSchema.parse({ leads: rows, hasMore: false });
    expect(page.leads[0]).toMatchObject({ lastContactAt: '2026-12-01T09:30:00.000Z', calls: 3 });
  });
});
