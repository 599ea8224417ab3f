import { describe, expect, it } from 'vitest';
import { openCache } from '../../../src/core/cache';
import { openDatabase } from '../../../src/core/cache/driver';
import { migrate } from '../../../src/core/cache/migrate';
import { MIGRATIONS } from '../../../src/core/cache/migrations';
import { buildLeadListQuery } from '../../../src/core/cache/repositories/lead-query';
import { makeLead, openTestCache, tempCachePath } from './fixtures';

/** Search the way agents type: any part of a number, the lead id, names without punctuation. */

const ids = (leads: Array<{ id: string }>) => leads.map((lead) => lead.id).sort();

async function agentsCache(path?: string) {
  const cache = await openTestCache(path);
  await cache.leads.upsertPage([
    makeLead('7734001', { firstName: "D'Andre", lastName: 'Smith', phone: '+13059865803', groupIds: ['g1'] }),
    makeLead('sio', { firstName: 'Siobhan', lastName: 'O’Brien', mobile: '+447700900123' }),
    makeLead('plain-dandre', { firstName: 'Dandre', lastName: 'Jones', phone: '+12125550199' }),
    makeLead('mary', { firstName: 'Mary-Jane', lastName: 'Watson', phone: '3055550111' }),
    makeLead('zoe', { firstName: 'Zoë', lastName: 'Ångström' }),
    makeLead('hp_9f3a', { firstName: 'Ida', lastName: 'Noor' }),
  ]);
  // Filler with other numbers, so that "matches everything" cannot pass by accident.
  await cache.leads.upsertPage(
    Array.from({ length: 30 }, (_, i) =>
      makeLead(`f${i}`, { firstName: 'Filler', lastName: `Person${i}`, phone: `+1202555${String(1000 + i)}` }),
    ),
  );
  return cache;
}

