import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache } from '../../../src/core/cache';
import { LeadActions } from '../../../src/core/services/lead-actions';
import { DeliveryLease } from '../../../src/core/sync/outbox/delivery-lease';
import type { HotProspectorSandbox, SbLead } from '../../../src/sandbox';
import { bundleChild, type ChildBundle } from '../../helpers/child-bundle';
import { NOW, applied, clientFor, requests, startSandbox, tempFolder, workspaceFor } from '../../helpers/sync';

/**
 * Issue 9, two processes on one cache: the desktop app delivering in the background while a
 * `callside sync` runs. Each is a real process with its own sender over the same SQLite file
 * (the crash test's child, in flush mode); the sandbox counts what reached it.
 */
describe('two processes pushing one outbox', () => {
  let sb: HotProspectorSandbox;
  let bundle: ChildBundle;

  beforeAll(async () => {
    bundle = await bundleChild(new URL('./crash-child.ts', import.meta.url));
    sb = await startSandbox({ leads: 30 });
  });
  afterAll(async () => {
    bundle.remove();
    await sb.close();
  });

  /** A pulled cache with one queued tag op per lead, on `count` leads. */
  async function cacheWithQueuedTags(count: number): Promise<{ path: string; leads: SbLead[] }> {
    const path = join(tempFolder('callside-two-'), 'cache.sqlite');
    const cache = await openCache(path);
    const client = clientFor(sb);
    const workspace = workspaceFor(cache, () => client);
    try {
      await workspace.pull();
      const actions = new LeadActions({ workspace: async () => workspace, kick: () => undefined });
      const leads = sb.state.data.leads.filter((lead) => lead.groupIds.length === 1).slice(0, count);
      expect(leads).toHaveLength(count);
      for (const lead of leads) {
        const tag = sb.state.addTag(`two-${lead.id}-${Math.random().toString(36).slice(2, 8)}`);
        await cache.tags.upsertMany([{ id: String(tag.id), title: tag.title }]);
        await actions.addTags(String(lead.id), [String(tag.id)]);
      }
      expect(await cache.outbox.counts()).toEqual({ pending: count, failed: 0 });
      return { path, leads };
    } finally {
      await workspace.dispose();
      await cache.close();
    }
  }

  function flushInChild(path: string): Promise<{ pending: number; failed: number }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bundle.path], {
        env: {
          ...process.env,
          CRASH_CACHE: path,
          CRASH_URL: sb.v1Url,
          CRASH_UID: sb.credentials.uid,
          CRASH_KEY: sb.credentials.apiKey,
          CRASH_NOW: NOW.toISOString(),
          CRASH_MODE: 'flush',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) => {
        const done = /done (\{.*\})/.exec(stdout);
        if (code === 0 && done) resolve(JSON.parse(done[1] as string) as { pending: number; failed: number });
        else reject(new Error(`child failed (${code}): ${stderr.slice(0, 2000)}`));
      });
    });
  }

  it('delivers each change once when two processes flush the same cache at the same moment', async () => {
    const rounds = 3;
    const perRound = 10;
    sb.setFaults({ latencyMs: 15, latencyJitterMs: 15, only: ['AddLeadTags'] });
    for (let round = 0; round < rounds; round += 1) {
      const { path, leads } = await cacheWithQueuedTags(perRound);
      sb.resetCounters();
      const results = await Promise.all([flushInChild(path), flushInChild(path), flushInChild(path)]);
      expect(results).toHaveLength(3);

      // Whichever process held the outbox sent everything; the others stood aside, sending nothing.
      expect(requests(sb, 'AddLeadTags')).toBe(perRound);
      expect(applied(sb, 'AddLeadTags')).toBe(perRound);
      const cache = await openCache(path);
      try {
        expect(await cache.outbox.counts()).toEqual({ pending: 0, failed: 0 });
      } finally {
        await cache.close();
      }
      for (const lead of leads) expect(lead.tagIds.length).toBeGreaterThan(0);
    }
    sb.setFaults({});
  });

  it('the waiting side says who holds the outbox instead of sending or hanging', async () => {
    const { path } = await cacheWithQueuedTags(2);
    const holder = await openCache(path);
    try {
      const lease = new DeliveryLease(holder, { label: 'the desktop app' });
      expect(await lease.acquire()).toEqual({ ok: true });
      sb.resetCounters();

      const cache = await openCache(path);
      const client = clientFor(sb);
      const workspace = workspaceFor(cache, () => client);
      const result = await workspace.sender.flush({ ignoreBackoff: true });
      expect(result).toMatchObject({ delivered: 0, pending: 2, stoppedBy: { code: 'busy' } });
      expect(result.stoppedBy?.message).toContain('the desktop app');
      expect(result.stoppedBy?.message).toContain(`process ${process.pid}`);
      expect(requests(sb, 'AddLeadTags')).toBe(0);

      // Once the holder lets go, the same sender delivers.
      await lease.release();
      expect(await workspace.sender.flush({ ignoreBackoff: true })).toMatchObject({ delivered: 2, pending: 0 });
      expect(applied(sb, 'AddLeadTags')).toBe(2);
    } finally {
      await holder.close();
    }
  });
});
