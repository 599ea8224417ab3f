import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { syncStatusSchema } from '../../../src/shared/contract/workspace-schemas';
import { createNodeCore } from '../../../src/core/node-core';
import type { HotProspectorSandbox, SbLead, SbTag } from '../../../src/sandbox';
import { tempDir } from '../../helpers/core';
import { applied, requests, startSandbox } from '../../helpers/sync';

/**
 * Issue 9: a change reaches the provider exactly once in effect whatever the timing of the
 * bridge calls around it, and only ever the account whose cache holds it. Real cores over
 * real SQLite files, the sandbox over HTTP with latency; the sandbox's request counters are
 * the outcome.
 */

const cores: Core[] = [];
const sandboxes: HotProspectorSandbox[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.dispose().catch(() => undefined);
  for (const sb of sandboxes.splice(0)) await sb.close().catch(() => undefined);
});

async function sandbox(): Promise<HotProspectorSandbox> {
  const sb = await startSandbox({ leads: 40, now: new Date() });
  sandboxes.push(sb);
  return sb;
}

function core(dataDir: string, background: boolean): Core {
  const created = createNodeCore({ hostKind: 'browser', dataDir, demo: null, background, syncIntervalMs: 3_600_000 });
  cores.push(created);
  return created;
}

async function connect(target: Core, sb: HotProspectorSandbox): Promise<void> {
  const answer = await target.dispatch('account.connect', {
    api: 'v1',
    uid: sb.credentials.uid,
    baseUrl: sb.v1Url,
    apiKey: sb.credentials.apiKey,
  });
  expect(answer).toMatchObject({ ok: true });
}

/** `count` leads in one group each, with a tag each does not carry yet. */
function tagChanges(sb: HotProspectorSandbox, count: number): Array<{ lead: SbLead; tag: SbTag }> {
  const leads = sb.state.data.leads.filter((lead) => lead.groupIds.length === 1).slice(0, count);
  expect(leads).toHaveLength(count);
  return leads.map((lead) => {
    const tag = sb.state.data.tags.find((t) => !lead.tagIds.includes(t.id));
    if (!tag) throw new Error('the dataset has no free tag');
    return { lead, tag };
  });
}

/** A data folder whose account cache holds `count` queued tag changes, nothing sent yet. */
async function queuedChanges(sb: HotProspectorSandbox, count: number) {
  const dataDir = tempDir();
  const quiet = core(dataDir, false);
  await connect(quiet, sb);
  expect(await quiet.dispatch('sync.run', { full: false })).toMatchObject({ ok: true });
  const changes = tagChanges(sb, count);
  for (const { lead, tag } of changes) {
    const queued = await quiet.dispatch('lead.tags', {
      leadId: String(lead.id),
      action: 'add',
      tags: [String(tag.id)],
    });
    expect(queued).toMatchObject({ ok: true });
  }
  expect(await quiet.dispatch('sync.status', {})).toMatchObject({ ok: true, value: { pending: count } });
  await quiet.dispose();
  cores.splice(cores.indexOf(quiet), 1);
  return { dataDir, changes };
}

/** This process's open handles on the cache files under a data folder (Linux: /proc/self/fd). */
function openCacheFiles(dataDir: string): string[] {
  const prefix = join(dataDir, 'cache');
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(prefix) && target.endsWith('.sqlite'));
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function pending(target: Core): Promise<number> {
  const status = await target.dispatch('sync.status', {});
  if (!status.ok) throw new Error(status.error.message);
  return syncStatusSchema.parse(status.value).pending;
}

describe('exactly once, whatever the timing', () => {
  it('sends each queued change once when the bridge calls of a start arrive together', async () => {
    const sb = await sandbox();
    const { dataDir, changes } = await queuedChanges(sb, 8);
    sb.resetCounters();
    sb.setFaults({ latencyMs: 20 });

    const app = core(dataDir, true);
    const answers = await Promise.all([
      app.dispatch('sync.status', {}),
      app.dispatch('outbox.list', {}),
      app.dispatch('workspace.overview', {}),
      app.dispatch('sync.status', {}),
    ]);
    expect(answers).toHaveLength(4);
    for (const answer of answers) expect(answer).toMatchObject({ ok: true });
    // One connection to the account's cache, not one per call that raced to open it.
    expect(openCacheFiles(dataDir)).toHaveLength(1);
    await until('the outbox is empty', async () => (await pending(app)) === 0);
    // Anything a second sender had in hand would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(requests(sb, 'AddLeadTags')).toBe(changes.length);
    expect(applied(sb, 'AddLeadTags')).toBe(changes.length);
    for (const { lead, tag } of changes) expect(lead.tagIds).toContain(tag.id);
  });

  it('sends nothing queued for one account to the next: the old workspace stops first', async () => {
    const first = await sandbox();
    const second = await sandbox();
    const { dataDir, changes } = await queuedChanges(first, 6);
    first.resetCounters();
    // Slow answers keep the first account's sender busy while the agent switches.
    first.setFaults({ latencyMs: 150, only: ['AddLeadTags'] });

    const app = core(dataDir, true);
    await app.dispatch('sync.status', {});
    await until('the first change is on the wire', async () => requests(first, 'AddLeadTags') > 0);
    await connect(app, second);
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(requests(second, 'AddLeadTags')).toBe(0);
    expect(applied(second, 'AddLeadTags')).toBe(0);
    const sentFirst = requests(first, 'AddLeadTags');
    expect(sentFirst).toBeLessThan(changes.length);

    // Back on the first account, the rest go where they belong, each once.
    first.setFaults({});
    await connect(app, first);
    await until('the outbox is empty', async () => (await pending(app)) === 0);
    expect(applied(first, 'AddLeadTags')).toBe(changes.length);
    expect(requests(first, 'AddLeadTags')).toBe(changes.length);
    expect(requests(second, 'AddLeadTags')).toBe(0);
  });
});
