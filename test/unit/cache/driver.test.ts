import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/core/cache/driver';
import { CacheStorageError } from '../../../src/core/cache/storage-error';
import { tempCachePath } from './fixtures';

async function withDatabase(work: (db: Database) => Promise<void>): Promise<void> {
  const db = await openDatabase(tempCachePath('driver.sqlite'));
  try {
    await db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL)');
    await work(db);
  } finally {
    await db.close();
  }
}

describe('cache driver', () => {
  it('opens with WAL, foreign keys, a busy timeout and NORMAL sync', async () => {
    await withDatabase(async (db) => {
      expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
      expect(await db.get('PRAGMA busy_timeout')).toEqual({ timeout: 5000 });
      expect(await db.get('PRAGMA synchronous')).toEqual({ synchronous: 1 });
    });
  });

  it('runs, reads and reuses prepared statements', async () => {
    await withDatabase(async (db) => {
      const insert = db.prepare('INSERT INTO items (label) VALUES (?)');
      expect(await insert.run(['a'])).toEqual({ changes: 1, lastId: 1 });
      expect(await insert.run(['b'])).toEqual({ changes: 1, lastId: 2 });
      expect(await db.all('SELECT label FROM items ORDER BY id')).toEqual([{ label: 'a' }, { label: 'b' }]);
      // A parameterless statement re-runs every time (node-sqlite3's own `get` would not).
      const count = db.prepare('SELECT count(*) AS n FROM items');
      expect(await count.get()).toEqual({ n: 2 });
      await insert.run(['c']);
      expect(await count.get()).toEqual({ n: 3 });
      expect(await db.get('SELECT label FROM items WHERE id = ?', [99])).toBeUndefined();
    });
  });

  it('turns SQLite errors into storage errors that name the statement, not the data', async () => {
    await withDatabase(async (db) => {
      const failure = await db.run('INSERT INTO items (label) VALUES (?)', [null]).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(CacheStorageError);
      expect(failure).toMatchObject({ code: 'storage', failure: 'constraint', sqliteCode: 'SQLITE_CONSTRAINT' });
      expect((failure as Error).message).toContain('INSERT INTO items');
      await expect(db.all('SELECT nope FROM items')).rejects.toMatchObject({ code: 'storage', failure: 'other' });
    });
  });

  it('commits a transaction whole and rolls it back whole', async () => {
    await withDatabase(async (db) => {
      await db.transaction(async (tx) => {
        await tx.run("INSERT INTO items (label) VALUES ('kept')");
      });
      await expect(
        db.transaction(async (tx) => {
          await tx.run("INSERT INTO items (label) VALUES ('lost')");
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await db.all('SELECT label FROM items')).toEqual([{ label: 'kept' }]);
    });
  });

  it('never interleaves two concurrent transactions', async () => {
    await withDatabase(async (db) => {
      const order: string[] = [];
      const writer = (name: string) =>
        db.transaction(async (tx) => {
          order.push(`${name}:begin`);
          for (let i = 0; i < 5; i += 1) {
            await tx.run('INSERT INTO items (label) VALUES (?)', [`${name}${i}`]);
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          order.push(`${name}:end`);
        });
      // A plain statement issued meanwhile waits for the running transaction instead of joining it.
      const plain = db.run("INSERT INTO items (label) VALUES ('plain')").then(() => order.push('plain'));
      await Promise.all([writer('a'), writer('b'), plain]);
      expect(order.indexOf('a:end')).toBe(order.indexOf('a:begin') + 1);
      expect(order.indexOf('b:end')).toBe(order.indexOf('b:begin') + 1);
      const labels = (await db.all<{ label: string }>('SELECT label FROM items ORDER BY id')).map((row) => row.label);
      expect(labels.join(',')).toMatch(/a0,a1,a2,a3,a4.*b0,b1,b2,b3,b4|b0,b1,b2,b3,b4.*a0,a1,a2,a3,a4/);
      expect(labels).toHaveLength(11);
    });
  });

  it('nests transactions as savepoints: an inner failure undoes only the inner work', async () => {
    await withDatabase(async (db) => {
      await db.transaction(async (tx) => {
        await tx.run("INSERT INTO items (label) VALUES ('outer')");
        await tx
          .transaction(async (inner) => {
            await inner.run("INSERT INTO items (label) VALUES ('inner')");
            throw new Error('inner failed');
          })
          .catch(() => undefined);
      });
      expect(await db.all('SELECT label FROM items')).toEqual([{ label: 'outer' }]);
    });
  });

  it('refuses the outer handle inside its own transaction instead of deadlocking', async () => {
    await withDatabase(async (db) => {
      await expect(db.transaction(() => db.all('SELECT 1'))).rejects.toMatchObject({
        code: 'storage',
        failure: 'misuse',
      });
      let leaked: Parameters<Parameters<Database['transaction']>[0]>[0] | null = null;
      await db.transaction(async (tx) => {
        leaked = tx;
      });
      await expect(leaked!.all('SELECT 1')).rejects.toMatchObject({ failure: 'misuse' });
    });
  });

  it('reports use after close as a storage error', async () => {
    const db = await openDatabase(tempCachePath('closed.sqlite'));
    await db.close();
    await expect(db.all('SELECT 1')).rejects.toMatchObject({ code: 'storage', failure: 'closed' });
  });
});
