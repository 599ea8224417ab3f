import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOO_MANY_LEADS_MESSAGE, type HotProspectorSandbox } from '../../../src/sandbox';
import { envelope, rows, startSandbox, v1 } from './helpers';

describe('writes change state and are counted once each', () => {
  let sb: HotProspectorSandbox;
  beforeEach(async () => {
    sb = await startSandbox({ variants: { mode: 'by-api' } });
  });
  afterEach(() => sb.close());

  const applied = async (): Promise<Record<string, number>> =>
    ((await (await fetch(`${sb.baseUrl}/__sandbox/counters`)).json()) as { applied: Record<string, number> }).applied;

  it('AddLeadTags / RemoveLeadTags have set semantics', async () => {
    const lead = sb.state.data.leads[30];
    if (!lead) throw new Error('no lead');
    const [a, b] = sb.state.data.tags.map((t) => t.id).filter((id) => !lead.tagIds.includes(id));
    const before = lead.tagIds.length;
    const add = await v1(sb, { Method: 'AddLeadTags', leadId: lead.id, tagId: `${a},${b}` });
    expect(add).toEqual({
      response: 'true',
      message: 'Tags assigned successfully',
      leadId: lead.id,
      tags_assigned: [a, b],
    });
    await v1(sb, { Method: 'AddLeadTags', leadId: lead.id, tagId: String(a) });
    expect(lead.tagIds.length).toBe(before + 2);
    const found = rows(
      await v1(sb, { Method: 'SearchByUserInput', searchField: 'leadId', searchText: String(lead.id) }),
      'Results',
    );
    expect(String(found[0]?.Tags).split(',')).toEqual(expect.arrayContaining([String(a), String(b)]));

    const remove = await v1(sb, { Method: 'RemoveLeadTags', leadId: lead.id, tagId: [a] });
    expect(remove).toMatchObject({ message: 'Tags removed successfully', tags_removed: [a] });
    expect(lead.tagIds).not.toContain(a);
    expect(lead.tagIds).toContain(b);
    expect(await applied()).toEqual({ AddLeadTags: 2, RemoveLeadTags: 1 });
  });

  it('refuses an unknown tag id without applying anything', async () => {
    const lead = sb.state.data.leads[30];
    const before = [...(lead?.tagIds ?? [])];
    const answer = await v1(sb, { Method: 'AddLeadTags', leadId: lead?.id, tagId: `${sb.state.data.tags[0]?.id},999` });
    expect(answer).toEqual({ response: 'false', message: 'Invalid leadId or tagId' });
    expect(lead?.tagIds).toEqual(before);
    expect(sb.counters().applied).toEqual({});
    expect(sb.counters().requests.AddLeadTags).toBe(1);
  });

  it('AddTag / UpdateTag / AddGroup / UpdateGroup / DeleteGroup', async () => {
    const tag = envelope(await v1(sb, { Method: 'AddTag', TagTitle: 'Łódź 🚀' }));
    expect(tag).toEqual({
      response: 'true',
      'Added TagId': 401087,
      message: 'Tag(Łódź 🚀) has been successfully added',
    });
    expect(await v1(sb, { Method: 'UpdateTag', TagId: '401087', UpdateTagTitle: 'Renamed' })).toEqual({
      response: 'true',
      TagId: '401087',
      UpdateTagTitle: 'Renamed',
      message: 'Tag has been successfully updated',
    });
    expect(await v1(sb, { Method: 'UpdateTag', TagId: '5', UpdateTagTitle: 'x' })).toEqual({
      response: 'false',
      message: 'Invalid provided TagId: 5',
    });
    const group = envelope(await v1(sb, { Method: 'AddGroup', GroupTitle: 'New Group' }));
    expect(group['Added GroupId']).toBe(244);
    await v1(sb, { Method: 'UpdateGroup', GroupId: '244', UpdateGroupTitle: 'Newer Group' });
    expect(sb.state.group(244)?.title).toBe('Newer Group');
    const member = sb.state.data.leads[3];
    await v1(sb, { Method: 'CopyLead', LeadId: String(member?.id), copyGroupId: '244' });
    expect(await v1(sb, { Method: 'DeleteGroup', GroupId: '244' })).toEqual({
      response: 'true',
      GroupId: '244',
      message: 'Group has been successfully deleted',
    });
    expect(member?.groupIds).not.toContain(244);
    expect(await v1(sb, { Method: 'DeleteGroup', GroupId: '244' })).toEqual({
      response: 'false',
      message: 'Invalid Provided GroupId',
    });
    expect(await applied()).toEqual({
      AddTag: 1,
      UpdateTag: 1,
      AddGroup: 1,
      UpdateGroup: 1,
      CopyLead: 1,
      DeleteGroup: 1,
    });
  });

  it('custom fields: add, rename (values follow), check, delete', async () => {
    const add = await v1(sb, { Method: 'AddcustomField', FieldName: 'Street Address', FieldType: 'textbox' });
    expect(add).toEqual({
      response: 'true',
      FieldName: 'street_address',
      locationId: '',
      custom_field_id: '',
      message: 'Custom Field has been successfully added',
    });
    expect(await v1(sb, { Method: 'AddcustomField', FieldName: 'Color', FieldType: 'select' })).toEqual({
      response: 'false',
      message: 'Invalid or missing required parameter',
    });
    expect(
      await v1(sb, { Method: 'AddcustomField', FieldName: 'X', FieldType: 'textbox', locationId: 'elsewhere' }),
    ).toEqual({
      response: 'false',
      message: 'Requested location setting not found',
    });
    const lead = await v1(sb, {
      Method: 'AddSingleLead',
      groupId: '236',
      email: 'new@example.com',
      'Street Address': '1 Elm',
    });
    const leadId = Number(envelope(lead).AddedleadId);
    expect(sb.state.lead(leadId)?.custom).toEqual({ street_address: '1 Elm' });

    const rename = await v1(sb, {
      Method: 'UpdateCustomField',
      PreviousFieldName: 'Street Address',
      newFieldName: 'Company Address',
    });
    expect(rename).toMatchObject({
      response: 'true',
      FieldName: 'company_address',
      message: 'Custom Field has been successfully updated',
    });
    expect(sb.state.lead(leadId)?.custom).toEqual({ company_address: '1 Elm' });
    expect(envelope(await v1(sb, { Method: 'CheckCustomField', FieldName: 'company_address' })).response).toBe('True');
    expect(await v1(sb, { Method: 'DeleteCustomField', FieldName: 'Company Address' })).toEqual({
      response: 'true',
      FieldName: 'company_address',
      message: 'Provided Custom Field has been successfully Deleted',
    });
    expect(sb.state.lead(leadId)?.custom).toEqual({});
    expect(await v1(sb, { Method: 'DeleteCustomField', FieldName: 'Company Address' })).toEqual({
      response: 'false',
      message: 'Invalid FieldName',
    });
  });

  it('UpdateExistingLead sets an allowed field and refuses others', async () => {
    const lead = sb.state.data.leads[40];
    expect(
      await v1(sb, {
        Method: 'UpdateExistingLead',
        LeadId: String(lead?.id),
        LeadField: 'first_name',
        LeadData: 'Ærøskøbing',
      }),
    ).toEqual({
      response: 'true',
      LeadId: String(lead?.id),
      UserField: 'first_name',
      UserData: 'Ærøskøbing',
      message: 'Lead Field Updated Successfully',
    });
    expect(lead?.firstName).toBe('Ærøskøbing');
    await v1(sb, {
      Method: 'UpdateExistingLead',
      LeadId: String(lead?.id),
      LeadField: 'phone',
      LeadData: '(617) 555-0100',
    });
    const found = rows(
      await v1(sb, { Method: 'SearchByUserInput', searchField: 'phone', searchText: '6175550100' }),
      'Results',
    );
    expect(found.map((r) => r.LeadId)).toEqual([String(lead?.id)]);
    expect(
      await v1(sb, {
        Method: 'UpdateExistingLead',
        LeadId: String(lead?.id),
        LeadField: 'unsubscribed',
        LeadData: '1',
      }),
    ).toEqual({
      response: 'false',
      message: 'Invalid or missing required parameter',
    });
    expect(await v1(sb, { Method: 'UpdateExistingLead', LeadId: '1', LeadField: 'city', LeadData: 'x' })).toEqual({
      response: 'false',
      message: 'No record found for provided leadId: 1 ',
    });
    expect(sb.counters().applied).toEqual({ UpdateExistingLead: 2 });
  });

  it('MoveLead replaces all groups; CopyLead adds one', async () => {
    const lead = sb.state.data.leads[50];
    await v1(sb, { Method: 'CopyLead', LeadId: String(lead?.id), copyGroupId: '242' });
    await v1(sb, { Method: 'CopyLead', LeadId: String(lead?.id), copyGroupId: '242' });
    expect(lead?.groupIds.filter((g) => g === 242)).toHaveLength(1);
    expect(await v1(sb, { Method: 'MoveLead', LeadId: String(lead?.id), moveGroupId: '243' })).toEqual({
      response: 'true',
      LeadId: String(lead?.id),
      moveGroupId: '243',
      message: 'Lead moved Successfully',
    });
    expect(lead?.groupIds).toEqual([243]);
    expect(await v1(sb, { Method: 'MoveLead', LeadId: String(lead?.id), moveGroupId: '9' })).toEqual({
      response: 'false',
      message: 'No Records Found for provided moveGroupId 9',
    });
    expect(sb.counters().applied).toEqual({ CopyLead: 2, MoveLead: 1 });
  });

  it('Un_SubscribeLead by phone in another spelling', async () => {
    const lead = sb.state.lead(sb.fixtures.nonAsciiLeadIds[2] ?? 0); // Łukasz, +13125550199
    const answer = await v1(sb, {
      Method: 'Un_SubscribeLead',
      unsubscribeBy: 'phone',
      unsubscribeValue: '312-555-0199',
    });
    expect(answer).toEqual({
      response: 'true',
      leadId: String(lead?.id),
      unsubscribeBy: 'phone',
      unsubscribeValue: '312-555-0199',
      message: 'phone (312-555-0199)  has been successfully unsubscribed',
    });
    expect(lead?.unsubscribed).toBe(true);
    expect(await v1(sb, { Method: 'Un_SubscribeLead', unsubscribeBy: 'fax', unsubscribeValue: '1' })).toEqual({
      response: 'false',
      message: 'Invalid unsubscribeBy value',
    });
    expect(
      await v1(sb, { Method: 'Un_SubscribeLead', unsubscribeBy: 'email', unsubscribeValue: 'none@example.com' }),
    ).toEqual({
      response: 'false',
      message: 'No such lead exist against provided unsubscribeValue:none@example.com',
    });
  });

  it('AddSingleLead adds once; the same contact in the same group is refused', async () => {
    const body = {
      Method: 'AddSingleLead',
      groupId: '238',
      first_name: 'Zoë',
      phone: '+1 (415) 555-0190',
      tagId: [401075],
    };
    const first = envelope(await v1(sb, body));
    expect(first).toMatchObject({ response: 'true', groupId: '238', message: 'Lead has been added successfully' });
    expect(typeof first.AddedleadId).toBe('number');
    expect(sb.state.lead(Number(first.AddedleadId))?.tagIds).toEqual([401075]);
    expect(await v1(sb, { ...body, phone: '4155550190' })).toEqual({
      response: 'false',
      message: 'Lead already exists or groupId invalid',
    });
    expect(await v1(sb, { Method: 'AddSingleLead', groupId: '238', first_name: 'No Contact' })).toEqual({
      response: 'false',
      message: 'Either email or phone or mobile field required',
    });
    expect(sb.counters().applied).toEqual({ AddSingleLead: 1 });
  });

  it('RemoveSingleLead takes the lead out of the group', async () => {
    const lead = sb.state.lead(sb.fixtures.recentCallerLeadId ?? 0);
    const answer = await v1(sb, { Method: 'RemoveSingleLead', groupId: '236', phone: '213.555.0142' });
    expect(answer).toEqual({
      response: 'true',
      RemovedleadId: lead?.id,
      groupId: '236',
      message: 'Group successfully removed from Lead',
    });
    expect(lead?.groupIds).not.toContain(236);
    expect(await v1(sb, { Method: 'RemoveSingleLead', groupId: '236', phone: '213.555.0142' })).toEqual({
      response: 'false',
      message: 'Lead not found in group',
    });
  });

  it('AddMultipleLeads takes up to 100 leads and refuses 101', async () => {
    const leads = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => ({ first_name: `Bulk ${i}`, email: `${prefix}${i}@example.com` }));
    const before = sb.state.data.leads.length;
    const ok = await v1(sb, {
      Method: 'AddMultipleLeads',
      groupId: '241',
      tagId: [401074],
      leads_array: leads(100, 'a'),
    });
    expect(ok).toEqual({
      response: 'true',
      message: 'Add leads request has been successfully submitted to the queue and will be processed shortly',
    });
    expect(sb.state.data.leads.length).toBe(before + 100);
    const tooMany = await v1(sb, { Method: 'AddMultipleLeads', groupId: '241', leads_array: leads(101, 'b') });
    expect(tooMany).toEqual({ response: 'false', message: TOO_MANY_LEADS_MESSAGE });
    expect(TOO_MANY_LEADS_MESSAGE).toBe('Maximum 100 leads per request.');
    expect(sb.state.data.leads.length).toBe(before + 100);
    expect(await v1(sb, { Method: 'AddMultipleLeads', groupId: '1', leads_array: leads(1, 'c') })).toEqual({
      response: 'false',
      message: 'No records found for provided groupId: 1',
    });
    expect(sb.counters().applied).toEqual({ AddMultipleLeads: 1 });
  });

  it('AddMultipleLeads accepts leads_array as JSON text in a form body', async () => {
    const form = new URLSearchParams({
      api_uId: sb.credentials.uid,
      api_key: sb.credentials.apiKey,
      Method: 'AddMultipleLeads',
      groupId: '236',
      leads_array: JSON.stringify([{ first_name: 'Form', phone: '5125550177' }]),
    });
    const res = await fetch(sb.v1Url, { method: 'POST', body: form });
    expect(((await res.json()) as { response: string }).response).toBe('true');
    expect(sb.state.leadsByPhone('512-555-0177').map((l) => l.firstName)).toEqual(['Form']);
  });

  it('members: add, edit, delete, limit', async () => {
    const add = {
      Method: 'addMemberUser',
      first_name: 'New',
      last_name: 'Agent',
      email: 'new.agent@example.com',
      inbound_phone: '14087777111',
      password: 'Secret-pass1',
    };
    expect(await v1(sb, add)).toEqual({ response: 'true', message: 'Team member added successfully.' });
    expect(await v1(sb, add)).toEqual({ response: 'false', message: 'Email already exists' });
    expect(await v1(sb, { ...add, email: 'weak@example.com', password: 'short' })).toMatchObject({ response: 'false' });
    const created = sb.state.data.members.find((m) => m.email === 'new.agent@example.com');
    expect(
      await v1(sb, {
        Method: 'editMemberUser',
        memberId: String(created?.id),
        first_name: 'Renamed',
        last_name: 'Agent',
        email: 'new.agent@example.com',
        member_status: 'Inactive',
      }),
    ).toEqual({
      response: 'true',
      message: 'Member updated successfully.',
    });
    expect(created?.status).toBe('Inactive');
    expect(await v1(sb, { Method: 'deleteMemberUser', memberId: String(created?.id) })).toEqual({
      response: 'true',
      message: 'Member deleted successfully.',
    });
    expect(await v1(sb, { Method: 'deleteMemberUser', memberId: String(created?.id) })).toEqual({
      response: 'false',
      message: 'Invalid memberId',
    });
    expect(sb.counters().applied).toEqual({ addMemberUser: 1, editMemberUser: 1, deleteMemberUser: 1 });
  });

  it('creditDeduct takes one credit per call', async () => {
    expect(await v1(sb, { Method: 'creditDeduct', description: 'test' })).toEqual({
      response: 'true',
      credits: 'credits deduct successfully',
    });
    expect(await v1(sb, { Method: 'fetchCreditCount' })).toEqual({ response: 'true', credits: '2499' });
    sb.state.credits = 0;
    expect(await v1(sb, { Method: 'creditDeduct' })).toEqual({ response: 'false', message: 'Insufficient credits' });
    expect(sb.counters().applied).toEqual({ creditDeduct: 1 });
  });

  it('resetCounters() and POST /__sandbox/counters/reset clear the counts', async () => {
    await v1(sb, { Method: 'AddTag', TagTitle: 'a' });
    sb.resetCounters();
    expect(sb.counters()).toEqual({ applied: {}, requests: {} });
    await v1(sb, { Method: 'AddTag', TagTitle: 'b' });
    await fetch(`${sb.baseUrl}/__sandbox/counters/reset`, { method: 'POST' });
    expect(await applied()).toEqual({});
  });
});
