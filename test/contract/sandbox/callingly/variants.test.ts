import { afterEach, describe, expect, it } from 'vitest';
import { CALLINGLY_VARIANT_SITES, type CallinglySandbox } from '../../../../src/sandbox';
import { api, list, startCallingly, TODAY, type Row } from './helpers';

/** Which spelling of each site an answer used, read off the wire. */
function envelopeOf(value: unknown): string {
  if (Array.isArray(value)) return 'bare';
  return Object.keys(value as Row)[0] ?? '?';
}

function booleansOf(agent: Row): string {
  if (typeof agent.donotdisturb === 'boolean') return 'bool';
  if (typeof agent.is_available === 'number') return 'int';
  return 'doc';
}

describe("Callingly simulator: the doc's untidy variants", () => {
  let sb: CallinglySandbox;
  afterEach(() => sb.close());

  it('rotates every envelope and boolean spelling the doc shows', async () => {
    sb = await startCallingly();
    const seen: Record<string, Set<string>> = {};
    const note = (site: string, variant: string): void => void (seen[site] ??= new Set()).add(variant);
    const team = sb.state.data.teams[0]!.id;
    for (let i = 0; i < 3; i++) {
      note('envelope:/teams', envelopeOf((await api(sb, '/teams')).json));
      note('envelope:/leads', envelopeOf((await api(sb, `/leads?start=${TODAY}&end=${TODAY}`)).json));
      note('envelope:/calls', envelopeOf((await api(sb, `/calls?start=${TODAY}&end=${TODAY}&limit=2`)).json));
      note('envelope:/teams/{id}/agents', envelopeOf((await api(sb, `/teams/${team}/agents`)).json));
      const agents = (await api(sb, '/agents')).json;
      note('envelope:/agents', envelopeOf(agents));
      note('booleans', booleansOf(list(agents)[0]!));
    }
    const agency = await startCallingly({ accountId: 90 });
    try {
      for (let i = 0; i < 2; i++) note('envelope:/clients', envelopeOf((await api(agency, '/clients')).json));
    } finally {
      await agency.close();
    }
    for (const site of Object.keys(seen)) {
      expect([...seen[site]!].sort(), site).toEqual(
        [...CALLINGLY_VARIANT_SITES[site as keyof typeof CALLINGLY_VARIANT_SITES]].sort(),
      );
    }
    expect(seen.booleans).toEqual(new Set(['doc', 'bool', 'int']));
  });

  it('mixes [] and objects for member/lead/profile within one calls page', async () => {
    sb = await startCallingly();
    const rows = list((await api(sb, `/calls?start=${TODAY}&end=${TODAY}&limit=6`)).json);
    expect(rows.length).toBe(6);
    const empty = rows.filter((r) => Array.isArray(r.member) && Array.isArray(r.lead) && Array.isArray(r.profile));
    const objects = rows.filter((r) => !Array.isArray(r.member) && typeof r.member === 'object');
    expect(empty.length).toBeGreaterThan(0);
    expect(objects.length).toBeGreaterThan(0);
    expect((objects[0]!.profile as Row).name).toBeTypeOf('string');
    for (const r of rows) expect(r.duration).toMatch(/^(\d+h )?(\d+m )?\d+s$/);
  });

  it('tags as strings and as {id, name}, status null in lead.calls[], lead_owner null or []', async () => {
    sb = await startCallingly({ leads: 200 });
    const leads = list((await api(sb, '/leads')).json);
    const tagged = leads.filter((l) => (l.tags as unknown[]).length > 0);
    expect(tagged.some((l) => typeof (l.tags as unknown[])[0] === 'string')).toBe(true);
    const objectTags = tagged.filter((l) => typeof (l.tags as unknown[])[0] === 'object');
    expect(objectTags.length).toBeGreaterThan(0);
    expect(Object.keys((objectTags[0]!.tags as Row[])[0]!)).toEqual(['id', 'name']);
    const statuses = leads.flatMap((l) => (l.calls as Row[]).map((c) => c.status));
    expect(statuses).toContain(null);
    expect(statuses.some((s) => typeof s === 'string')).toBe(true);
    const unowned = leads.filter((l) => l.lead_owner_id === null).map((l) => JSON.stringify(l.lead_owner));
    expect(new Set(unowned)).toEqual(new Set(['null', '[]']));
    const owned = leads.find((l) => l.lead_owner_id !== null)!;
    expect(Object.keys(owned.lead_owner as Row)).toEqual(['name', 'phone_number', 'custom_id']);
  });

  it('writes times zone-less on the account wall clock, time_formatted, and scheduled_call_at with a zone abbreviation', async () => {
    sb = await startCallingly({ variants: { mode: 'first' } });
    const leads = list((await api(sb, '/leads')).json);
    for (const l of leads) expect(l.created_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const scheduled = leads.map((l) => l.scheduled_call_at).filter((s) => s !== null);
    expect(scheduled.length).toBeGreaterThan(0);
    for (const s of scheduled) expect(s).toMatch(/^\d\d\/\d\d\/\d\d \d{1,2}:\d\d(am|pm) MST$/);
    // The first call of the day, in Phoenix wall-clock and the two spellings agree.
    const call = sb.state.data.calls.at(-1)!;
    const row = ((await api(sb, `/calls/${call.id}`)).json as Row)!;
    const wall = new Date(call.at - 7 * 3_600_000).toISOString();
    expect(row.started_at).toBe(`${wall.slice(0, 10)} ${wall.slice(11, 19)}`);
    const hour = Number(wall.slice(11, 13));
    const h12 = hour % 12 === 0 ? 12 : hour % 12;
    expect(row.time_formatted).toBe(
      `${wall.slice(5, 7)}/${wall.slice(8, 10)}/${wall.slice(2, 4)} ${h12}:${wall.slice(14, 16)}${hour < 12 ? 'am' : 'pm'}`,
    );
  });

  it('answers in another zone when the account is set to one (abbreviation included)', async () => {
    sb = await startCallingly({ timezone: 'America/New_York', variants: { mode: 'first' } });
    expect(sb.timezone).toBe('America/New_York');
    const scheduled = list((await api(sb, '/leads')).json)
      .map((l) => l.scheduled_call_at)
      .filter((s) => s !== null);
    expect(scheduled.some((s) => String(s).endsWith(' EDT') || String(s).endsWith(' EST'))).toBe(true);
  });

  it('shows the same phone for user and lead in the self-test call, and agent phones nowhere else as a lead', async () => {
    sb = await startCallingly({ variants: { mode: 'first' } });
    const detail = (await api(sb, `/calls/${sb.fixtures.selfTestCallId}`)).json as Row;
    expect((detail.user as Row).phone_number).toBe((detail.lead as Row).phone_number);
    expect((detail.user as Row).id).toBe(sb.fixtures.selfTestAgentId);
    const agentPhones = new Set(sb.state.data.agents.map((a) => a.phone));
    const leadsWithAgentPhones = sb.state.data.leads.filter((l) => agentPhones.has(l.phone)).map((l) => l.id);
    expect(leadsWithAgentPhones).toEqual([sb.fixtures.selfTestLeadId]);
  });

  it("the doc's JavaScript-object-literal calls list is opt-in: a pin, never in rotation", async () => {
    sb = await startCallingly();
    for (let i = 0; i < 4; i++) {
      const answer = (await api(sb, `/calls?start=${TODAY}&end=${TODAY}&limit=2`)).text;
      expect(() => JSON.parse(answer)).not.toThrow();
    }
    sb.setVariants({ pin: { 'calls.encoding': 'js-literal', 'envelope:/calls': 'data' } });
    const text = (await api(sb, `/calls?start=${TODAY}&end=${TODAY}&limit=2`)).text;
    expect(text).toMatch(/^\{ data: \[ \{ id: \d+, started_at: "/);
    expect(text).toMatch(/recording_url: (null|"[^"]+"), \}/);
    expect(() => JSON.parse(text)).toThrow();
    // The same pin over the control surface, and mode `first` answers like the doc.
    const set = await fetch(`${sb.controlUrl}/variants`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'first' }),
    });
    expect(((await set.json()) as Row).mode).toBe('first');
    const doc = (await api(sb, `/calls?start=${TODAY}&end=${TODAY}&limit=2`)).text;
    expect(() => JSON.parse(doc)).not.toThrow();
  });

  it('rotates the same way for the same seed', async () => {
    const shapes = async (): Promise<string[]> => {
      sb = await startCallingly({ seed: 31 });
      const out: string[] = [];
      for (let i = 0; i < 4; i++) {
        out.push(envelopeOf((await api(sb, '/agents')).json));
        out.push(booleansOf(list((await api(sb, '/agents')).json)[0]!));
        out.push(
          JSON.stringify(list((await api(sb, `/calls?start=${TODAY}&end=${TODAY}&limit=3`)).json).map((r) => r.member)),
        );
      }
      await sb.close();
      return out;
    };
    const first = await shapes();
    expect(await shapes()).toEqual(first);
    sb = await startCallingly();
  });
});
