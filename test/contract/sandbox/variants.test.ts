import { afterEach, describe, expect, it } from 'vitest';
import type { HotProspectorSandbox } from '../../../src/sandbox';
import { envelope, rows, startSandbox, v1, v2, v2Token } from './helpers';

describe('untidy response variants', () => {
  let sb: HotProspectorSandbox;
  afterEach(() => sb.close());

  it('rotates through every documented FetchAllTags spelling, deterministically by seed', async () => {
    const shapes = async (): Promise<string[]> => {
      const out: string[] = [];
      for (let i = 0; i < 3; i++) {
        const answer = await v1(sb, { Method: 'FetchAllTags' });
        const inner = envelope(answer);
        out.push(
          `${Array.isArray(answer) ? 'array' : 'object'}:${'tags' in inner ? 'tags' : 'tag'}:${'TeamId' in rows(answer, 'tags' in inner ? 'tags' : 'tag')[0]! ? 'team' : 'plain'}`,
        );
      }
      return out;
    };
    sb = await startSandbox({ seed: 21 });
    const first = await shapes();
    expect(new Set(first)).toEqual(new Set(['array:tags:plain', 'object:tag:team', 'object:tag:plain']));
    await sb.close();
    sb = await startSandbox({ seed: 21 });
    expect(await shapes()).toEqual(first);
  });

  it('by-api answers V2 like the V2 doc: notesId, objects, "Results"', async () => {
    sb = await startSandbox({ variants: { mode: 'by-api' } });
    const token = (await v2Token(sb)).access;
    const notes = (await (
      await v2(sb, token, { Method: 'FetchLeadNotes', leadId: sb.fixtures.recentCallerLeadId })
    ).json()) as Record<string, unknown>;
    expect(notes.message).toBe('3 note(s) found');
    expect(rows(notes, 'notes')[0]).toHaveProperty('notesId');
    const fields = (await (await v2(sb, token, { Method: 'FetchLeadFieldsName' })).json()) as {
      FieldsName: { Custom: string[] };
    };
    expect(fields.FieldsName.Custom).toContain('Age');
    const sms = (await (await v2(sb, token, { Method: 'FetchUserSMSLogs', limit: 1 })).json()) as unknown;
    expect(Array.isArray(sms)).toBe(false);
    const transcripts = (await (await v2(sb, token, { Method: 'FetchCallTranscripts', limit: 1 })).json()) as Record<
      string,
      unknown
    >;
    const turn = (rows(transcripts, 'Results')[0]?.message_data as Array<{ role: string }>)[0];
    expect(turn?.role).toBe('agent');
    const lead = (await (
      await v2(sb, token, { Method: 'FetchLeadCallLogs', LeadId: String(sb.fixtures.recentCallerLeadId) })
    ).json()) as Record<string, unknown>;
    const call = rows(lead, 'Results')[0];
    expect(call?.from_number).toMatch(/^\+1\d{10}$/);
    expect(typeof call?.speed_to_lead).toBe('number');
    expect(call).not.toHaveProperty('location_name');
  });

  it('pin fixes one Method to one spelling: one-item arrays, JSON text in Lead_Custom_Fields', async () => {
    sb = await startSandbox({
      variants: { pin: { GetNumberHealthList: 'v1', SearchByUserInput: 'json-text', FetchUserSMSLogs: 'v1' } },
    });
    for (let i = 0; i < 3; i++) {
      expect(Array.isArray(await v1(sb, { Method: 'GetNumberHealthList' }))).toBe(true);
      expect(Array.isArray(await v1(sb, { Method: 'FetchUserSMSLogs', limit: 1 }))).toBe(true);
      const lead = rows(
        await v1(sb, {
          Method: 'SearchByUserInput',
          searchField: 'leadId',
          searchText: String(sb.fixtures.recentCallerLeadId),
        }),
        'Results',
      )[0];
      expect(JSON.parse(String(lead?.Lead_Custom_Fields))).toEqual({ lead_source: 'Facebook', loan_amount: '250000' });
    }
  });

  it('the V2 doc spellings of dashboards and campaigns', async () => {
    sb = await startSandbox({
      variants: { pin: { getDashboardMemberDatabyCampaign: 'v2', getMemberDashboardData: 'v2', AddSingleLead: 'v2' } },
    });
    const byCampaign = envelope(await v1(sb, { Method: 'getDashboardMemberDatabyCampaign', date: '2026-06-20' }));
    expect(byCampaign.last_updated).toBe('Jun 23, 2026 12:00 pm (PST)');
    const agents = rows(byCampaign, 'results');
    expect(agents.every((a) => typeof a.dispositionStatus === 'object' && !Array.isArray(a.dispositionStatus))).toBe(
      true,
    );
    expect(agents.some((a) => Object.keys(a.dispositionStatus as object).length > 0)).toBe(true);
    const added = envelope(await v1(sb, { Method: 'AddSingleLead', groupId: '236', email: 'v2@example.com' }));
    expect(typeof added.AddedleadId).toBe('string');
    expect(added.message).toBe('Lead has been successfully added');
  });

  it('POST /__sandbox/variants switches mode at runtime', async () => {
    sb = await startSandbox();
    const res = await fetch(`${sb.baseUrl}/__sandbox/variants`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'first' }),
    });
    expect(await res.json()).toEqual({ mode: 'first' });
    for (let i = 0; i < 3; i++) expect(envelope(await v1(sb, { Method: 'FetchAllTags' }))).toHaveProperty('tag');
    const bad = await fetch(`${sb.baseUrl}/__sandbox/variants`, {
      method: 'POST',
      body: JSON.stringify({ mode: 'chaos' }),
    });
    expect(bad.status).toBe(400);
  });
});
