import { afterEach, describe, expect, it } from 'vitest';
import type { CallinglySandbox } from '../../../../src/sandbox';
import { api, list, NOW, startCallingly, TODAY, type Row } from './helpers';

describe('Callingly simulator: endpoints', () => {
  let sb: CallinglySandbox;
  afterEach(() => sb.close());

  it('serves under a base URL ending in /v1 and refuses a missing or wrong key with 401 Unauthenticated', async () => {
    sb = await startCallingly({ variants: { mode: 'first' } });
    expect(sb.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    for (const key of [null, 'wrong-key']) {
      const res = await api(sb, '/teams', { key });
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ message: 'Unauthenticated.' });
    }
    expect((await api(sb, '/teams')).status).toBe(200);
    const unknown = await api(sb, '/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ message: 'The route v1/nothing could not be found.' });
    expect((await api(sb, '/teams', { method: 'POST', body: {} })).status).toBe(405);
  });

  it('lists teams, one team with its settings, and its agents as {agents: [...]}', async () => {
    sb = await startCallingly({ variants: { mode: 'first' } });
    const teams = (await api(sb, '/teams')).json as Row[];
    expect(Array.isArray(teams)).toBe(true);
    expect(teams.map((t) => t.name)).toEqual(['Web Leads', 'Paid Social', 'Callbacks']);
    expect(Object.keys(teams[0]!)).toEqual(['id', 'account_id', 'name']);
    const team = (await api(sb, `/teams/${teams[0]!.id}`)).json as Row;
    expect(team).toMatchObject({ id: teams[0]!.id, is_record: 1, retry_schedule: [15, 60, 120], sms_body: '' });
    expect(team.whispertext).toContain('{first_name} {last_name}');
    const members = (await api(sb, `/teams/${teams[0]!.id}/agents`)).json as { agents: Row[] };
    expect(members.agents.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(members.agents[0]!)).toEqual(['id', 'name', 'priority', 'cap']);
    const missing = await api(sb, '/teams/999');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ message: 'No query results for model [App\\Models\\Team] 999' });
  });

  it('lists agents as a bare array with donotdisturb 0/1, is_available boolean and a timezone', async () => {
    sb = await startCallingly({ variants: { mode: 'first' } });
    const agents = (await api(sb, '/agents')).json as Row[];
    expect(agents.length).toBeGreaterThanOrEqual(5);
    expect(agents.length).toBeLessThanOrEqual(8);
    for (const a of agents) {
      expect([0, 1]).toContain(a.donotdisturb);
      expect(typeof a.is_available).toBe('boolean');
      expect(a.timezone).toMatch(/^America\//);
      expect(a.phone_number).toMatch(/^\+1\d{10}$/);
      expect(a).not.toHaveProperty('email');
    }
    expect(agents.find((a) => a.id === sb.fixtures.dndAgentId)?.donotdisturb).toBe(1);
    expect(agents.some((a) => a.is_available === false)).toBe(true);
    expect(agents.some((a) => a.is_available === true)).toBe(true);
  });

  it('PUT /agents/{id} applies do-not-disturb (with an end time in the account zone) and counts the write', async () => {
    sb = await startCallingly({ variants: { mode: 'first' } });
    const id = sb.state.data.agents[0]!.id;
    const on = await api(sb, `/agents/${id}`, {
      method: 'PUT',
      body: { donotdisturb: 1, donotdisturb_until: `${TODAY} 17:00:00` },
    });
    expect(on.status).toBe(200);
    expect((on.json as Row).donotdisturb).toBe(1);
    const agent = sb.state.agentById.get(id)!;
    expect(agent.donotdisturb).toBe(true);
    // 17:00 in Phoenix is 00:00 UTC the next day.
    expect(agent.donotdisturbUntil).toBe(Date.parse('2026-06-24T00:00:00Z'));
    expect(((await api(sb, '/agents')).json as Row[]).find((a) => a.id === id)?.donotdisturb).toBe(1);

    // An end time already past reads as off.
    await api(sb, `/agents/${id}`, {
      method: 'PUT',
      body: { donotdisturb: 1, donotdisturb_until: `${TODAY} 08:00:00` },
    });
    expect(((await api(sb, '/agents')).json as Row[]).find((a) => a.id === id)?.donotdisturb).toBe(0);

    const off = await api(sb, `/agents/${id}`, { method: 'PUT', body: { donotdisturb: 0 } });
    expect((off.json as Row).donotdisturb).toBe(0);
    expect(sb.counters().applied).toEqual({ 'PUT /agents/{id}': 3 });

    const bad = await api(sb, `/agents/${id}`, {
      method: 'PUT',
      body: { donotdisturb: 1, donotdisturb_until: '25/01/2021' },
    });
    expect(bad.status).toBe(422);
    expect((bad.json as { errors: Record<string, string[]> }).errors.donotdisturb_until).toBeDefined();
    expect((await api(sb, `/agents/${id}`, { method: 'PUT', body: { donotdisturb: 'maybe' } })).status).toBe(422);
    expect((await api(sb, '/agents/1', { method: 'PUT', body: { donotdisturb: 1 } })).status).toBe(404);
    expect(sb.counters().applied).toEqual({ 'PUT /agents/{id}': 3 });
    expect(sb.counters().requests['PUT /agents/{id}']).toBe(6);
  });

  it('GET /leads?start&end is an inclusive created-date window in the account zone, items with calls[] and lead_owner', async () => {
    sb = await startCallingly({ variants: { mode: 'first' } });
    const today = (await api(sb, `/leads?start=${TODAY}&end=${TODAY}`)).json as Row[];
    expect(today.length).toBeGreaterThan(0);
    for (const lead of today) expect(String(lead.created_at).startsWith(`${TODAY} `)).toBe(true);
    const expected = sb.state.data.leads.filter(
      (l) => l.createdAt >= Date.parse('2026-06-23T07:00:00Z') && l.createdAt < Date.parse('2026-06-24T07:00:00Z'),
    );
    expect(today.map((l) => l.id).sort()).toEqual(expected.map((l) => l.id).sort());
    const item = today.find((l) => (l.calls as Row[]).length > 0)!;
    expect(Object.keys(item)).toEqual([
      'id',
      'account_id',
      'lead_owner_id',
      'fname',
      'lname',
      'email',
      'phone_number',
      'source',
      'source_id',
      'created_at',
      'company',
      'category',
      'status',
      'result',
      'team',
      'tags',
      'stage',
      'calls',
      'scheduled_call_at',
      'lead_owner',
    ]);
    expect(Object.keys((item.calls as Row[])[0]!)).toEqual([
      'id',
      'source',
      'seconds',
      'direction',
      'status',
      'result',
      'agent_retry',
      'lead_retry',
      'started_at',
      'recording_url',
    ]);
    // A two-day window holds yesterday's and today's leads; no window at all holds every lead.
    const twoDays = (await api(sb, `/leads?start=2026-06-22&end=${TODAY}`)).json as Row[];
    expect(twoDays.length).toBeGreaterThan(today.length);
    expect(((await api(sb, '/leads')).json as Row[]).length).toBe(sb.state.data.leads.length);
    expect((await api(sb, '/leads?start=June')).status).toBe(422);
  });

  it('GET /leads?phone_number finds a lead whether the + is encoded, decoded to a space, or left out', async () => {
    sb = await startCallingly({ variants: { mode: 'first' } });
    const lead = sb.state.data.leads.find((l) => l.createdAt < NOW.getTime() - 400 * 86_400_000)!;
    const digits = lead.phone.slice(1);
    for (const query of [`%2B${digits}`, `+${digits}`, digits, digits.slice(1)]) {
      const found = (await api(sb, `/leads?phone_number=${query}`)).json as Row[];
      expect(
        found.map((l) => l.id),
        query,
      ).toEqual([lead.id]);
    }
    expect((await api(sb, '/leads?phone_number=%2B19999999999')).json).toEqual([]);
  });

  it('GET /leads/{id} is the list item without calls and lead_owner', async () => {
    sb = await startCallingly({ variants: { mode: 'first' } });
    const id = sb.fixtures.nonAsciiLeadId;
    const detail = (await api(sb, `/leads/${id}`)).json as Row;
    const item = ((await api(sb, '/leads')).json as Row[]).find((l) => l.id === id)!;
    const { calls, lead_owner: owner, ...rest } = item;
    expect(calls).toBeDefined();
    expect(owner).toBeDefined();
    expect(detail).not.toHaveProperty('calls');
    expect(detail).not.toHaveProperty('lead_owner');
    expect(Object.keys(detail)).toEqual(Object.keys(rest));
    expect(detail.fname).toBe('Zoë');
    expect((await api(sb, '/leads/1')).status).toBe(404);
  });

  it('GET /calls pages with limit and page, no metadata, a short page ends it; filters by day and team', async () => {
    sb = await startCallingly({ variants: { mode: 'first' } });
    const expected = sb.state.data.calls.filter((c) => c.at >= Date.parse('2026-06-23T07:00:00Z'));
    expect(expected.length).toBeGreaterThan(10);
    const seen: number[] = [];
    for (let page = 1; ; page++) {
      const body = (await api(sb, `/calls?start=${TODAY}&end=${TODAY}&limit=10&page=${page}`)).json as Row;
      expect(Object.keys(body)).toEqual(['data']);
      const rows = body.data as Row[];
      seen.push(...rows.map((r) => Number(r.id)));
      if (rows.length < 10) break;
    }
    expect(seen.sort()).toEqual(expected.map((c) => c.id).sort());
    const team = sb.state.data.teams[1]!.id;
    const byTeam = list((await api(sb, `/calls?start=${TODAY}&end=${TODAY}&team_id=${team}&limit=100`)).json);
    expect(byTeam.length).toBe(expected.filter((c) => c.teamId === team).length);
    const row = list((await api(sb, `/calls?start=${TODAY}&end=${TODAY}&limit=1`)).json)[0]!;
    expect(row).toMatchObject({ member: [], lead: [], profile: [] });
    expect(row.duration).toMatch(/^(\d+h )?(\d+m )?\d+s$/);
    expect(typeof row.seconds).toBe('number');
    expect((await api(sb, '/calls?limit=500')).status).toBe(422);
  });

  it('GET /calls/{id} is the rich detail: user, lead, profile, transcript, recording, is_voicemail 0/1', async () => {
    sb = await startCallingly({ variants: { mode: 'first' } });
    const talked = sb.state.data.calls.find((c) => c.transcript !== null)!;
    const detail = (await api(sb, `/calls/${talked.id}`)).json as Row;
    expect(detail).toMatchObject({ id: talked.id, is_voicemail: 0, status: 'completed', human_result: 'contacted' });
    expect(detail.transcript).toMatch(/^Speaker A: .+\nSpeaker B: /);
    expect(detail.recording_url).toMatch(/^https:\/\/.+\.mp3$/);
    expect(detail.started_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(detail.time_formatted).toMatch(/^\d\d\/\d\d\/\d\d \d{1,2}:\d\d(am|pm)$/);
    expect(Object.keys(detail.user as Row)).toEqual(['id', 'name', 'fname', 'lname', 'email', 'phone_number']);
    expect((detail.lead as Row).id).toBe(talked.leadId);
    expect((detail.profile as Row).id).toBe(talked.teamId);
    const vm = sb.state.data.calls.find((c) => c.outcome === 'voicemail')!;
    expect(((await api(sb, `/calls/${vm.id}`)).json as Row).is_voicemail).toBe(1);
    expect((await api(sb, '/calls/1')).status).toBe(404);
  });

  it('a direct account gets 403 from /clients and for any other account_id', async () => {
    sb = await startCallingly();
    expect(sb.credentials.accountId).toBeNull();
    const clients = await api(sb, '/clients');
    expect(clients.status).toBe(403);
    expect(clients.json).toEqual({ message: 'This action is unauthorized.' });
    expect((await api(sb, '/teams?account_id=1')).status).toBe(403);
    expect((await api(sb, `/teams?account_id=${sb.state.data.accountId}`)).status).toBe(200);
  });

  it('an agency key lists clients and sees the client only with account_id (query, or body on PUT)', async () => {
    sb = await startCallingly({ accountId: 777, variants: { mode: 'first' } });
    expect(sb.credentials.accountId).toBe('777');
    const clients = (await api(sb, '/clients')).json as Row[];
    expect(clients.map((c) => c.id)).toContain(777);
    expect(Object.keys(clients[0]!)).toEqual(['id', 'name', 'email', 'billed_users', 'billed_numbers']);

    expect((await api(sb, '/teams')).json).toEqual([]);
    expect((await api(sb, '/leads')).json).toEqual([]);
    const teams = (await api(sb, '/teams?account_id=777')).json as Row[];
    expect(teams.length).toBe(3);
    expect(teams[0]!.account_id).toBe(777);
    expect((await api(sb, '/teams?account_id=4')).status).toBe(403);
    const other = clients.find((c) => c.id !== 777)!;
    expect((await api(sb, `/leads?account_id=${other.id}`)).json).toEqual([]);

    const id = sb.state.data.agents[2]!.id;
    expect((await api(sb, `/agents/${id}`, { method: 'PUT', body: { donotdisturb: 1 } })).status).toBe(404);
    const put = await api(sb, `/agents/${id}`, { method: 'PUT', body: { account_id: 777, donotdisturb: 1 } });
    expect(put.status).toBe(200);
    expect(sb.state.agentById.get(id)?.donotdisturb).toBe(true);
    expect(sb.counters().applied).toEqual({ 'PUT /agents/{id}': 1 });
  });

  it('keeps hostile and non-ASCII text as text on the wire', async () => {
    sb = await startCallingly({ variants: { mode: 'first' } });
    const script = (await api(sb, `/leads/${sb.fixtures.scriptLeadId}`)).json as Row;
    expect(script.lname).toBe('<script>alert("lead")</script>');
    const zoe = await api(sb, `/leads/${sb.fixtures.nonAsciiLeadId}`);
    expect(zoe.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(zoe.text).toContain('"Zoë"');
  });
});
