import { describe, expect, it } from 'vitest';
import { HotProspectorClient } from '../../../src/core/providers/hotprospector/client';
import { CallsideError } from '../../../src/shared/errors';
import { FakeTransport } from './support/fakeTransport';
import { fixture, type Api } from './support/fixtures';

interface Case {
  /** What the test calls on the client. */
  call: (client: HotProspectorClient) => Promise<unknown>;
  method: string;
  write: boolean;
  /** The exact body the server must receive (the transport adds Method and credentials). */
  body: Record<string, unknown>;
  answer: [Api, string];
  /** A concrete piece of the typed result. */
  expected: unknown;
}

const CASES: Case[] = [
  {
    call: (c) => c.login(),
    method: 'LoginUser',
    write: false,
    body: {},
    answer: ['v1', 'LoginUser.success'],
    expected: { authenticated: true, message: 'Successfully Authenticated' },
  },
  {
    call: (c) => c.listTags(),
    method: 'FetchAllTags',
    write: false,
    body: {},
    answer: ['v1', 'FetchAllTags.success-quickstart'],
    expected: [{ id: '401074', title: 'new fb lead', status: 'Active' }],
  },
  {
    call: (c) => c.addTag({ title: 'Sample Test Tag' }),
    method: 'AddTag',
    write: true,
    body: { TagTitle: 'Sample Test Tag' },
    answer: ['v1', 'AddTag.success'],
    expected: { id: '1' },
  },
  {
    call: (c) => c.renameTag({ tagId: '1', title: 'New Name' }),
    method: 'UpdateTag',
    write: true,
    body: { TagId: '1', UpdateTagTitle: 'New Name' },
    answer: ['v2', 'UpdateTag.success'],
    expected: { id: '1', title: 'New Name' },
  },
  {
    call: (c) => c.listGroups(),
    method: 'FetchAllGroups',
    write: false,
    body: {},
    answer: ['v2', 'FetchAllGroups.success'],
    expected: [{ id: '1', title: 'Sample Group A' }],
  },
  {
    call: (c) => c.addGroup({ title: 'My Group' }),
    method: 'AddGroup',
    write: true,
    body: { GroupTitle: 'My Group' },
    answer: ['v2', 'AddGroup.success'],
    expected: { id: '1' },
  },
  {
    call: (c) => c.renameGroup({ groupId: '1', title: 'New Group Name' }),
    method: 'UpdateGroup',
    write: true,
    body: { GroupId: '1', UpdateGroupTitle: 'New Group Name' },
    answer: ['v2', 'UpdateGroup.success'],
    expected: { id: '1', title: 'New Group Name' },
  },
  {
    call: (c) => c.deleteGroup({ groupId: '1' }),
    method: 'DeleteGroup',
    write: true,
    body: { GroupId: '1' },
    answer: ['v2', 'DeleteGroup.success'],
    expected: { id: '1' },
  },
  {
    call: (c) => c.addCustomField({ name: 'Color', type: 'select', options: ['Red', 'Blue'] }),
    method: 'AddcustomField',
    write: true,
    body: { FieldName: 'Color', FieldType: 'select', FieldOptions: ['Red', 'Blue'] },
    answer: ['v2', 'AddcustomField.success'],
    expected: { fieldName: 'age', customFieldId: null, locationId: null },
  },
  {
    call: (c) =>
      c.updateCustomField({ previousName: 'Street Address', newName: 'Company Address', newType: 'textbox' }),
    method: 'UpdateCustomField',
    write: true,
    body: { PreviousFieldName: 'Street Address', newFieldName: 'Company Address', newFieldType: 'textbox' },
    answer: ['v2', 'UpdateCustomField.success'],
    expected: { fieldName: 'company_address', customFieldId: null, locationId: null },
  },
  {
    call: (c) => c.checkCustomField({ name: 'Age' }),
    method: 'CheckCustomField',
    write: false,
    body: { FieldName: 'Age' },
    answer: ['v2', 'CheckCustomField.error'],
    expected: { exists: false, fieldName: 'Age' },
  },
  {
    call: (c) => c.deleteCustomField({ name: 'Age' }),
    method: 'DeleteCustomField',
    write: true,
    body: { FieldName: 'Age' },
    answer: ['v1', 'DeleteCustomField.success'],
    expected: { fieldName: 'age', customFieldId: null, locationId: null },
  },
  {
    call: (c) => c.searchLeads({ groupId: '236', searchField: 'first_name', searchText: 'John' }),
    method: 'SearchByUserInput',
    write: false,
    body: { GroupId: '236', searchField: 'first_name', searchText: 'John', sortBy: 'ASC' },
    answer: ['v2', 'SearchByUserInput.success'],
    expected: ['12345'],
  },
  {
    call: (c) => c.searchLeadsByCustomField({ groupId: '236', field: 'Age', searchText: '30', sortBy: 'DESC' }),
    method: 'SearchByCustomField',
    write: false,
    body: { GroupId: '236', searchField: 'Age', searchText: '30', sortBy: 'DESC' },
    answer: ['v2', 'SearchByCustomField.success'],
    expected: ['12346'],
  },
  {
    call: (c) => c.unsubscribeLead({ by: 'email', value: 'a@b.co' }),
    method: 'Un_SubscribeLead',
    write: true,
    body: { unsubscribeBy: 'email', unsubscribeValue: 'a@b.co' },
    answer: ['v1', 'Un_SubscribeLead.success'],
    expected: { leadId: '6016', by: 'leadId', value: '6016' },
  },
  {
    call: (c) => c.updateLead({ leadId: '12345', field: 'additional_Info', value: 'VIP' }),
    method: 'UpdateExistingLead',
    write: true,
    body: { LeadId: '12345', LeadField: 'additional_Info', LeadData: 'VIP' },
    answer: ['v2', 'UpdateExistingLead.success'],
    expected: { leadId: '12345', field: 'first_name', value: 'John Updated' },
  },
  {
    call: (c) => c.moveLead({ leadId: '12345', groupId: '237' }),
    method: 'MoveLead',
    write: true,
    body: { LeadId: '12345', moveGroupId: '237' },
    answer: ['v2', 'MoveLead.success'],
    expected: { leadId: '12345', groupId: '237' },
  },
  {
    call: (c) => c.copyLead({ leadId: '12345', groupId: '238' }),
    method: 'CopyLead',
    write: true,
    body: { LeadId: '12345', copyGroupId: '238' },
    answer: ['v2', 'CopyLead.success'],
    expected: { leadId: '12345', groupId: '238' },
  },
  {
    call: (c) =>
      c.addLead({
        groupId: '236',
        tagIds: ['5', '12'],
        lead: {
          firstName: 'Jane',
          lastName: 'Smith',
          phone: '5551234567',
          additionalInfo: 'met at expo',
          customFields: { 'Sample Custom Field': 'Sample Value' },
        },
      }),
    method: 'AddSingleLead',
    write: true,
    body: {
      groupId: '236',
      tagId: [5, 12],
      first_name: 'Jane',
      last_name: 'Smith',
      phone: '5551234567',
      additional_Info: 'met at expo',
      'Sample Custom Field': 'Sample Value',
    },
    answer: ['v2', 'AddSingleLead.success'],
    expected: { leadId: '12346', groupId: '236' },
  },
  {
    call: (c) => c.removeLeadFromGroup({ groupId: '236', phone: '5551234567' }),
    method: 'RemoveSingleLead',
    write: true,
    body: { groupId: '236', phone: '5551234567' },
    answer: ['v2', 'RemoveSingleLead.success'],
    expected: { leadId: '12346', groupId: '236' },
  },
  {
    call: (c) =>
      c.addLeads({
        groupId: '236',
        leads: [
          { firstName: 'Alice', phone: '5550001111' },
          { firstName: 'Bob', phone: '5550002222' },
        ],
      }),
    method: 'AddMultipleLeads',
    write: true,
    body: {
      groupId: '236',
      leads_array: [
        { first_name: 'Alice', phone: '5550001111' },
        { first_name: 'Bob', phone: '5550002222' },
      ],
    },
    answer: ['v2', 'AddMultipleLeads.success'],
    expected: { queued: true, message: 'Leads are added to Queue for Processing' },
  },
  {
    call: (c) => c.listLeadFields(),
    method: 'FetchLeadFieldsName',
    write: false,
    body: {},
    answer: ['v2', 'FetchLeadFieldsName.success'],
    expected: 13,
  },
  {
    call: (c) => c.listLeadNotes({ leadId: '12345' }),
    method: 'FetchLeadNotes',
    write: false,
    body: { leadId: 12345 },
    answer: ['v2', 'FetchLeadNotes.success'],
    expected: ['1', '2'],
  },
  {
    call: (c) => c.addLeadTags({ leadId: '12345', tagIds: ['5', '12', '18'] }),
    method: 'AddLeadTags',
    write: true,
    body: { leadId: 12345, tagId: '5,12,18' },
    answer: ['v2', 'AddLeadTags.success'],
    expected: { leadId: '12345', tagIds: ['5', '12', '18'] },
  },
  {
    call: (c) => c.removeLeadTags({ leadId: '12345', tagIds: ['5', '12'] }),
    method: 'RemoveLeadTags',
    write: true,
    body: { leadId: 12345, tagId: '5,12' },
    answer: ['v2', 'RemoveLeadTags.success'],
    expected: { leadId: '12345', tagIds: ['5', '12'] },
  },
  {
    call: (c) => c.listLeadCalls({ leadId: '12345', type: 'outbound', fromDate: '2026-06-01', toDate: '2026-06-23' }),
    method: 'FetchLeadCallLogs',
    write: false,
    body: { LeadId: '12345', type: 'outbound', from_date: '2026-06-01', to_date: '2026-06-23' },
    answer: ['v2', 'FetchLeadCallLogs.success'],
    expected: ['outbound'],
  },
  {
    call: (c) => c.listLeadSms({ leadPhone: '5551234567' }),
    method: 'FetchLeadSMSLogs',
    write: false,
    body: { LeadPhone: '5551234567' },
    answer: ['v2', 'FetchLeadSMSLogs.success'],
    expected: ['sms:900001'],
  },
  {
    call: (c) => c.listLeadVoicemailDrops({ leadEmail: 'john@example.com' }),
    method: 'FetchLeadRVMLogs',
    write: false,
    body: { LeadEmail: 'john@example.com' },
    answer: ['v2', 'FetchLeadRVMLogs.success'],
    expected: ['rvm:100001'],
  },
  {
    call: (c) =>
      c.listAccountSms({ fromDate: '2026-06-01', toDate: '2026-06-23', direction: 'outbound', limit: 100, offset: 0 }),
    method: 'FetchUserSMSLogs',
    write: false,
    body: { from_date: '2026-06-01', to_date: '2026-06-23', direction: 'outbound', limit: 100, offset: 0 },
    answer: ['v2', 'FetchUserSMSLogs.success'],
    expected: { total: 1520, nextOffset: 100 },
  },
  {
    call: (c) =>
      c.listAccountCalls({
        type: 'inbound',
        minDurationSec: 10,
        searchPhone: '555',
        transferOnly: 'Yes',
        sortBy: 'duration',
        sortOrder: 'ASC',
        limit: 50,
        offset: 50,
      }),
    method: 'FetchUserCallLog',
    write: false,
    body: {
      type: 'inbound',
      min_duration: 10,
      search_phone: '555',
      transfer_only: 'Yes',
      sort_by: 'duration',
      sort_order: 'ASC',
      limit: 50,
      offset: 50,
    },
    answer: ['v2', 'FetchUserCallLog.success'],
    expected: { total: 30481, nextOffset: 100 },
  },
  {
    call: (c) =>
      c.addMember({
        firstName: 'Support',
        lastName: 'Team',
        email: 'abcxyz@gmail.com',
        inboundPhone: '14087777111',
        password: 'a-sasdasdsA3',
      }),
    method: 'addMemberUser',
    write: true,
    body: {
      first_name: 'Support',
      last_name: 'Team',
      email: 'abcxyz@gmail.com',
      inbound_phone: '14087777111',
      password: 'a-sasdasdsA3',
    },
    answer: ['v2', 'addMemberUser.success'],
    expected: { message: 'Team member added successfully.' },
  },
  {
    call: (c) =>
      c.editMember({
        memberId: '967',
        firstName: 'Support',
        lastName: 'Team',
        email: 'abcxyz@gmail.com',
        status: 'Inactive',
      }),
    method: 'editMemberUser',
    write: true,
    body: {
      memberId: '967',
      first_name: 'Support',
      last_name: 'Team',
      email: 'abcxyz@gmail.com',
      member_status: 'Inactive',
    },
    answer: ['v2', 'editMemberUser.success'],
    expected: { message: 'Member updated successfully.' },
  },
  {
    call: (c) => c.listMembers(),
    method: 'getMemberUsers',
    write: false,
    body: {},
    answer: ['v2', 'getMemberUsers.success'],
    expected: ['3232'],
  },
  {
    call: (c) => c.getMemberLimit(),
    method: 'checkMemberLimit',
    write: false,
    body: {},
    answer: ['v2', 'checkMemberLimit.success'],
    expected: { total: 10, active: 8, remaining: 2 },
  },
  {
    call: (c) => c.deleteMember({ memberId: '434' }),
    method: 'deleteMemberUser',
    write: true,
    body: { memberId: '434' },
    answer: ['v2', 'deleteMemberUser.success'],
    expected: { message: 'Member deleted successfully.' },
  },
  {
    call: (c) => c.getCredits(),
    method: 'fetchCreditCount',
    write: false,
    body: {},
    answer: ['v2', 'fetchCreditCount.success'],
    expected: { credits: 2500 },
  },
  {
    call: (c) => c.deductCredit({ description: 'Some description...' }),
    method: 'creditDeduct',
    write: true,
    body: { description: 'Some description...' },
    answer: ['v2', 'creditDeduct.success'],
    expected: { message: 'credits deduct successfully' },
  },
  {
    call: (c) => c.listCampaigns(),
    method: 'FetchAllCampaigns',
    write: false,
    body: {},
    answer: ['v2', 'FetchAllCampaigns.success'],
    expected: [
      { id: '11111', title: 'Summer Campaign' },
      { id: '22222', title: 'Fall Outreach' },
    ],
  },
  {
    call: (c) =>
      c.listCallTranscripts({
        fromDate: '2026-06-01',
        flaggedOnly: true,
        fields: ['leadId', 'transcript_text'],
        cursor: 0,
        limit: 50,
        returnFormat: 'array',
      }),
    method: 'FetchCallTranscripts',
    write: false,
    body: {
      return_format: 'array',
      from_date: '2026-06-01',
      flagged_only: true,
      limit: 50,
      cursor: 0,
      fields: 'leadId,transcript_text',
    },
    answer: ['v2', 'FetchCallTranscripts.success'],
    expected: { total: 500, nextOffset: 100 },
  },
  {
    call: (c) => c.getDashboard({ date: '2026-06-23' }),
    method: 'getMemberDashboardData',
    write: false,
    body: { date: '2026-06-23' },
    answer: ['v2', 'getMemberDashboardData.success'],
    expected: { answerRate: 0.44, loggedInSec: 29732, conversionRate: 0.1636 },
  },
  {
    call: (c) => c.getCampaignDashboard({ campaignId: '11111', date: '2026-06-23' }),
    method: 'getDashboardMemberDatabyCampaign',
    write: false,
    body: { campaign_id: 11111, date: '2026-06-23' },
    answer: ['v2', 'getDashboardMemberDatabyCampaign.success'],
    expected: { answerRate: 0.44, loggedInSec: 29732, conversionRate: 0.1636 },
  },
  {
    call: (c) => c.listNumberHealth({ filter: 'spam_only', checkedSince: '2026-06-23', page: 1, perPage: 100 }),
    method: 'GetNumberHealthList',
    write: false,
    body: { filter: 'spam_only', checked_since: '2026-06-23', page: 1, per_page: 100 },
    answer: ['v2', 'GetNumberHealthList.success'],
    expected: { total: 2, totalPages: 1 },
  },
];

