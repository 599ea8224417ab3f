import { describe, expect, it } from 'vitest';
import {
  addCustomField,
  checkCustomField,
  deleteCustomField,
  updateCustomField,
} from '../../../src/core/providers/hotprospector/methods/customFields';
import {
  addLeadTags,
  fetchLeadFieldsName,
  fetchLeadNotes,
  removeLeadTags,
} from '../../../src/core/providers/hotprospector/methods/leadMetadata';
import { interpretAnswer } from '../../../src/core/providers/hotprospector/methods';
import { contextFor, errorOf, readFixture } from './support/fixtures';

describe('lead field names', () => {
  it('reads V1 FieldsName sent as JSON text', () => {
    const fields = readFixture(fetchLeadFieldsName, 'v1', 'FetchLeadFieldsName.success.repaired', {});
    expect(fields).toHaveLength(20);
    expect(fields.filter((field) => field.builtIn).map((field) => field.name)).toEqual([
      'first_name',
      'last_name',
      'title',
      'email',
      'phone',
      'mobile',
      'country_code',
      'company',
      'website',
      'address',
      'city',
      'state',
      'zip',
      'additional_Info',
    ]);
    expect(fields.filter((field) => !field.builtIn)).toEqual([
      { name: 'loan_amount', type: null, builtIn: false },
      { name: 'ricochet_lead_id', type: null, builtIn: false },
      { name: 'prospect_created_at', type: null, builtIn: false },
      { name: 'current_status_name', type: null, builtIn: false },
      { name: 'last_statused_at', type: null, builtIn: false },
      { name: 'lead_source', type: null, builtIn: false },
    ]);
  });

  it('reads V2 FieldsName sent as an object', () => {
    const fields = readFixture(fetchLeadFieldsName, 'v2', 'FetchLeadFieldsName.success', {});
    expect(fields).toHaveLength(13);
    expect(fields[0]).toEqual({ name: 'first_name', type: null, builtIn: true });
    expect(fields.slice(10)).toEqual([
      { name: 'Age', type: null, builtIn: false },
      { name: 'Gender', type: null, builtIn: false },
      { name: 'Notes', type: null, builtIn: false },
    ]);
  });

  it('rejects a Default list that is not names', () => {
    const body = { response: 'true', FieldsName: { Default: 'first_name', Custom: [] } };
    expect(
      errorOf(() => interpretAnswer(fetchLeadFieldsName, body, {}, contextFor('FetchLeadFieldsName'))).message,
    ).toContain('FieldsName.Default is not a list of field names');
  });
});

describe('lead notes', () => {
  it('reads V1 `noteId` notes, dates in Pacific time, lead id from the request', () => {
    expect(readFixture(fetchLeadNotes, 'v1', 'FetchLeadNotes.success', { leadId: '12345' })).toEqual([
      {
        id: '1',
        leadId: '12345',
        text: 'Called — left voicemail',
        kind: 'manual',
        at: '2026-05-14T17:30:00.000Z',
        origin: 'remote',
        syncState: 'synced',
      },
      {
        id: '2',
        leadId: '12345',
        text: 'SMS : Sent',
        kind: 'sms',
        at: '2026-05-14T18:00:00.000Z',
        origin: 'remote',
        syncState: 'synced',
      },
    ]);
  });

  it('reads V2 `notesId` notes', () => {
    const notes = readFixture(fetchLeadNotes, 'v2', 'FetchLeadNotes.success', { leadId: '12345' });
    expect(notes.map((note) => [note.id, note.at])).toEqual([
      ['1', '2026-06-23T17:30:00.000Z'],
      ['2', '2026-06-23T18:00:00.000Z'],
    ]);
  });

  it('uses the account zone', () => {
    const notes = readFixture(fetchLeadNotes, 'v2', 'FetchLeadNotes.success', { leadId: '12345' }, 'America/New_York');
    expect(notes[0]?.at).toBe('2026-06-23T14:30:00.000Z');
  });
});

describe('lead tags', () => {
  it('reads the assigned and removed ids', () => {
    expect(
      readFixture(addLeadTags, 'v1', 'AddLeadTags.success', { leadId: '12345', tagIds: ['5', '12', '18'] }),
    ).toEqual({
      leadId: '12345',
      tagIds: ['5', '12', '18'],
    });
    expect(readFixture(addLeadTags, 'v2', 'AddLeadTags.success', { leadId: '12345', tagIds: ['5'] })).toEqual({
      leadId: '12345',
      tagIds: ['5', '12', '18'],
    });
    expect(
      readFixture(removeLeadTags, 'v1', 'RemoveLeadTags.success', { leadId: '12345', tagIds: ['5', '12'] }),
    ).toEqual({
      leadId: '12345',
      tagIds: ['5', '12'],
    });
    expect(
      readFixture(removeLeadTags, 'v2', 'RemoveLeadTags.success', { leadId: '12345', tagIds: ['5', '12'] }),
    ).toEqual({
      leadId: '12345',
      tagIds: ['5', '12'],
    });
  });
});

describe('custom fields', () => {
  it('reads the server key of added and updated fields', () => {
    expect(readFixture(addCustomField, 'v1', 'AddcustomField.success', { name: 'Age', type: 'textbox' })).toEqual({
      fieldName: 'age',
      customFieldId: null,
      locationId: null,
    });
    expect(readFixture(addCustomField, 'v2', 'AddcustomField.success', { name: 'Age', type: 'textbox' })).toEqual({
      fieldName: 'age',
      customFieldId: null,
      locationId: null,
    });
    // The V1 example answers "age" for a rename to "Company Address": the server's word is kept.
    expect(
      readFixture(updateCustomField, 'v1', 'UpdateCustomField.success', {
        previousName: 'Street Address',
        newName: 'Company Address',
      }),
    ).toEqual({ fieldName: 'age', customFieldId: null, locationId: null });
    expect(
      readFixture(updateCustomField, 'v2', 'UpdateCustomField.success', {
        previousName: 'Street Address',
        newName: 'Company Address',
      }),
    ).toEqual({ fieldName: 'company_address', customFieldId: null, locationId: null });
    expect(readFixture(deleteCustomField, 'v2', 'DeleteCustomField.success', { name: 'Age' })).toEqual({
      fieldName: 'age',
      customFieldId: null,
      locationId: null,
    });
  });

  it('reads CheckCustomField\'s "True" as exists', () => {
    expect(readFixture(checkCustomField, 'v1', 'CheckCustomField.success', { name: 'Age' })).toEqual({
      exists: true,
      fieldName: 'Age',
    });
    expect(readFixture(checkCustomField, 'v2', 'CheckCustomField.success', { name: 'Age' })).toEqual({
      exists: true,
      fieldName: 'Age',
    });
  });
});