describe('search by any part of a number', () => {
  it('finds a lead by its last four digits, middle digits and any run of three or more', async () => {
    const cache = await agentsCache();
    expect(ids(await cache.search.leads('5803'))).toEqual(['7734001']);
    expect(ids(await cache.search.leads('986'))).toEqual(['7734001']);
    expect(ids(await cache.search.leads('986-58'))).toEqual(['7734001']);
    expect(ids(await cache.search.leads('(305) 986-5803'))).toEqual(['7734001']);
    expect(ids(await cache.search.leads('+1 305 986 5803'))).toEqual(['7734001']);
    expect(ids(await cache.search.leads('0900 123'))).toEqual(['sio']);
    // A number kept as the provider wrote it (not E.164) is searched the same way.
    expect(ids(await cache.search.leads('0111'))).toEqual(['mary']);
    // Digits that are in no phone in this order find nothing.
    expect(await cache.search.leads('5803986')).toEqual([]);
  });

  it('lists a lead once when its digits match both inside the number and at its start', async () => {
    const cache = await agentsCache();
    // "305" starts Mary's raw number and is inside D'Andre's +1 305…; Mary's matches twice.
    expect(ids(await cache.search.leads('305'))).toEqual(['7734001', 'mary']);
  });

  it('keeps group filters, and forgets digits a lead no longer has', async () => {
    const cache = await agentsCache();
    expect(ids(await cache.search.leads('5803', { groupId: 'g1' }))).toEqual(['7734001']);
    expect(await cache.search.leads('5803', { groupId: 'other' })).toEqual([]);
    const lead = await cache.leads.get('7734001');
    await cache.leads.upsertPage([{ ...lead!, phone: '+13055550000' }]);
    expect(await cache.search.leads('5803')).toEqual([]);
    expect(ids(await cache.search.leads('5550000'))).toEqual(['7734001']);
  });

  it('removes a deleted lead from the digit index too', async () => {
    const path = tempCachePath();
    const cache = await agentsCache(path);
    await cache.leads.remove(['7734001']);
    await cache.close();
    const db = await openDatabase(path);
    const hits = await db.all('SELECT rowid FROM lead_digits WHERE lead_digits MATCH \'"5803"\'');
    await db.close();
    expect(hits).toEqual([]);
  });

  it('answers digit queries from the indexes, never by scanning the leads', async () => {
    const path = tempCachePath();
    (await agentsCache(path)).close();
    const db = await openDatabase(path);
    for (const order of ['name', 'queue'] as const) {
      const statement = buildLeadListQuery({ search: '5803', order });
      const plan = await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${statement!.sql}`, statement!.params);
      const details = plan.map((row) => row.detail);
      expect(details.some((detail) => /VIRTUAL TABLE INDEX .*lead_digits|lead_digits VIRTUAL TABLE/.test(detail))).toBe(
        true,
      );
      expect(details.filter((detail) => /^SCAN (l|leads)\b/.test(detail))).toEqual([]);
    }
    await db.close();
  });
});

describe('search by lead id', () => {
  it('finds a lead by its exact id, and not by part of it', async () => {
    const cache = await agentsCache();
    expect(ids(await cache.search.leads('7734001'))).toEqual(['7734001']);
    expect(ids(await cache.search.leads('hp_9f3a'))).toEqual(['hp_9f3a']);
    expect(ids(await cache.search.leads(' hp_9f3a '))).toEqual(['hp_9f3a']);
    expect(await cache.search.leads('773400')).toEqual([]);
    expect(await cache.search.leads('hp_9f3')).toEqual([]);
  });
});

describe('search by names with or without punctuation', () => {
  it.each(["D'Andre", 'dandre', 'd andre', 'DAndre', 'd’andre', "d'and", 'dand', 'andre smi'])(
    '%j finds D’Andre',
    async (typed) => {
      const cache = await agentsCache();
      expect(await cache.search.leads(typed)).toContainEqual(expect.objectContaining({ id: '7734001' }));
    },
  );

  it('finds a lead stored without the apostrophe when the agent types one', async () => {
    const cache = await agentsCache();
    expect(ids(await cache.search.leads("D'Andre"))).toEqual(['7734001', 'plain-dandre']);
    expect(ids(await cache.search.leads('dandre'))).toEqual(['7734001', 'plain-dandre']);
  });

  it.each(['obrien', "O'Brien", 'O’Brien', 'o brien', 'obri'])('%j finds O’Brien', async (typed) => {
    const cache = await agentsCache();
    expect(ids(await cache.search.leads(typed))).toEqual(['sio']);
  });

  it('joins hyphenated names, and accents still fold', async () => {
    const cache = await agentsCache();
    expect(ids(await cache.search.leads('maryjane'))).toEqual(['mary']);
    expect(ids(await cache.search.leads('mary-jane wat'))).toEqual(['mary']);
    expect(ids(await cache.search.leads('zoe angstrom'))).toEqual(['zoe']);
  });
});

describe('migration 004', () => {
  it('moves a version-3 cache with leads forward, then finds them by last four digits and joined names', async () => {
    const path = tempCachePath();
    const db = await openDatabase(path);
    await migrate(db, MIGRATIONS.slice(0, 3));
    // Leads as the version-3 writer left them: the row, its tags and groups, and the word index
    // of that time (no joined names, phones only as whole digits).
    await db.exec(`
      INSERT INTO leads (key, id, provider, first_name, last_name, email, phone, mobile, company, website, city, state,
        zip, address, country_code, custom_fields, unsubscribed, sort_name, created_ms, first_seen_ms, updated_ms, last_call_ms)
      VALUES
        (1, 'L1', 'hotprospector', 'D''Andre', 'Smith', 'd@x.example', '+13059865803', '', 'Acme', '', 'Miami', 'FL',
         '33101', '', 'US', '{"Budget":"Gold"}', 0, 'd''andre smith', 1767225600000, 1767225600000, 1767225600000, 1767225700000),
        (2, 'L2', 'hotprospector', 'Pat', 'O''Brien', 'p@x.example', '', '+447700900123', '', '', '', '',
         '', '', 'GB', '{}', 1, 'pat o''brien', NULL, 1767225600000, 1767225600000, NULL);
      INSERT INTO tags (id, title) VALUES ('t1', 'Hot');
      INSERT INTO lead_tags (lead_id, tag_id, position) VALUES ('L1', 't1', 0);
      INSERT INTO group_memberships (lead_id, group_id, position) VALUES ('L1', 'g1', 0);
      INSERT INTO lead_search (rowid, name, company, email, phones, custom) VALUES
        (1, 'D''Andre Smith', 'Acme', 'd@x.example', '13059865803 3059865803', 'Gold'),
        (2, 'Pat O''Brien', '', 'p@x.example', '447700900123 7700900123', '');
    `);
    await db.close();

    const cache = await openCache(path);
    try {
      expect(cache.schemaVersion).toBe(4);
      expect(await cache.leads.count()).toBe(2);
      expect(ids(await cache.search.leads('5803'))).toEqual(['L1']);
      expect(ids(await cache.search.leads('0123'))).toEqual(['L2']);
      expect(ids(await cache.search.leads('dandre'))).toEqual(['L1']);
      expect(ids(await cache.search.leads('obrien'))).toEqual(['L2']);
      // What the old index already found is still found, and the lead is whole.
      expect(ids(await cache.search.leads('gold'))).toEqual(['L1']);
      expect(ids(await cache.search.leads('acme smi'))).toEqual(['L1']);
      expect(await cache.leads.get('L1')).toMatchObject({
        firstName: "D'Andre",
        phone: '+13059865803',
        tags: [{ id: 't1', title: 'Hot' }],
        groupIds: ['g1'],
        customFields: { Budget: 'Gold' },
      });
      expect(await cache.leads.get('L2')).toMatchObject({ unsubscribed: true, mobile: '+447700900123' });
      // Written after the upgrade: indexed the new way as well.
      await cache.leads.upsertPage([makeLead('L3', { lastName: "N'Dour", phone: '+13055551212' })]);
      expect(ids(await cache.search.leads('1212'))).toEqual(['L3']);
      expect(ids(await cache.search.leads('ndour'))).toEqual(['L3']);
    } finally {
      await cache.close();
    }
  });
});