/** Pulls the concrete part of a result each case asserts on. */
function essence(method: string, result: unknown): unknown {
  const value = result as Record<string, unknown> & Array<Record<string, unknown>>;
  switch (method) {
    case 'SearchByUserInput':
    case 'SearchByCustomField':
    case 'FetchLeadNotes':
    case 'getMemberUsers':
      return value.map((item) => item.id);
    case 'FetchLeadFieldsName':
      return value.length;
    case 'FetchLeadCallLogs':
      return value.map((item) => item.direction);
    case 'FetchLeadSMSLogs':
    case 'FetchLeadRVMLogs':
      return value.map((item) => item.id);
    case 'FetchUserSMSLogs':
    case 'FetchUserCallLog':
    case 'FetchCallTranscripts':
      return { total: value.total, nextOffset: value.nextOffset };
    case 'getMemberDashboardData':
    case 'getDashboardMemberDatabyCampaign': {
      const agent = (value.agents as Array<Record<string, unknown>>)[0] ?? {};
      return { answerRate: agent.answerRate, loggedInSec: agent.loggedInSec, conversionRate: agent.conversionRate };
    }
    case 'GetNumberHealthList':
      return { total: value.total, totalPages: value.totalPages };
    default:
      return result;
  }
}

describe('HotProspectorClient', () => {
  it('has a typed call for each of the 42 Methods', () => {
    expect(new Set(CASES.map((c) => c.method)).size).toBe(42);
  });

  it.each(CASES.map((c) => [c.method, c] as const))(
    '%s: sends the documented wire names and reads the answer',
    async (method, c) => {
      const transport = new FakeTransport().answerWith(fixture(...c.answer));
      const client = new HotProspectorClient(transport);
      const result = await c.call(client);
      expect(transport.calls).toEqual([{ method, params: c.body, write: c.write }]);
      expect(essence(method, result)).toEqual(c.expected);
    },
  );

  it('throws the typed error of a refused call', async () => {
    const transport = new FakeTransport('v2').answerWith(fixture('v2', 'AddTag.error'));
    const client = new HotProspectorClient(transport);
    await expect(client.addTag({ title: 'x' })).rejects.toMatchObject({
      code: 'auth',
      message: 'Hot Prospector refused AddTag: Invalid token',
    });
  });

  it('reads "No tag found" as no tags', async () => {
    const client = new HotProspectorClient(new FakeTransport().answerWith(fixture('v1', 'FetchAllTags.error')));
    await expect(client.listTags()).resolves.toEqual([]);
  });

  it('uses the account time zone, America/Los_Angeles by default', async () => {
    const body = fixture('v2', 'FetchLeadNotes.success');
    const pacific = new HotProspectorClient(new FakeTransport().answerWith(body));
    const eastern = new HotProspectorClient(new FakeTransport().answerWith(body), { timezone: 'America/New_York' });
    expect(pacific.timezone).toBe('America/Los_Angeles');
    expect((await pacific.listLeadNotes({ leadId: '12345' }))[0]?.at).toBe('2026-06-23T17:30:00.000Z');
    expect((await eastern.listLeadNotes({ leadId: '12345' }))[0]?.at).toBe('2026-06-23T14:30:00.000Z');
  });

  it('refuses an unknown time zone', () => {
    expect(() => new HotProspectorClient(new FakeTransport(), { timezone: 'Mars/Olympus' })).toThrow(CallsideError);
  });

  it('passes the abort signal and deadline to the transport', async () => {
    const transport = new FakeTransport().answerWith(fixture('v1', 'LoginUser.success'));
    const controller = new AbortController();
    await new HotProspectorClient(transport).login({ signal: controller.signal, timeoutMs: 1234 });
    expect(transport.options[0]).toEqual({ write: false, signal: controller.signal, timeoutMs: 1234 });
  });

  it('signs out through the transport and reports its api', async () => {
    const transport = new FakeTransport('v2');
    const client = new HotProspectorClient(transport);
    expect(client.api).toBe('v2');
    await client.signOut();
    expect(transport.signedOut).toBe(true);
  });
});

