import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XSS_NAME, XSS_NOTE, XSS_SMS, type HotProspectorSandbox } from '../../../src/sandbox';
import { TODAY, envelope, rows, startSandbox, v1 } from './helpers';

describe('reads', () => {
  let sb: HotProspectorSandbox;
  beforeAll(async () => {
    // `by-api` makes the V1 endpoint answer like the V1 doc's sections, so shapes are fixed here;
    // variants.test.ts covers the other spellings.
    sb = await startSandbox({ variants: { mode: 'by-api' } });
  });
  afterAll(() => sb.close());

  it('FetchAllTags lists tags with the V1 section shape', async () => {
    const answer = envelope(await v1(sb, { Method: 'FetchAllTags' }));
    const tags = rows(answer, 'tag');
    expect(tags).toHaveLength(13);
    expect(tags[0]).toEqual({ TagId: '401074', TeamId: '15', Added_by: '15', TagTitle: 'new fb lead' });
    expect(answer.message).toBe('There are 13 tags');
  });

  it('FetchAllGroups lists the groups', async () => {
    const groups = rows(await v1(sb, { Method: 'FetchAllGroups' }), 'group');
    expect(groups.map((g) => g.GroupId)).toEqual(['236', '237', '238', '239', '240', '241', '242', '243']);
  });

  it('CheckCustomField answers "True" with a capital T; unknown fields are not found', async () => {
    expect(await v1(sb, { Method: 'CheckCustomField', FieldName: 'Lead Source' })).toEqual({
      response: 'True',
      FieldName: 'Lead Source',
      message: 'Provided Custom Field Exist',
    });
    expect(await v1(sb, { Method: 'CheckCustomField', FieldName: 'Shoe Size' })).toEqual({
      response: 'false',
      message: 'Field not found',
    });
  });

  it('FetchLeadFieldsName (V1) sends the field lists as JSON inside a string', async () => {
    const answer = envelope(await v1(sb, { Method: 'FetchLeadFieldsName' }));
    expect(typeof answer.FieldsName).toBe('string');
    const names = JSON.parse(String(answer.FieldsName)) as { Default: string[]; Custom: string[] };
    expect(names.Default).toContain('additional_Info');
    expect(names.Custom).toEqual([
      'loan_amount',
      'lead_source',
      'prospect_created_at',
      'current_status_name',
      'age',
      'gender',
      'notes',
    ]);
  });

  it('SearchByUserInput finds a lead by any phone spelling', async () => {
    const jose = sb.state.lead(sb.fixtures.recentCallerLeadId ?? 0);
    expect(jose?.phone).toBe('+1 (213) 555-0142');
    for (const spelling of ['2135550142', '213.555.0142', '+12135550142']) {
      const found = rows(
        await v1(sb, { Method: 'SearchByUserInput', searchField: 'phone', searchText: spelling }),
        'Results',
      );
      expect(found.map((r) => r.LeadId)).toEqual([String(jose?.id)]);
      expect(found[0]?.Firstname).toBe('José');
    }
  });

  it('SearchByUserInput with only a GroupId returns the whole group, sorted as asked', async () => {
    const expected = sb.state.data.leads.filter((l) => l.groupIds.includes(237)).map((l) => String(l.id));
    const asc = rows(
      await v1(sb, { Method: 'SearchByUserInput', GroupId: '237', searchText: '', sortBy: 'ASC' }),
      'Results',
    );
    expect(asc.map((r) => r.LeadId)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(asc.every((r) => r.GroupId === '237')).toBe(true);
    const desc = rows(
      await v1(sb, { Method: 'SearchByUserInput', GroupId: '237', searchText: '', sortBy: 'DESC' }),
      'Results',
    );
    expect(desc.map((r) => r.LeadId)).toEqual([...expected].reverse());
  });

  it('SearchByUserInput echoes LocationId and refuses empty searches', async () => {
    const found = rows(
      await v1(sb, {
        Method: 'SearchByUserInput',
        searchField: 'first_name',
        searchText: 'zoë',
        locationId: 'loc_1234567890xyz',
      }),
      'Results',
    );
    expect(found[0]).toMatchObject({ Firstname: 'Zoë', Lastname: 'Brontë', LocationId: 'loc_1234567890xyz' });
    expect(
      await v1(sb, { Method: 'SearchByUserInput', searchField: 'first_name', searchText: 'Nobody-Like-This' }),
    ).toEqual({
      response: 'false',
      message: 'No results found against your provided search/filter.',
    });
  });

  it('SearchByCustomField matches on a custom field value within the group', async () => {
    const john = sb.state.data.leads.find((l) => l.firstName === 'John' && l.lastName === 'Doe');
    const group = String(john?.groupIds[0]);
    const found = rows(
      await v1(sb, { Method: 'SearchByCustomField', searchField: 'Age', searchText: '30', GroupId: group }),
      'Results',
    );
    expect(found.map((r) => r.LeadId)).toContain(String(john?.id));
    for (const row of found) {
      expect(row.GroupId).toBe(group);
      expect((row.Lead_Custom_Fields as Record<string, string>).age).toContain('30');
    }
  });

  it('carries HTML/script payloads verbatim in names, notes and SMS', async () => {
    const id = sb.fixtures.xssLeadId;
    const lead = rows(
      await v1(sb, { Method: 'SearchByUserInput', searchField: 'leadId', searchText: String(id) }),
      'Results',
    )[0];
    expect(lead?.Firstname).toBe(XSS_NAME);
    const notes = rows(await v1(sb, { Method: 'FetchLeadNotes', leadId: id }), 'notes');
    expect(notes.map((n) => n.note)).toContain(XSS_NOTE);
    const sms = rows(await v1(sb, { Method: 'FetchLeadSMSLogs', LeadId: String(id) }), 'Results');
    expect(sms.map((s) => s.message)).toContain(XSS_SMS);
  });

  it('FetchLeadNotes (V1) uses noteId and zone-less local times', async () => {
    const answer = envelope(await v1(sb, { Method: 'FetchLeadNotes', leadId: sb.fixtures.recentCallerLeadId }));
    expect(answer.message).toBe('3 notes found');
    const notes = rows(answer, 'notes');
    expect(notes[2]).toMatchObject({
      note: 'Prefiere hablar en español por la tarde.',
      type: 'manual',
      dated: '2026-06-23 11:30:00',
    });
    expect(typeof notes[0]?.noteId).toBe('number');
    expect(await v1(sb, { Method: 'FetchLeadNotes', leadId: 1 })).toEqual({
      response: 'false',
      message: 'No notes found',
    });
  });

  it('FetchLeadCallLogs finds the lead by LeadPhone and prints bare national numbers (V1)', async () => {
    const answer = envelope(
      await v1(sb, { Method: 'FetchLeadCallLogs', LeadPhone: '(213) 555-0142', type: 'inbound' }),
    );
    expect(answer.message).toBe('Lead Call Records');
    const calls = rows(answer, 'Results');
    expect(calls[0]).toMatchObject({
      lead_Name: 'José García',
      location_name: '',
      from_number: '2135550142',
      call_time: 'Jun 23, 2026 11:56 am',
      duration: '185',
      call_status: 'completed',
    });
    expect(typeof calls[0]?.speed_to_lead).toBe('string');
  });

  it('FetchLeadRVMLogs and per-lead date filters', async () => {
    const withRvm = sb.state.data.rvm[sb.state.data.rvm.length - 1];
    const all = rows(await v1(sb, { Method: 'FetchLeadRVMLogs', LeadId: String(withRvm?.leadId) }), 'Results');
    expect(all.some((r) => r.vmId === String(withRvm?.id))).toBe(true);
    expect(all[0]?.voice_file).toMatch(/^https:\/\//);
    const none = await v1(sb, {
      Method: 'FetchLeadRVMLogs',
      LeadId: String(withRvm?.leadId),
      from_date: '2020-01-01',
      to_date: '2020-01-02',
    });
    expect(none).toEqual({ response: 'false', message: 'No RVM logs found' });
  });

  it('getMemberUsers and checkMemberLimit describe the team', async () => {
    const members = rows(await v1(sb, { Method: 'getMemberUsers' }), 'data');
    expect(members).toHaveLength(6);
    expect(members[0]).toMatchObject({ memberId: '3232', member_status: 'Active', direct_call_recording: 'false' });
    expect(await v1(sb, { Method: 'checkMemberLimit' })).toEqual({
      response: 'true',
      message: 'record',
      data: { total_user: '10', active_user: '5', remaining_user: '5' },
    });
  });

  it('FetchAllCampaigns lists outbound campaigns', async () => {
    const answer = envelope(await v1(sb, { Method: 'FetchAllCampaigns' }));
    expect(rows(answer, 'result')[0]).toEqual({ campaign_id: '11111', CampaignTitle: 'Summer Campaign' });
    expect(answer.message).toBe('There are 4 outbound campaigns');
  });

  it('getMemberDashboardData agrees with the call log of the same day', async () => {
    const dash = envelope(await v1(sb, { Method: 'getMemberDashboardData', date: '2026-06-22' }));
    expect(dash).toMatchObject({
      date: '2026-06-22',
      last_updated: 'Jun 23, 2026 12:00 PM (PST)',
      message: 'Today`s Member Dashboard Data',
    });
    const agents = rows(dash, 'results');
    const outbound = agents.reduce((n, a) => n + Number(a.outboundCall), 0);
    const inbound = agents.reduce((n, a) => n + Number(a.inboundCall), 0);
    const log = envelope(
      await v1(sb, { Method: 'FetchUserCallLog', from_date: '2026-06-22', to_date: '2026-06-22', limit: 1 }),
    );
    expect(String(outbound)).toBe(log.outbound_count);
    expect(String(inbound)).toBe(log.inbound_count);
    expect(agents.length).toBeGreaterThan(0);
    for (const a of agents) {
      expect(a.hours).toMatch(/^\d\dh :\d\dm :\d\ds$/);
      expect(a.answer_rate).toMatch(/^\d+ %$/);
      expect(a.AOD).toMatch(/^\d+\.\d{6}$/);
    }
  });

  it('getMemberDashboardData refuses future dates', async () => {
    expect(await v1(sb, { Method: 'getMemberDashboardData', date: '2026-06-24' })).toEqual({
      response: 'false',
      message: 'Unable to fetch dashboard data',
    });
    expect(envelope(await v1(sb, { Method: 'getMemberDashboardData' })).date).toBe(TODAY);
  });

  it('getDashboardMemberDatabyCampaign (V1) lists dispositions and uses spaced durations', async () => {
    const answer = envelope(
      await v1(sb, { Method: 'getDashboardMemberDatabyCampaign', campaign_id: 11111, date: '2026-06-20' }),
    );
    expect(answer.message).toBe("Campaign based Member's Dashboard Data");
    const agents = rows(answer, 'results');
    expect(agents.length).toBeGreaterThan(0);
    for (const a of agents) {
      expect(Array.isArray(a.dispositionStatus)).toBe(true);
      expect(typeof a.answered_calls).toBe('number');
      expect(a.hours).toMatch(/^\d\dh \d\dm \d\ds$/);
      expect(a.answer_rate).toMatch(/^\d+%$/);
    }
    const dispositions = agents.flatMap(
      (a) => a.dispositionStatus as Array<{ DispoTitle: string; DispoCount: string }>,
    );
    expect(dispositions.length).toBeGreaterThan(0);
    expect(await v1(sb, { Method: 'getDashboardMemberDatabyCampaign', campaign_id: 99 })).toEqual({
      response: 'false',
      message: 'Unable to fetch dashboard data',
    });
  });

  it('GetNumberHealthList pages with page/per_page and filters spam', async () => {
    const all = envelope(await v1(sb, { Method: 'GetNumberHealthList' }));
    expect(all.pagination).toEqual({ page: 1, per_page: 100, total: 8, total_pages: 1 });
    const page2 = envelope(await v1(sb, { Method: 'GetNumberHealthList', page: 2, per_page: 3 }));
    expect(page2.pagination).toEqual({ page: 2, per_page: 3, total: 8, total_pages: 3 });
    expect(rows(page2, 'data').map((n) => n.phoneId)).toEqual([1045, 1046, 1047]);
    const spam = rows(await v1(sb, { Method: 'GetNumberHealthList', filter: 'spam_only' }), 'data');
    expect(spam.length).toBeGreaterThan(0);
    expect(spam.every((n) => n.is_spam_detected === true)).toBe(true);
    expect(await v1(sb, { Method: 'GetNumberHealthList', page: 9 })).toEqual({
      response: 'false',
      message: 'No numbers found',
    });
  });

  it('FetchCallTranscripts (V1) carries speaker turns inside message_data_raw JSON text', async () => {
    const answer = envelope(await v1(sb, { Method: 'FetchCallTranscripts', recordingId: '', limit: 1 }));
    const first = rows(answer, 'results')[0] as Record<string, unknown>;
    expect(Array.isArray(first.message_data)).toBe(true);
    const raw = JSON.parse(String(first.message_data_raw)) as { messages: Array<{ speaker: string; text: string }> };
    expect(new Set(raw.messages.map((m) => m.speaker))).toEqual(new Set(['1', '2']));
    expect(first.transcript_text).toBe((first.message_data as string[]).join(' '));
  });
});
