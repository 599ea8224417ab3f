import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStorageError, openCache } from '../../../src/core/cache';
import { openDatabase } from '../../../src/core/cache/driver';
import { CURSOR } from '../../../src/core/sync/cursors';
import { markInFlight, opInFlight } from '../../../src/core/sync/outbox/in-flight';
import { makeLead, openTestCache, tempCachePath } from './fixtures';

/** A cache with queued writes near the start of the file and a lot of lead data after them. */
async function cacheWithQueuedWrites(path: string) {
  const cache = await openCache(path);
  await cache.leads.upsertPage([makeLead('L')]);
  const { op } = await cache.changeLead(
    'L',
    { tags: [{ id: 't', title: 'Mine' }] },
    { kind: 'tag.set', payload: { t: 1 } },
  );
  const { note, op: noteOp } = await cache.addLocalNote({ leadId: 'L', text: 'Call back' }, { kind: 'note.add' });
  // The tag op's request may be on the wire: whoever opens the cache next must verify it first.
  await markInFlight(cache, op.id);
  await cache.syncCursors.set(CURSOR.leadAlias('local-1'), { leadId: '9001' });
  await cache.syncCursors.set(CURSOR.calls, { day: '2026-01-01' });
  for (let page = 0; page < 4; page += 1) {
    await cache.leads.upsertPage(
      Array.from({ length: 500 }, (_, i) => makeLead(`${page}-${i}`, { company: `Company with a longish name ${i}` })),
    );
  }
  await cache.close();
  return { ops: [op, noteOp], note };
}

async function overwritePage(path: string, table: string): Promise<void> {
  const db = await openDatabase(path);
  const { rootpage } = (await db.get<{ rootpage: number }>('SELECT rootpage FROM sqlite_schema WHERE name = ?', [
    table,
  ]))!;
  const { page_size } = (await db.get<{ page_size: number }>('PRAGMA page_size'))!;
  await db.close();
  const file = await open(path, 'r+');
  await file.write(Buffer.alloc(page_size, 0xff), 0, page_size, (rootpage - 1) * page_size);
  await file.close();
}

const siblings = (path: string) => readdirSync(dirname(path)).sort();

describe('cache integrity', () => {
  it('reports a healthy cache as ok', async () => {
    const cache = await openTestCache();
    await cache.leads.upsertPage([makeLead('1')]);
    expect(await cache.checkIntegrity('quick')).toEqual({ ok: true, problems: [] });
    expect(await cache.checkIntegrity('full')).toEqual({ ok: true, problems: [] });
  });

  it('refuses a garbage file with a clear storage error and leaves it untouched', async () => {
    const path = tempCachePath();
    writeFileSync(path, 'this is not a database, it is a shopping list: eggs, milk, '.repeat(100));
    const before = readFileSync(path);

    for (const onCorrupt of ['fail', 'salvage'] as const) {
      const failure = await openCache(path, { onCorrupt }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(CacheStorageError);
      expect(failure).toMatchObject({ code: 'storage', failure: 'corrupt' });
      expect((failure as Error).message).toContain('not an SQLite database');
      if (onCorrupt === 'salvage') expect((failure as Error).message).toContain('left in place untouched');
    }
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(siblings(path)).toEqual(['cache.sqlite']);
  });

  it('refuses a file too short to be a database', async () => {
    const path = tempCachePath();
    writeFileSync(path, 'SQLite format 3\u0000');
    await expect(openCache(path, { onCorrupt: 'fail' })).rejects.toMatchObject({ failure: 'corrupt' });
  });

  it('salvages the outbox and local notes of a truncated cache into a fresh one', async () => {
    const path = tempCachePath();
    const { ops, note } = await cacheWithQueuedWrites(path);
    truncateSync(path, Math.floor(statSync(path).size / 2));

    await expect(openCache(path, { onCorrupt: 'fail' })).rejects.toMatchObject({
      failure: 'corrupt',
      message: expect.stringContaining('truncated'),
    });
    const cache = await openTestCache(path);
    expect(cache.recovery).toMatchObject({ outboxOps: 2, localNotes: 1, reason: expect.stringContaining('truncated') });
    const movedTo = cache.recovery!.movedTo;
    expect(movedTo).toMatch(/cache\.sqlite\.corrupt-\d{4}-\d{2}-\d{2}T/);
    expect(existsSync(movedTo)).toBe(true);

    // The queued writes survive exactly; everything pulled from the provider will be pulled again.
    expect(await cache.outbox.listPending()).toEqual(ops);
    expect(await cache.outbox.pendingFields(['L'])).toEqual(new Map([['L', new Set(['tags'])]]));
    expect(await cache.notes.listForLead('L')).toEqual([note]);
    expect(await opInFlight(cache)).toBe(ops[0]!.id);
    expect((await cache.syncCursors.get(CURSOR.leadAlias('local-1')))?.value).toEqual({ leadId: '9001' });
    // Pulled data's cursors start over with the data.
    expect(await cache.syncCursors.get(CURSOR.calls)).toBeNull();
    expect(await cache.leads.count()).toBe(0);
    expect(await cache.checkIntegrity('full')).toEqual({ ok: true, problems: [] });
  });

  it('leaves a damaged cache in place when its outbox cannot be read', async () => {
    const path = tempCachePath();
    await cacheWithQueuedWrites(path);
    await overwritePage(path, 'outbox');

    // The O(1) header check cannot see a scribbled page; a query that touches it fails clearly.
    const cache = await openTestCache(path);
    await expect(cache.outbox.listPending()).rejects.toMatchObject({ code: 'storage', failure: 'corrupt' });
    expect((await cache.checkIntegrity('quick')).ok).toBe(false);
    await cache.close();
    const before = readFileSync(path);
    const filesBefore = siblings(path);

    const failure = await openCache(path, { check: 'quick' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'storage', failure: 'corrupt' });
    expect((failure as Error).message).toMatch(/queue of unsent changes could not be read.*left in place untouched/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(siblings(path)).toEqual(filesBefore);
    expect(filesBefore.some((name) => name.includes('corrupt'))).toBe(false);
  });

  it('salvages with a full check when other tables are damaged but the outbox is not', async () => {
    const path = tempCachePath();
    const { ops } = await cacheWithQueuedWrites(path);
    await overwritePage(path, 'leads');

    const cache = await openTestCache(path, { check: 'quick' });
    expect(cache.recovery).toMatchObject({ outboxOps: 2, localNotes: 1 });
    expect(await cache.outbox.listPending()).toEqual(ops);
  });

  it('resets on explicit request even when nothing can be salvaged, keeping the damaged file', async () => {
    const path = tempCachePath();
    writeFileSync(path, Buffer.alloc(8192, 0x42));
    const cache = await openTestCache(path, { onCorrupt: 'reset' });
    expect(cache.recovery).toMatchObject({ outboxOps: 0, localNotes: 0 });
    expect(readFileSync(cache.recovery!.movedTo).equals(Buffer.alloc(8192, 0x42))).toBe(true);
    expect(await cache.leads.count()).toBe(0);
  });

  it('does not treat a read-only open of a damaged file as a reason to move it', async () => {
    const path = tempCachePath();
    writeFileSync(path, Buffer.alloc(8192, 0x42));
    await expect(openCache(path, { readonly: true })).rejects.toMatchObject({ failure: 'corrupt' });
    expect(siblings(path)).toEqual(['cache.sqlite']);
  });
});