describe('input the server would refuse never leaves the client', () => {
  const cases: Array<[string, (client: HotProspectorClient) => Promise<unknown>, string]> = [
    [
      'a lead without contact',
      (c) => c.addLead({ groupId: '1', lead: { firstName: 'A' } }),
      'an email, phone or mobile',
    ],
    [
      'a custom field named like a credential',
      (c) => c.addLead({ groupId: '1', lead: { phone: '5551234567', customFields: { api_uId: 'other-account' } } }),
      'api_uId',
    ],
    ['an empty batch', (c) => c.addLeads({ groupId: '1', leads: [] }), 'between 1 and 100 leads'],
    [
      'a batch of 101',
      (c) => c.addLeads({ groupId: '1', leads: Array.from({ length: 101 }, () => ({ phone: '5551234567' })) }),
      'got 101',
    ],
    ['a removal without key', (c) => c.removeLeadFromGroup({ groupId: '1' }), 'at least one of email, phone, mobile'],
    [
      'a per-lead log without lead',
      (c) => c.listLeadCalls({ fromDate: '2026-06-01' }),
      'at least one of leadId, leadPhone, leadEmail',
    ],
    ['search text without field', (c) => c.searchLeads({ groupId: '1', searchText: 'x' }), 'a searchField'],
    ['a select field without options', (c) => c.addCustomField({ name: 'Color', type: 'select' }), 'FieldOptions'],
    ['no tag ids', (c) => c.addLeadTags({ leadId: '1', tagIds: [] }), 'at least one tag id'],
    ['an empty tag title', (c) => c.addTag({ title: ' ' }), 'a non-empty title'],
  ];

  it.each(cases)('%s', async (_label, call, detail) => {
    const transport = new FakeTransport();
    const error = await call(new HotProspectorClient(transport)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CallsideError);
    expect((error as CallsideError).code).toBe('invalid_request');
    expect((error as CallsideError).message).toContain(detail);
    expect(transport.calls).toEqual([]);
  });

  it('never echoes a password in an error', async () => {
    const transport = new FakeTransport().answerWith(fixture('v2', 'addMemberUser.error'));
    const error = await new HotProspectorClient(transport)
      .addMember({ firstName: 'A', lastName: 'B', email: 'a@b.co', inboundPhone: '1', password: 'Secret-Pass9' })
      .catch((caught: unknown) => caught);
    expect((error as CallsideError).message).toBe('Hot Prospector refused addMemberUser: Email already exists');
    expect((error as CallsideError).message).not.toContain('Secret-Pass9');
  });
});
