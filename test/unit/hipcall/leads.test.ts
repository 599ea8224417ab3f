import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../../src/core/cache';
import type { HipcallCdr } from '../../../src/core/providers/hipcall/cdr';
import { LeadResolver, leadContactId } from '../../../src/core/providers/hipcall/leads';

/** Lead identity against a real SQLite cache: one lead per number, whatever order the ids arrive in. */
const folders: string[] = [];
const caches: Cache[] = [];
afterEach(async () => {
  await Promise.all(caches.splice(0).map((c) => c.close()));
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

async function cache(): Promise<Cache> {
  const folder = mkdtempSync(join(tmpdir(), 'callside-hipcall-unit-'));
  folders.push(folder);
  const c = await openCache(join(folder, 'cache.sqlite'));
  caches.push(c);
  return c;
}

const cdr = (changes: Partial<HipcallCdr>): HipcallCdr => ({
  uuid: 'u',
  direction: 'inbound',
  startedAt: '2026-06-23T13:00:00.000Z',
  endedAt: null,
  answeredAt: null,
  durationSec: 10,
  agentId: '2',
  contactId: null,
  externalPhone: '+12125551234',
  from: '+12125551234',
  to: '101',
  status: 'completed',
  recordingUrl: null,
  ...changes,
});

/** One page: resolve every call, write in one transaction, as the calls stream does. */
async function page(c: Cache, cdrs: HipcallCdr[]): Promise<Array<string | null>> {
  return c.transaction(async (tx) => {
    const resolver = new LeadResolver(tx);
    const ids: Array<string | null> = [];
    for (const row of cdrs) ids.push((await resolver.resolve(row))?.id ?? null);
    await resolver.write(tx);
    return ids;
  });
}

describe('Hipcall lead identity', () => {
  it('a call with contact_id 0 joins the contact lead that holds its number', async () => {
    const c = await cache();
    expect(await page(c, [cdr({ contactId: '42' })])).toEqual(['contact:42']);
    expect(await page(c, [cdr({ contactId: null })])).toEqual(['contact:42']);
    expect(await c.leads.count()).toBe(1);
  });

  it('a contact id seen later for a phone lead stays one lead, which can then take notes', async () => {
    const c = await cache();
    expect(await page(c, [cdr({})])).toEqual(['phone:+12125551234']);
    expect(await page(c, [cdr({ contactId: '42' })])).toEqual(['phone:+12125551234']);
    expect(await c.leads.count()).toBe(1);
    const lead = (await c.leads.get('phone:+12125551234'))!;
    expect(leadContactId(lead)).toBe('42');
    // The contact calling from another number still finds its lead.
    expect(await page(c, [cdr({ contactId: '42', externalPhone: '+13125550000' })])).toEqual(['phone:+12125551234']);
    expect(await c.leads.count()).toBe(1);
  });

  it('within one page too, and never for internal calls or numberless strangers', async () => {
    const c = await cache();
    const ids = await page(c, [
      cdr({}),
      cdr({ contactId: '7' }),
      cdr({ direction: 'internal', externalPhone: null }),
      cdr({ externalPhone: null }),
      cdr({ direction: 'outbound', contactId: '8', externalPhone: null }),
    ]);
    expect(ids).toEqual(['phone:+12125551234', 'phone:+12125551234', null, null, 'contact:8']);
    expect(await c.leads.count()).toBe(2);
    expect((await c.leads.get('contact:8'))?.phone).toBe('');
  });
});
