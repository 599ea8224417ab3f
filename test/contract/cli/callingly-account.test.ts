import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCallinglySandbox, type CallinglySandbox } from '../../../src/sandbox';
import { dashboardSchema, leadSchema } from '../../../src/shared/domain';
import { ownStderr, runCli, type CliRun } from '../../helpers/cli';
import { tempDir } from '../../helpers/core';

/**
 * Issue 10: a second, quite different provider on the same engine. A Callingly account is
 * added, synced, read, popped and measured through the `callside` command against the
 * Callingly simulator over HTTP; what Callingly cannot do fails at once with `unsupported`,
 * naming it, and nothing is queued.
 */
describe('callside with a Callingly account', () => {
  let sb: CallinglySandbox;
  const dataDir = tempDir();
  const NOW = new Date('2026-06-23T19:00:00Z');

  beforeAll(async () => {
    sb = await startCallinglySandbox({ seed: 4, leads: 60, now: NOW, timezone: 'America/Phoenix' });
  });
  afterAll(() => sb.close());

  const cli = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> =>
    runCli(['--data-dir', dataDir, ...args], { env });
  const json = (run: CliRun): unknown => {
    expect(ownStderr(run).includes('"error"'), run.stderr).toBe(false);
    return JSON.parse(run.stdout) as unknown;
  };

  it('verifies the key with one request before storing anything, and refuses a wrong one', async () => {
    const addArgs = [
      'account',
      'add',
      '--provider',
      'callingly',
      '--base-url',
      sb.baseUrl,
      '--timezone',
      'America/Phoenix',
    ];
    const wrong = await cli([...addArgs, '--json'], { CALLSIDE_API_KEY: 'not-the-key' });
    expect(wrong.code).toBe(1);
    expect(JSON.parse(ownStderr(wrong)).error.code).toBe('auth');
    expect(wrong.stderr).not.toContain('not-the-key');
    const none = await cli(['account', 'show', '--json']);
    expect(JSON.parse(ownStderr(none)).error.code).toBe('not_configured');

    const added = await cli([...addArgs, '--json'], { CALLSIDE_API_KEY: sb.credentials.apiKey });
    expect(added.code, added.stderr).toBe(0);
    expect(json(added)).toMatchObject({ provider: 'callingly', baseUrl: sb.baseUrl, timezone: 'America/Phoenix' });

    const shown = json(await cli(['account', 'show', '--json'])) as { capabilities: string[] };
    expect(shown).toMatchObject({ provider: 'callingly' });
    expect(shown.capabilities).toEqual(
      expect.arrayContaining(['leads.list', 'timeline.transcripts', 'metrics.derived', 'agent.status.write']),
    );
    expect(shown.capabilities).not.toContain('tags.write');
    expect(shown.capabilities).not.toContain('notes.write');
  });

  it('syncs all history: leads with their calls, teams as groups', async () => {
    const synced = await cli(['sync', '--json']);
    expect(synced.code, synced.stderr).toBe(0);
    const result = json(synced) as { counts: Record<string, number> };
    expect(result.counts.leads).toBe(sb.state.data.leads.length);
    expect(result.counts.groups).toBe(sb.state.data.teams.length);
    expect(result.counts.calls).toBeGreaterThan(0);

    const listed = json(await cli(['leads', '--limit', '500', '--json'])) as { leads: unknown[] };
    expect(listed.leads).toHaveLength(sb.state.data.leads.length);
    for (const lead of listed.leads) expect(leadSchema.parse(lead).provider).toBe('callingly');
  });

  it("pops a caller from the cache, and shows a lead's calls", async () => {
    const { leads, calls, fixtures } = sb.state.data;
    const callsOf = (leadId: number) => calls.filter((call) => call.leadId === leadId);
    const withCalls = leads.find(
      (lead) => callsOf(lead.id).length > 0 && lead.phone.startsWith('+1') && lead.id !== fixtures.selfTestLeadId,
    );
    if (!withCalls) throw new Error('the seed has no lead with calls');
    const national = withCalls.phone.slice(2);
    const popped = json(await cli(['pop', national, '--json'])) as { lead: { id: string } | null };
    expect(popped.lead?.id).toBe(String(withCalls.id));

    const view = json(await cli(['lead', String(withCalls.id), '--json'])) as { timeline: Array<{ kind: string }> };
    expect(view.timeline.filter((entry) => entry.kind === 'call')).toHaveLength(callsOf(withCalls.id).length);
  });

  it('refuses a tag change at once, naming Callingly, and queues nothing; a note stays on this computer', async () => {
    const lead = sb.state.data.leads[0]!;
    const tagged = await cli(['tag', 'add', String(lead.id), 'Hot', '--json']);
    expect(tagged.code).toBe(1);
    const error = JSON.parse(ownStderr(tagged)).error as { code: string; message: string };
    expect(error).toMatchObject({ code: 'unsupported', message: expect.stringContaining('Callingly') });
    expect(json(await cli(['outbox', '--json']))).toEqual({ pending: [], failed: [] });

    const noted = json(await cli(['note', 'add', String(lead.id), 'Asked for a call after 3pm', '--json']));
    expect(noted).toMatchObject({ status: 'kept_local' });
  });

  it("derives the day's figures per agent from its calls", async () => {
    const board = dashboardSchema.parse(json(await cli(['metrics', '--date', '2026-06-23', '--json'])));
    expect(board.agents.length).toBeGreaterThan(0);
    const outbound = board.agents.reduce((sum, agent) => sum + agent.outboundCalls + agent.inboundCalls, 0);
    expect(outbound).toBeGreaterThan(0);
    const names = new Set(sb.state.data.agents.map((agent) => `${agent.fname} ${agent.lname}`));
    for (const agent of board.agents) expect(names.has(agent.agentName)).toBe(true);
  });

  it('on a cache miss, pops the caller from Callingly by phone and keeps the lead for next time', async () => {
    const fresh = tempDir();
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(['--data-dir', fresh, ...args], { env });
    const added = await run(['account', 'add', '--provider', 'callingly', '--base-url', sb.baseUrl, '--json'], {
      CALLSIDE_API_KEY: sb.credentials.apiKey,
    });
    expect(added.code, added.stderr).toBe(0);
    const { leads, fixtures } = sb.state.data;
    const caller = leads.find((lead) => lead.phone.startsWith('+1') && lead.id !== fixtures.selfTestLeadId);
    if (!caller) throw new Error('the seed has no US lead');

    // Never synced: the cache knows nobody, so the lead can only come from Callingly.
    const popped = json(await run(['pop', caller.phone.slice(2), '--json'])) as { lead: { id: string } | null };
    expect(popped.lead?.id).toBe(String(caller.id));
    const cached = json(await run(['leads', '--json'])) as { leads: Array<{ id: string }> };
    expect(cached.leads.map((lead) => lead.id)).toEqual([String(caller.id)]);

    // A number nobody has is an unknown caller, not an error.
    expect(json(await run(['pop', '+1 (212) 555-0100', '--json']))).toEqual({ lead: null });
  });
});
