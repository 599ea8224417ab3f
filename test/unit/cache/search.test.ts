import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../src/core/cache/fts-query';
import { leadSchema } from '../../../src/shared/domain';
import { makeLead, openTestCache } from './fixtures';

async function searchableCache() {
  const cache = await openTestCache();
  await cache.leads.upsertPage([
    makeLead('jose', { firstName: 'José', lastName: 'García', email: 'jg@acme.example', company: 'Acme Solar' }),
    makeLead('zoe', { firstName: 'Zoë', lastName: 'Ångström', phone: '+15551234567' }),
    makeLead('lukasz', { firstName: 'Łukasz', lastName: 'Żółw', mobile: '+447700900123' }),
    makeLead('budget', { firstName: 'Pat', lastName: 'Lee', customFields: { Budget: 'Platinum tier' } }),
    makeLead('or', { firstName: 'Orla', lastName: 'Near', company: 'Drop Tables Ltd' }),
  ]);
  // Filler, so that "matches everything" cannot pass by accident.
  await cache.leads.upsertPage(
    Array.from({ length: 20 }, (_, i) => makeLead(`f${i}`, { firstName: 'Filler', lastName: `Person${i}` })),
  );
  return cache;
}

const ids = (leads: Array<{ id: string }>) => leads.map((lead) => lead.id).sort();

describe('lead search', () => {
  it('matches word prefixes without regard to accents or case', async () => {
    const cache = await searchableCache();
    expect(ids(await cache.search.leads('jos'))).toEqual(['jose']);
    expect(ids(await cache.search.leads('JOSÉ'))).toEqual(['jose']);
    expect(ids(await cache.search.leads('zoe'))).toEqual(['zoe']);
    expect(ids(await cache.search.leads('angs'))).toEqual(['zoe']);
    expect(ids(await cache.search.leads('garc'))).toEqual(['jose']);
    // Letters Unicode cannot decompose are folded by us.
    expect(ids(await cache.search.leads('luk'))).toEqual(['lukasz']);
    expect(ids(await cache.search.leads('zolw'))).toEqual(['lukasz']);
  });

  it('searches company, email and custom field values', async () => {
    const cache = await searchableCache();
    expect(ids(await cache.search.leads('acme'))).toEqual(['jose']);
    expect(ids(await cache.search.leads('jg@acme'))).toEqual(['jose']);
    expect(ids(await cache.search.leads('platin'))).toEqual(['budget']);
    expect(ids(await cache.search.leads('pat plat'))).toEqual(['budget']);
  });

  it('searches phone digits however the agent starts typing them', async () => {
    const cache = await searchableCache();
    expect(ids(await cache.search.leads('555123'))).toEqual(['zoe']);
    expect(ids(await cache.search.leads('(555) 123-45'))).toEqual(['zoe']);
    expect(ids(await cache.search.leads('+1 555 1234567'))).toEqual(['zoe']);
    expect(ids(await cache.search.leads('7700 900'))).toEqual(['lukasz']);
    expect(ids(await cache.search.leads('447700'))).toEqual(['lukasz']);
  });

  it('requires every word to match', async () => {
    const cache = await searchableCache();
    expect(ids(await cache.search.leads('filler person1'))).toEqual([
      'f1',
      'f10',
      'f11',
      'f12',
      'f13',
      'f14',
      'f15',
      'f16',
      'f17',
      'f18',
      'f19',
    ]);
    expect(ids(await cache.search.leads('jose zoe'))).toEqual([]);
  });

  it.each(['"', '*', 'OR', 'NEAR(', 'a-b', "'; drop table leads; --", 'name:jose', 'jose OR zoe', '^', '""*', 'NOT'])(
    'treats hostile input %j as plain text: no error, never everything',
    async (input) => {
      const cache = await searchableCache();
      const found = await cache.search.leads(input);
      for (const lead of found) expect(leadSchema.safeParse(lead).success).toBe(true);
      expect(found.length).toBeLessThan(25);
      expect(await cache.leads.count()).toBe(25);
    },
  );

  it('finds the literal words of would-be operators', async () => {
    const cache = await searchableCache();
    expect(ids(await cache.search.leads('OR'))).toEqual(['or']);
    expect(ids(await cache.search.leads('NEAR('))).toEqual(['or']);
    expect(ids(await cache.search.leads("'; drop table"))).toEqual(['or']);
    expect(await cache.search.leads('jose OR zoe')).toEqual([]);
  });

  it('orders results by name and honours the limit', async () => {
    const cache = await searchableCache();
    const found = await cache.search.leads('filler', { limit: 3 });
    expect(found.map((lead) => lead.lastName)).toEqual(['Person0', 'Person1', 'Person10']);
  });
});

describe('FTS query building', () => {
  it('quotes every word as a prefix term', () => {
    expect(toFtsQuery('jos gar')).toBe('"jos"* "gar"*');
    expect(toFtsQuery('  Zoë ')).toBe('"Zoë"*');
  });

  it('turns phone-like input into one run of digits', () => {
    expect(toFtsQuery('+1 (555) 123-4567')).toBe('"15551234567"*');
    expect(toFtsQuery('12')).toBe('"12"*');
  });

  it('drops everything that is not a letter, digit or mark', () => {
    expect(toFtsQuery('"')).toBeNull();
    expect(toFtsQuery('*')).toBeNull();
    expect(toFtsQuery('NEAR(a b, 2)')).toBe('"NEAR"* "a"* "b"* "2"*');
    expect(toFtsQuery('col:"x" OR y*')).toBe('"col"* "x"* "OR"* "y"*');
  });

  it('bounds the query: at most eight terms of 64 characters', () => {
    const query = toFtsQuery(`${'x'.repeat(100)} ${'w '.repeat(20)}`);
    expect(query?.split(' ')).toHaveLength(8);
    expect(query?.startsWith(`"${'x'.repeat(64)}"*`)).toBe(true);
  });
});
