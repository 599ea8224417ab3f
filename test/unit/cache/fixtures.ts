import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openCache, type Cache, type OpenCacheOptions } from '../../../src/core/cache';
import type { Activity, Lead, Note } from '../../../src/shared/domain';

/** Real SQLite files in throwaway folders; every cache opened here is closed after each test. */
const folders: string[] = [];
const openCaches: Cache[] = [];

afterEach(async () => {
  await Promise.all(openCaches.splice(0).map((cache) => cache.close().catch(() => undefined)));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

export function tempCachePath(name = 'cache.sqlite'): string {
  const folder = mkdtempSync(join(tmpdir(), 'callside-cache-'));
  folders.push(folder);
  return join(folder, name);
}

export async function openTestCache(path = tempCachePath(), options?: OpenCacheOptions): Promise<Cache> {
  const cache = await openCache(path, options);
  openCaches.push(cache);
  return cache;
}

export function makeLead(id: string, overrides: Partial<Lead> = {}): Lead {
  return {
    id,
    provider: 'hotprospector',
    firstName: `First${id}`,
    lastName: `Last${id}`,
    email: `lead${id}@example.com`,
    phone: '',
    mobile: '',
    company: '',
    website: '',
    city: '',
    state: '',
    zip: '',
    address: '',
    countryCode: 'US',
    groupIds: [],
    tags: [],
    customFields: {},
    unsubscribed: false,
    ...overrides,
  };
}

export function makeActivity(id: string, leadId: string, at: string, overrides: Partial<Activity> = {}): Activity {
  return {
    id,
    leadId,
    kind: 'call',
    direction: 'outbound',
    at,
    durationSec: 42,
    status: 'answered',
    from: '+15550000001',
    to: '+15550000002',
    text: null,
    recordingUrl: null,
    ...overrides,
  };
}

export function makeNote(id: string, leadId: string, at: string, overrides: Partial<Note> = {}): Note {
  return { id, leadId, text: `note ${id}`, kind: 'note', at, origin: 'remote', syncState: 'synced', ...overrides };
}
