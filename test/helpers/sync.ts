import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openCache, type Cache } from '../../src/core/cache';
import type { HotProspectorClient } from '../../src/core/providers/hotprospector/client';
import { connectHotProspector } from '../../src/core/providers/hotprospector/connect';
import { createMemorySecretStore } from '../../src/core/settings/memory-secret-store';
import { hotProspectorSession } from '../../src/core/providers/hotprospector/provider';
import { WorkspaceSync, type BackoffPolicy } from '../../src/core/sync';
import {
  startHotProspectorSandbox,
  type HotProspectorSandbox,
  type HotProspectorSandboxOptions,
} from '../../src/sandbox';

/**
 * Plumbing for the sync tests: real SQLite files in throwaway folders, the real client over
 * HTTP to a sandbox started by the test, and the real sync machinery on top. Nothing is mocked;
 * only waiting is shortened (retry backoff of a millisecond or two).
 */

/** 12:00 in Los Angeles: the sandbox's data and the sync's "today" agree on the date. */
export const NOW = new Date('2026-06-23T19:00:00Z');
export const TODAY = '2026-06-23';

export const FAST_BACKOFF: BackoffPolicy = { baseMs: 1, maxMs: 2, random: () => 0.5 };

const folders: string[] = [];
const caches: Cache[] = [];
const workspaces: WorkspaceSync[] = [];

afterEach(async () => {
  await Promise.all(workspaces.splice(0).map((w) => w.dispose().catch(() => undefined)));
  await Promise.all(caches.splice(0).map((cache) => cache.close().catch(() => undefined)));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

export function tempFolder(prefix = 'callside-sync-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

export async function openTestCache(path = join(tempFolder(), 'cache.sqlite')): Promise<Cache> {
  const cache = await openCache(path);
  caches.push(cache);
  return cache;
}

export function startSandbox(options: HotProspectorSandboxOptions = {}): Promise<HotProspectorSandbox> {
  return startHotProspectorSandbox({ seed: 5, leads: 40, now: NOW, ...options });
}

export function clientFor(
  sb: Pick<HotProspectorSandbox, 'v1Url' | 'v2BaseUrl' | 'credentials'>,
  options: { api?: 'v1' | 'v2'; apiKey?: string } = {},
): HotProspectorClient {
  const api = options.api ?? 'v1';
  return connectHotProspector({
    account: {
      provider: 'hotprospector',
      api,
      uid: sb.credentials.uid,
      baseUrl: api === 'v1' ? sb.v1Url : sb.v2BaseUrl,
      timezone: 'America/Los_Angeles',
    },
    apiKey: options.apiKey ?? sb.credentials.apiKey,
    secrets: createMemorySecretStore(),
    policy: { baseDelayMs: 1, maxDelayMs: 2 },
  });
}

export function workspaceFor(cache: Cache, client: () => HotProspectorClient): WorkspaceSync {
  const workspace = new WorkspaceSync({
    cache,
    session: async () => hotProspectorSession(client()),
    backoff: FAST_BACKOFF,
    now: () => NOW,
  });
  workspaces.push(workspace);
  return workspace;
}

/** A sandbox, a cache and the sync machinery between them, already pulled once. */
export async function syncedWorkspace(sb: HotProspectorSandbox, cache?: Cache) {
  const target = cache ?? (await openTestCache());
  const client = clientFor(sb);
  const workspace = workspaceFor(target, () => client);
  await workspace.pull();
  return { cache: target, client, workspace };
}

/** The sandbox's applied-write counter for one Method (0 when it never applied one). */
export function applied(sb: HotProspectorSandbox, method: string): number {
  return sb.counters().applied[method] ?? 0;
}

export function requests(sb: HotProspectorSandbox, method: string): number {
  return sb.counters().requests[method] ?? 0;
}
