import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, openCache } from '../../../src/core/cache';
import { openDatabase } from '../../../src/core/cache/driver';
import { migrate, readSchemaVersion } from '../../../src/core/cache/migrate';
import { MIGRATIONS, type Migration } from '../../../src/core/cache/migrations';
import { makeLead, openTestCache, tempCachePath } from './fixtures';

const TABLES = [
  'leads',
  'lead_search',
  'tags',
  'lead_tags',
  'groups',
  'group_memberships',
  'custom_fields',
  'notes',
  'activities',
  'members',
  'metric_days',
  'agent_metrics',
  'campaigns',
  'number_health',
  'sync_cursors',
  'outbox',
  'outbox_fields',
];

describe('cache migrations', () => {
  it('builds the whole schema on an empty file and records the version in user_version', async () => {
    const path = tempCachePath();
    const cache = await openTestCache(path);
    expect(cache.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    await cache.close();

    const db = await openDatabase(path);
    expect(await readSchemaVersion(db)).toBe(MIGRATIONS.length);
    const names = (await db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")).map(
      (row) => row.name,
    );
    for (const table of TABLES) expect(names).toContain(table);
    await db.close();
  });

  it('re-opens an up-to-date cache without changing it', async () => {
    const path = tempCachePath();
    const first = await openCache(path);
    await first.leads.upsertPage([makeLead('1')]);
    await first.close();

    const second = await openTestCache(path);
    expect(second.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(await second.leads.count()).toBe(1);
    const db = await openDatabase(path);
    expect(await migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    await db.close();
  });

  it('refuses a cache written by a newer Callside and leaves it untouched', async () => {
    const path = tempCachePath();
    const db = await openDatabase(path);
    await db.exec('CREATE TABLE from_the_future (x); PRAGMA user_version = 99;');
    await db.close();
    const before = readFileSync(path);

    const failure = await openCache(path).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'storage', failure: 'newer_schema' });
    expect((failure as Error).message).toMatch(
      new RegExp(`newer Callside \\(schema v99; this version knows up to v${LATEST_SCHEMA_VERSION}\\)`),
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses an SQLite database that is not a Callside cache', async () => {
    const path = tempCachePath('other.db');
    const db = await openDatabase(path);
    await db.exec('CREATE TABLE somebody_elses (x)');
    await db.close();
    await expect(openCache(path)).rejects.toMatchObject({ code: 'storage', failure: 'foreign_database' });
  });

  it('applies pending migrations in order, and a failing one leaves the previous version intact', async () => {
    const path = tempCachePath();
    const applied: number[] = [];
    const second: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'second',
      up: async (tx) => {
        applied.push(LATEST_SCHEMA_VERSION + 1);
        await tx.exec('CREATE TABLE second_table (x)');
      },
    };
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 2,
      name: 'broken',
      up: async (tx) => {
        applied.push(LATEST_SCHEMA_VERSION + 2);
        await tx.exec('CREATE TABLE third_table (x); SELECT no_such_function();');
      },
    };

    const db = await openDatabase(path);
    expect(await migrate(db, [...MIGRATIONS, second])).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION + 1 });
    await expect(migrate(db, [...MIGRATIONS, second, broken])).rejects.toMatchObject({ code: 'storage' });
    expect(applied).toEqual([LATEST_SCHEMA_VERSION + 1, LATEST_SCHEMA_VERSION + 2]);
    expect(await readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(await db.get("SELECT name FROM sqlite_schema WHERE name = 'third_table'")).toBeUndefined();
    await db.close();
  });

  it('moves a version 1 cache with queued changes forward without losing one', async () => {
    const path = tempCachePath();
    const db = await openDatabase(path);
    await migrate(db, MIGRATIONS.slice(0, 1));
    await db.exec(
      `INSERT INTO outbox (id, kind, lead_id, payload, attempts, last_error, created_at)
       VALUES ('op-1', 'tag.add', 'L1', '{"tagIds":["7"]}', 3, 'offline', '2026-01-01T00:00:00Z');`,
    );
    await db.close();

    const cache = await openCache(path);
    try {
      expect(cache.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(await cache.outbox.listPending()).toMatchObject([
        { id: 'op-1', kind: 'tag.add', leadId: 'L1', payload: { tagIds: ['7'] }, attempts: 3, providerFailures: 0 },
      ]);
    } finally {
      await cache.close();
    }
  });

  it('moves a version 2 cache with call history forward: old calls keep every field, new ones carry their agent', async () => {
    const path = tempCachePath();
    const db = await openDatabase(path);
    await migrate(db, MIGRATIONS.slice(0, 2));
    await db.exec(
      `INSERT INTO activities (kind, id, lead_id, direction, at, at_ms, duration_sec, status, from_number, to_number, text, recording_url, turns)
       VALUES ('call', 'c-1', 'L1', 'inbound', '2026-01-01T00:00:00Z', 1767225600000, 42, 'answered', '+15550100', '+15550101', NULL, 'https://rec/1', NULL);`,
    );
    await db.close();

    const cache = await openCache(path);
    try {
      const [old] = await cache.activities.timeline('L1');
      expect(old).toEqual({
        id: 'c-1',
        leadId: 'L1',
        kind: 'call',
        direction: 'inbound',
        at: '2026-01-01T00:00:00Z',
        durationSec: 42,
        status: 'answered',
        from: '+15550100',
        to: '+15550101',
        text: null,
        recordingUrl: 'https://rec/1',
      });
      // A detail read names the agent; a later, thinner list row must not blank it again.
      await cache.activities.upsertPage([
        { ...old!, agentId: '7', agentName: 'Dana', recordingExpiresAt: '2026-01-01T01:00:00Z' },
      ]);
      await cache.activities.upsertPage([{ ...old!, status: 'completed' }]);
      expect((await cache.activities.timeline('L1'))[0]).toMatchObject({
        status: 'completed',
        agentId: '7',
        agentName: 'Dana',
      });
    } finally {
      await cache.close();
    }
  });

  it('refuses a migration list with a gap in its numbers', async () => {
    const db = await openDatabase(tempCachePath());
    const skipped: Migration = { version: LATEST_SCHEMA_VERSION + 2, name: 'skipped', up: async () => undefined };
    await expect(migrate(db, [...MIGRATIONS, skipped])).rejects.toMatchObject({ failure: 'misuse' });
    await db.close();
  });
});
