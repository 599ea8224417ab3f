import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHotProspectorSandbox, type HotProspectorSandbox, type SbLead, type SbTag } from '../../../src/sandbox';
import { activitySchema, leadSchema, noteSchema, outboxOpSchema } from '../../../src/shared/domain';
import { ownStderr, runCli, type CliRun } from '../../helpers/cli';
import { tempDir } from '../../helpers/core';

/**
 * Issue 4 through the published CLI (shared/CLI.md): sync, leads, lead, pop, tag, note and
 * outbox, end to end against the sandbox, with the exact JSON shapes, online and offline.
 */

const LEAD_KEYS = Object.keys(leadSchema.shape).sort();
const OP_KEYS = Object.keys(outboxOpSchema.shape).sort();

describe('callside sync and the cache commands', () => {
  let sb: HotProspectorSandbox;
  let dataDir: string;
  // The CLI uses the real clock, so the sandbox does too.
  beforeAll(async () => {
    sb = await startHotProspectorSandbox({ seed: 3, leads: 50 });
    // A tag the provider will have deleted by the time the agent uses it (the rejection test).
    sb.state.addTag('Ghost tag');
    dataDir = tempDir();
    const added = await cli(
      ['account', 'add', '--api', 'v1', '--uid', sb.credentials.uid, '--base-url', sb.v1Url, '--json'],
      { CALLSIDE_API_KEY: sb.credentials.apiKey },
    );
    expect(added.code).toBe(0);
  });
  afterAll(() => sb.close());

  function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
    return runCli(['--data-dir', dataDir, ...args], { env });
  }

  async function json(args: string[]): Promise<Record<string, unknown>> {
    const run = await cli([...args, '--json']);
    expect(run.code, ownStderr(run)).toBe(0);
    return JSON.parse(run.stdout) as Record<string, unknown>;
  }

  const lead = (): SbLead => sb.state.data.leads.find((l) => l.phone !== '' && l.groupIds.length === 1) as SbLead;
  const freeTag = (): SbTag => sb.state.data.tags.find((t) => !lead().tagIds.includes(t.id)) as SbTag;

  it('sync pushes, pulls, prints counts per resource and its progress on stderr', async () => {
    const run = await cli(['sync', '--json']);
    expect(run.code, ownStderr(run)).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.counts).toMatchObject({ groups: sb.state.data.groups.length, leads: sb.state.data.leads.length });
    expect(result.outbox).toEqual({ delivered: 0, keptLocal: 0, rejected: 0, pending: 0, failed: 0, stoppedBy: null });
    expect(Date.parse(result.lastSyncAt)).not.toBeNaN();
    const progress = ownStderr(run).split('\n');
    expect(progress).toContain(`sync: leads done ${sb.state.data.groups.length}/${sb.state.data.groups.length}`);
    expect(progress.every((line) => line.startsWith('sync: '))).toBe(true);

    const full = await cli(['sync', '--full', '--json']);
    expect(full.code, ownStderr(full)).toBe(0);
    expect(JSON.parse(full.stdout).full).toBe(true);
  });

  it('leads lists Lead objects from the cache, filtered by group, tag, search and limit', async () => {
    const all = (await json(['leads', '--limit', '1000'])) as { leads: unknown[] };
    expect(Object.keys(all)).toEqual(['leads']);
    expect(all.leads).toHaveLength(sb.state.data.leads.length);
    expect(all.leads.length).toBeGreaterThan(0);
    for (const item of all.leads) expect(Object.keys(leadSchema.parse(item)).sort()).toEqual(LEAD_KEYS);

    // Every filter at once: each one must hold for every lead listed.
    const target = lead();
    const group = String(target.groupIds[0]);
    const title = (sb.state.tag(target.tagIds[0] as number) as SbTag).title;
    const args = ['leads', '--group', group, '--tag', title, '--search', target.lastName, '--limit', '3'];
    const found = (await json(args)) as {
      leads: Array<{ id: string; groupIds: string[]; tags: Array<{ title: string }> }>;
    };
    expect(found.leads.map((l) => l.id)).toContain(String(target.id));
    expect(found.leads.length).toBeLessThanOrEqual(3);
    for (const item of found.leads) {
      expect(item.groupIds).toContain(group);
      expect(item.tags.map((t) => t.title)).toContain(title);
    }
  });

  it('lead prints the lead, its notes and its timeline newest first', async () => {
    const view = (await json(['lead', String(lead().id)])) as { lead: unknown; notes: unknown[]; timeline: unknown[] };
    expect(Object.keys(view).sort()).toEqual(['lead', 'notes', 'timeline']);
    expect(leadSchema.parse(view.lead).id).toBe(String(lead().id));
    expect(view.notes.length).toBeGreaterThan(0);
    for (const note of view.notes) noteSchema.parse(note);
    const times = view.timeline.map((a) => Date.parse(activitySchema.parse(a).at));
    expect(times.length).toBeGreaterThan(0);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const missing = await cli(['lead', '999999999', '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(ownStderr(missing)).error.code).toBe('not_found');
  });

  it('pop finds the lead for any spelling of its number, and null for an unknown one', async () => {
    const view = (await json(['lead', String(lead().id)])) as { lead: { phone: string } };
    const digits = view.lead.phone.replace(/^\+1/, '');
    expect(digits).toMatch(/^\d{10}$/);
    const spelling = `+1 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
    const popped = (await json(['pop', spelling])) as { lead: { id: string } | null };
    expect(Object.keys(popped)).toEqual(['lead']);
    expect(popped.lead?.id).toBe(String(lead().id));
    expect(await json(['pop', '2025550000'])).toEqual({ lead: null });
  });

  it('tag add/remove and note add apply at once and are delivered; the outbox is empty after', async () => {
    const target = lead();
    const tag = freeTag();
    const added = (await json(['tag', 'add', String(target.id), tag.title])) as Record<string, unknown>;
    expect(added).toMatchObject({ status: 'delivered', message: null });
    expect(typeof added.opId).toBe('string');
    expect((leadSchema.parse(added.lead).tags as Array<{ id: string }>).map((t) => t.id)).toContain(String(tag.id));
    expect(target.tagIds).toContain(tag.id);

    const removed = await json(['tag', 'remove', String(target.id), String(tag.id)]);
    expect(removed.status).toBe('delivered');
    expect(target.tagIds).not.toContain(tag.id);

    const noted = (await json(['note', 'add', String(target.id), 'Asked', 'for', 'a', 'quote'])) as Record<
      string,
      unknown
    >;
    expect(noted.status).toBe('kept_local');
    expect(noteSchema.parse(noted.note)).toMatchObject({
      text: 'Asked for a quote',
      origin: 'local',
      syncState: 'synced',
    });
    expect(await json(['outbox'])).toEqual({ pending: [], failed: [] });
  });

  it('with the network down, reads work and a write queues and exits 0; sync later delivers it once', async () => {
    const target = lead();
    const tag = freeTag();
    const port = Number(new URL(sb.baseUrl).port);
    const dataset = sb.state.data;
    const appliedBefore = sb.counters().applied.AddLeadTags ?? 0;
    await sb.close();
    try {
      const queued = await json(['tag', 'add', String(target.id), tag.title]);
      expect(queued.status).toBe('queued');
      expect(String(queued.message)).toMatch(/connect/i);
      expect(
        ((await json(['leads', '--tag', tag.title])) as { leads: Array<{ id: string }> }).leads.map((l) => l.id),
      ).toContain(String(target.id));
      const outbox = (await json(['outbox'])) as { pending: Array<Record<string, unknown>>; failed: unknown[] };
      expect(outbox.failed).toEqual([]);
      expect(outbox.pending).toHaveLength(1);
      expect(Object.keys(outbox.pending[0] ?? {}).sort()).toEqual(OP_KEYS);
      expect(outbox.pending[0]).toMatchObject({ kind: 'tag.add', leadId: String(target.id), attempts: 1 });

      const offline = await cli(['sync', '--json']);
      expect(offline.code).toBe(1);
      expect(offline.stdout).toBe('');
      expect(JSON.parse(ownStderr(offline).split('\n').at(-1) ?? '{}').error.code).toBe('network');
    } finally {
      sb = await startHotProspectorSandbox({ port, dataset });
    }
    const back = (await json(['sync'])) as { outbox: Record<string, number> };
    expect(back.outbox).toMatchObject({ delivered: 1, pending: 0 });
    expect(sb.counters().applied.AddLeadTags ?? 0).toBe(1);
    expect(appliedBefore).toBeGreaterThan(0);
    expect(target.tagIds).toContain(tag.id);
  });

  it('a rejected write fails the command but stays in the outbox, to retry or discard', async () => {
    const target = lead();
    const ghost = sb.state.data.tags.find((t) => t.title === 'Ghost tag') as SbTag;
    sb.state.data.tags.splice(sb.state.data.tags.indexOf(ghost), 1);

    const first = await cli(['tag', 'add', String(target.id), 'Ghost tag', '--json']);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe('');
    expect(JSON.parse(ownStderr(first)).error.message).toMatch(/Invalid leadId or tagId.*outbox/);
    const second = await cli(['tag', 'add', String(target.id), String(ghost.id), '--json']);
    expect(second.code).toBe(1);

    const outbox = (await json(['outbox'])) as { pending: unknown[]; failed: Array<{ id: string; lastError: string }> };
    expect(outbox.pending).toEqual([]);
    expect(outbox.failed).toHaveLength(2);
    expect(outbox.failed[0]?.lastError).toMatch(/Invalid leadId or tagId/);

    sb.state.data.tags.push(ghost);
    const [retried, discarded] = outbox.failed;
    expect(await json(['outbox', 'retry', retried?.id ?? ''])).toEqual({
      pending: [],
      failed: [expect.objectContaining({ id: discarded?.id })],
    });
    expect(target.tagIds).toContain(ghost.id);
    expect(await json(['outbox', 'discard', discarded?.id ?? ''])).toEqual({ pending: [], failed: [] });
    const unknown = await cli(['outbox', 'discard', 'no-such-op', '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(ownStderr(unknown)).error.code).toBe('not_found');
  });
});
