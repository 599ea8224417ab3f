import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/core/cache/driver';
import { CacheStorageError } from '../../../src/core/cache/storage-error';
import { makeLead, openTestCache, tempCachePath } from './fixtures';

/**
 * bulkWrite defers WAL checkpoints for a run of page writes (a sync's pull) and folds the WAL
 * back in when it ends; commits inside it are ordinary transactions.
 */

async function withDatabase(work: (db: Database) => Promise<void>): Promise<void> {
  const db = await openDatabase(tempCachePath('bulk.sqlite'));
  try {
    await db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
    await work(db);
  } finally {
    await db.close();
  }
}

const autocheckpoint = async (db: Database) =>
  (await db.get<{ wal_autocheckpoint: number }>('PRAGMA wal_autocheckpoint'))?.wal_autocheckpoint;
const walBytes = async (db: Database) => (await stat(`${db.path}-wal`)).size;
/** `pages` 4 KiB pages of fresh rows, one transaction per 100 pages. */
async function writePages(db: Database, pages: number): Promise<void> {
  for (let done = 0; done < pages; done += 100) {
    await db.transaction(async (tx) => {
      for (let i = 0; i < 100; i += 1) await tx.run('INSERT INTO blobs (body) VALUES (zeroblob(4000))');
    });
  }
}

describe('cache bulkWrite', () => {
  it('raises wal_autocheckpoint for its duration and restores it after', async () => {
    await withDatabase(async (db) => {
      expect(await autocheckpoint(db)).toBe(1000);
      expect(await db.get('PRAGMA journal_size_limit')).toEqual({ journal_size_limit: 16 * 1024 * 1024 });
      const inside = await db.bulkWrite(async () => autocheckpoint(db));
      expect(inside).toBe(20_000);
      expect(await autocheckpoint(db)).toBe(1000);
    });
  });

  it('lets the WAL grow past the default threshold, then checkpoints it and shrinks it back', async () => {
    await withDatabase(async (db) => {
      // Outside bulk mode the WAL is checkpointed (and reused) past 1,000 pages.
      await writePages(db, 1500);
      expect(await walBytes(db)).toBeLessThan(1200 * 4200);

      await db.bulkWrite(async () => {
        await writePages(db, 5000);
        // No checkpoint ran: every page since the last reset is still in the WAL.
        expect(await walBytes(db)).toBeGreaterThan(5000 * 4096);
      });
      // The closing PASSIVE checkpoint copied everything: nothing is left to checkpoint.
      const after = await db.get<{ busy: number; log: number; checkpointed: number }>('PRAGMA wal_checkpoint(PASSIVE)');
      expect(after?.busy).toBe(0);
      expect(after?.checkpointed).toBe(after?.log);
      // The next commit restarts the WAL and truncates the file to journal_size_limit.
      await db.run('INSERT INTO blobs (body) VALUES (zeroblob(10))');
      expect(await walBytes(db)).toBeLessThanOrEqual(16 * 1024 * 1024);
      expect(await db.get('SELECT count(*) AS n FROM blobs')).toEqual({ n: 6501 });
      expect(await db.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
    });
  });

  it('keeps the raised setting until the last of overlapping bulk writes ends', async () => {
    await withDatabase(async (db) => {
      let releaseFirst!: () => void;
      const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
      const first = db.bulkWrite(async () => {
        await firstHeld;
        return autocheckpoint(db);
      });
      const second = await db.bulkWrite(async () => autocheckpoint(db));
      // The second ended first: still raised, the first is running.
      expect(second).toBe(20_000);
      expect(await autocheckpoint(db)).toBe(20_000);
      releaseFirst();
      expect(await first).toBe(20_000);
      expect(await autocheckpoint(db)).toBe(1000);
    });
  });

  it("restores the setting when the work fails and reports the work's error", async () => {
    await withDatabase(async (db) => {
      await expect(
        db.bulkWrite(async () => {
          await writePages(db, 100);
          throw new Error('page 7 failed');
        }),
      ).rejects.toThrow('page 7 failed');
      expect(await autocheckpoint(db)).toBe(1000);
      // What committed before the failure stays committed.
      expect(await db.get('SELECT count(*) AS n FROM blobs')).toEqual({ n: 100 });
    });
  });

  it('is refused inside a transaction of the same database', async () => {
    await withDatabase(async (db) => {
      const refused = await db
        .transaction(async () => db.bulkWrite(async () => undefined))
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(CacheStorageError);
      expect(refused).toMatchObject({ failure: 'misuse' });
    });
  });

  it('is there on the cache, around repository page writes', async () => {
    const cache = await openTestCache();
    const written = await cache.bulkWrite(async () => {
      await cache.leads.upsertPage([makeLead('1'), makeLead('2')]);
      return cache.leads.upsertPage([makeLead('3')]);
    });
    expect(written).toBeDefined();
    expect((await cache.leads.get('3'))?.firstName).toBe('First3');
    expect((await cache.checkIntegrity('quick')).ok).toBe(true);
  });
});
