import { describe, expect, it } from 'vitest';
import {
  addMultipleLeads,
  addSingleLead,
  copyLead,
  moveLead,
  removeSingleLead,
  searchByCustomField,
  searchByUserInput,
  unSubscribeLead,
  updateExistingLead,
} from '../../../src/core/providers/hotprospector/methods/leads';
import { interpretAnswer } from '../../../src/core/providers/hotprospector/methods';
import { contextFor, errorOf, readFixture } from './support/fixtures';
import { SAMPLE_PARAMS } from './support/sampleParams';
import type { SearchLeadsParams } from '../../../src/core/providers/hotprospector/methods/leads';

const search = SAMPLE_PARAMS.SearchByUserInput as SearchLeadsParams;

describe('lead search', () => {
  it('reads the V1 SearchByUserInput row ("Lead_Custom_Fields": "", "E-Mail", CountryCode +1)', () => {
    expect(readFixture(searchByUserInput, 'v1', 'SearchByUserInput.success', search)).toEqual([
      {
        id: '5964',
        provider: 'hotprospector',
        firstName: 'Test',
        lastName: 'user',
        email: 'tes@leaduser.com',
        phone: '+13337991895',
        mobile: '+13467991895',
        company: '',
        website: '',
        city: '',
        state: '',
        zip: '',
        address: '',
        countryCode: '+1',
        groupIds: [],
        tags: [],
        customFields: {},
        unsubscribed: false,
      },
    ]);
  });

  it('reads the V2 rows (GroupId set, Lead_Custom_Fields as an object)', () => {
    const [lead] = readFixture(searchByCustomField, 'v2', 'SearchByCustomField.success', {
      groupId: '236',
      field: 'Age',
    });
    expect(lead).toMatchObject({
      id: '12346',
      firstName: 'Jane',
      lastName: 'Smith',
      email: 'jane@example.com',
      phone: '+15559876543',
      mobile: '',
      groupIds: ['236'],
      customFields: { Age: '30' },
    });
    const [john] = readFixture(searchByUserInput, 'v2', 'SearchByUserInput.success', search);
    expect(john?.phone).toBe('+15551234567');
    expect(john?.customFields).toEqual({});
  });

  it('stamps the configured provider id', () => {
    const body = { response: 'true', Results: [{ LeadId: '1', Phone: '5551234567' }] };
    const [lead] = interpretAnswer(searchByUserInput, body, search, {
      ...contextFor('SearchByUserInput'),
      provider: 'demo',
    });
    expect(lead?.provider).toBe('demo');
  });

  it('reads tags given as ids or objects, and custom fields sent as JSON text', () => {
    const body = {
      response: 'true',
      Results: [
        { LeadId: 7, Tags: '12,45', Lead_Custom_Fields: '{"Age":30,"Notes":null}', GroupId: '1,2' },
        { LeadId: '8', Tags: [{ TagId: '3', TagTitle: 'Hot' }], Lead_Custom_Fields: [] },
        { LeadId: '9', Tags: { TagId: '4', TagTitle: 'Warm' } },
      ],
    };
    const leads = interpretAnswer(searchByUserInput, body, search, contextFor('SearchByUserInput'));
    expect(leads[0]).toMatchObject({
      id: '7',
      groupIds: ['1', '2'],
      tags: [
        { id: '12', title: '' },
        { id: '45', title: '' },
      ],
      customFields: { Age: '30', Notes: '' },
    });
    expect(leads[1]).toMatchObject({ id: '8', tags: [{ id: '3', title: 'Hot' }], customFields: {} });
    expect(leads[2]?.tags).toEqual([{ id: '4', title: 'Warm' }]);
  });

  it('rejects a lead without an id and a non-list result as malformed', () => {
    const noId = errorOf(() =>
      interpretAnswer(
        searchByUserInput,
        { response: 'true', Results: [{ Firstname: 'A' }] },
        search,
        contextFor('SearchByUserInput'),
      ),
    );
    expect(noId).toEqual({
      code: 'malformed',
      message:
        'Hot Prospector answered SearchByUserInput in a shape Callside cannot read: Results[0].LeadId is not present (an id is required).',
    });
    const notList = errorOf(() =>
      interpretAnswer(searchByUserInput, { response: 'true', Results: 5 }, search, contextFor('SearchByUserInput')),
    );
    expect(notList.message).toContain('Results is not a list');
  });

  it('reads a success without any result key as no leads', () => {
    expect(
      interpretAnswer(
        searchByUserInput,
        { response: 'true', message: 'Lead Records' },
        search,
        contextFor('SearchByUserInput'),
      ),
    ).toEqual([]);
  });
});

