import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../../src/core/sync';
import type { HotProspectorSandbox } from '../../../src/sandbox';
import { activitySchema, leadSchema } from '../../../src/shared/domain';
import {
  TODAY,
  clientFor,
  openTestCache,
  requests,
  startSandbox,
  syncedWorkspace,
  workspaceFor,
} from '../../helpers/sync';

/** Issue 4, pull: every resource into a real cache from the sandbox over HTTP, resumable per page. */
describe('pulling the account into the cache', () => {
  let sb: HotProspectorSandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  it('a first sync fills every resource and reports its progress', async () => {
    const cache = await openTestCache();
    const client = clientFor(sb);
    const events: SyncProgress[] = [];
    const report = await workspaceFor(cache, () => client).pull({ onProgress: (p) => events.push(p) });

    const data = sb.state.data;
    expect(report.counts).toMatchObject({ groups: data.groups.length, tags: data.tags.length, metrics: 7 });
    expect((await cache.groups.list()).map((g) => g.id).sort()).toEqual(data.groups.map((g) => String(g.id)).sort());
    expect(await cache.leads.count()).toBe(data.leads.length);
    const leads = await cache.leads.list({ limit: 1000 });
    expect(leads.length).toBeGreaterThan(0);
    expect(leads.some((lead) => lead.tags.length > 0)).toBe(true);
    for (const lead of leads) {
      leadSchema.parse(lead);
      // Titles come from the tag catalog: the lead rows carry ids only.
      for (const tag of lead.tags) expect(tag.title).not.toBe('');
      const remote = data.leads.find((l) => String(l.id) === lead.id);
      // A lead in two groups keeps both memberships, although each group's page names only itself.
      expect([...lead.groupIds].sort()).toEqual(remote?.groupIds.map(String).sort());
    }
    expect(report.counts.calls).toBeGreaterThan(0);
    expect(report.counts.sms).toBeGreaterThan(0);
    expect(report.counts.transcripts).toBeGreaterThan(0);
    expect(await cache.activities.count()).toBeGreaterThan(report.counts.calls ?? 0);
    expect(await cache.metrics.dates()).toContain(TODAY);
    expect((await cache.syncCursors.get('sync:last-run'))?.value).toMatchObject({ full: false });

    const resources = new Set(events.map((e) => e.resource));
    for (const resource of ['groups', 'tags', 'customFields', 'leads', 'calls', 'sms', 'transcripts', 'metrics']) {
      expect(resources).toContain(resource);
      const last = events.filter((e) => e.resource === resource).at(-1);
      expect(last?.state).toBe('done');
    }
    for (const event of events) {
      if (event.total !== null) expect(event.done).toBeLessThanOrEqual(event.total);
      if (event.etaSec !== null) expect(event.etaSec).toBeGreaterThanOrEqual(0);
    }
  });

  it('the per-lead history brings notes, voicemail drops and calls older than the account log', async () => {
    const { cache, workspace } = await syncedWorkspace(sb);
    const lead = sb.state.data.leads.find((l) => {
      const history = sb.state.activityOf(l.id);
      return history.rvm.length > 0 && history.notes.length > 0;
    });
    expect(lead).toBeDefined();
    const leadId = String(lead?.id);
    const counts = await workspace.refreshLead(leadId);
    expect(counts.notes).toBe(sb.state.activityOf(Number(leadId)).notes.length);
    const view = await cache.openLead(leadId, { timelineLimit: 10_000 });
    expect(view?.notes.length).toBe(counts.notes);
    const kinds = new Set(view?.timeline.map((a) => a.kind));
    expect(kinds).toContain('rvm');
    for (const activity of view?.timeline ?? []) activitySchema.parse(activity);
    // Newest first.
    const times = view?.timeline.map((a) => Date.parse(a.at)) ?? [];
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Every call exactly once: the account log has the last 30 days (ids from the recording),
    // the lead's own log only the days before (ids made of time and numbers).
    const calls = view?.timeline.filter((a) => a.kind === 'call') ?? [];
    expect(calls).toHaveLength(sb.state.activityOf(Number(leadId)).calls.length);
    const coverage = (await cache.syncCursors.get('calls:coverage'))?.value as { from: string };
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      const fromAccountLog = /^call:\d+$/.test(call.id);
      expect(fromAccountLog).toBe(call.at >= new Date(`${coverage.from}T00:00:00-07:00`).toISOString());
    }
  });

  it('an incremental sync reads the logs from the last synced day only', async () => {
    const cache = await openTestCache();
    const client = clientFor(sb);
    const workspace = workspaceFor(cache, () => client);
    const before = requests(sb, 'FetchUserCallLog');
    await workspace.pull({ full: true });
    const fullPages = requests(sb, 'FetchUserCallLog') - before;
    expect((await cache.syncCursors.get('calls'))?.value).toEqual({ active: null, syncedThrough: TODAY });

    const again = requests(sb, 'FetchUserCallLog');
    await workspace.pull();
    const incrementalPages = requests(sb, 'FetchUserCallLog') - again;
    expect(fullPages).toBeGreaterThan(1);
    expect(incrementalPages).toBeLessThan(fullPages);
  });

  it('a cancelled pull stops between pages and the next one resumes at the next group', async () => {
    const cache = await openTestCache();
    const client = clientFor(sb);
    const workspace = workspaceFor(cache, () => client);
    const controller = new AbortController();
    const events: SyncProgress[] = [];
    const pulled = workspace.pull({
      signal: controller.signal,
      onProgress: (progress) => {
        events.push(progress);
        if (progress.resource === 'leads' && progress.done === 2) controller.abort();
      },
    });
    await expect(pulled).rejects.toMatchObject({ code: 'cancelled' });
    expect(events.filter((e) => e.resource === 'leads').at(-1)?.state).toBe('cancelled');
    const cursor = (await cache.syncCursors.get('leads'))?.value as { pass: { next: number; groupIds: string[] } };
    expect(cursor.pass.next).toBe(2);

    const searchesBefore = requests(sb, 'SearchByUserInput');
    await workspace.pull();
    expect(requests(sb, 'SearchByUserInput') - searchesBefore).toBe(cursor.pass.groupIds.length - 2);
    expect(await cache.leads.count()).toBe(sb.state.data.leads.length);
  });

  it('a lead that left a group loses that membership on the next pull', async () => {
    const { cache, workspace } = await syncedWorkspace(sb);
    const remote = sb.state.data.leads.find((l) => l.groupIds.length === 1);
    const target = sb.state.data.groups.find((g) => !remote?.groupIds.includes(g.id));
    if (!remote || !target) throw new Error('the dataset has no single-group lead');
    const previous = remote.groupIds.slice();
    sb.state.moveLead(remote, target.id);
    try {
      await workspace.pull();
      expect((await cache.leads.get(String(remote.id)))?.groupIds).toEqual([String(target.id)]);
    } finally {
      remote.groupIds = previous;
    }
  });
});