describe('lead writes', () => {
  it('Un_SubscribeLead', () => {
    expect(readFixture(unSubscribeLead, 'v1', 'Un_SubscribeLead.success', { by: 'leadId', value: '6016' })).toEqual({
      leadId: '6016',
      by: 'leadId',
      value: '6016',
    });
    expect(readFixture(unSubscribeLead, 'v2', 'Un_SubscribeLead.success', { by: 'leadId', value: '12345' })).toEqual({
      leadId: '12345',
      by: 'leadId',
      value: '12345',
    });
  });

  it('UpdateExistingLead echoes UserField / UserData', () => {
    expect(
      readFixture(updateExistingLead, 'v1', 'UpdateExistingLead.success', {
        leadId: '5976',
        field: 'first_name',
        value: 'Support',
      }),
    ).toEqual({ leadId: '5976', field: 'first_name', value: 'Support' });
    expect(
      readFixture(updateExistingLead, 'v2', 'UpdateExistingLead.success', {
        leadId: '12345',
        field: 'first_name',
        value: 'x',
      }),
    ).toEqual({ leadId: '12345', field: 'first_name', value: 'John Updated' });
  });

  it('MoveLead keeps the group the server reports, CopyLead too', () => {
    expect(readFixture(moveLead, 'v1', 'MoveLead.success', { leadId: '5964', groupId: '5465' })).toEqual({
      leadId: '5964',
      groupId: '5754',
    });
    expect(readFixture(moveLead, 'v2', 'MoveLead.success', { leadId: '12345', groupId: '237' })).toEqual({
      leadId: '12345',
      groupId: '237',
    });
    expect(readFixture(copyLead, 'v1', 'CopyLead.success', { leadId: '5964', groupId: '5787' })).toEqual({
      leadId: '5964',
      groupId: '5787',
    });
    expect(readFixture(copyLead, 'v2', 'CopyLead.success', { leadId: '12345', groupId: '238' })).toEqual({
      leadId: '12345',
      groupId: '238',
    });
  });

  it('AddSingleLead and RemoveSingleLead read the lead id (number in V1, text in V2)', () => {
    const add = SAMPLE_PARAMS.AddSingleLead as Parameters<typeof addSingleLead.toWire>[0];
    expect(readFixture(addSingleLead, 'v1', 'AddSingleLead.success', add)).toEqual({ leadId: '6034', groupId: '5787' });
    expect(readFixture(addSingleLead, 'v2', 'AddSingleLead.success', add)).toEqual({ leadId: '12346', groupId: '236' });
    const remove = { groupId: '5787', phone: '3465656235' };
    expect(readFixture(removeSingleLead, 'v1', 'RemoveSingleLead.success', remove)).toEqual({
      leadId: '6034',
      groupId: '5787',
    });
    expect(readFixture(removeSingleLead, 'v2', 'RemoveSingleLead.success', remove)).toEqual({
      leadId: '12346',
      groupId: '236',
    });
  });

  it('AddMultipleLeads is only queued', () => {
    const params = SAMPLE_PARAMS.AddMultipleLeads as Parameters<typeof addMultipleLeads.toWire>[0];
    const queued = 'Add leads request has been successfully submitted to the queue and will be processed shortly';
    expect(readFixture(addMultipleLeads, 'v1', 'AddMultipleLeads.success', params)).toEqual({
      queued: true,
      message: queued,
    });
    expect(readFixture(addMultipleLeads, 'v1', 'AddMultipleLeads.success-in-request-example', params)).toEqual({
      queued: true,
      message: queued,
    });
    expect(readFixture(addMultipleLeads, 'v2', 'AddMultipleLeads.success', params)).toEqual({
      queued: true,
      message: 'Leads are added to Queue for Processing',
    });
  });
});
