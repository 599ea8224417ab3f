import type { Lead } from '../../../../shared/domain';
import { readLead } from '../wire/leads';
import { listUnder } from '../wire/record';
import { toWireLead, toWireTagIds, type NewLead } from './leadInput';
import { defineMethod, emptyWhenNotFound } from './spec';
import { compact, invalidParams, requireOneOf, requireText } from './wireBody';
import type { HpLeadFieldUpdated, HpLeadInGroup, HpQueued, HpUnsubscribed } from '../types';

export type SortOrder = 'ASC' | 'DESC';
export type LeadSearchField = 'leadId' | 'first_name' | 'last_name' | 'email' | 'phone' | 'mobile';

export interface SearchLeadsParams {
  /** Without searchText, every lead of the group is returned. */
  groupId: string;
  searchField?: LeadSearchField;
  searchText?: string;
  sortBy?: SortOrder;
  locationId?: string;
}

/**
 * The V1 docs call this section "SearchLeads", but the Method value the server routes on is
 * SearchByUserInput (the V2 docs agree). "No results found …" is an empty result.
 */
export const searchByUserInput = defineMethod<SearchLeadsParams, Lead[]>({
  method: 'SearchByUserInput',
  write: false,
  toWire: (p) => {
    if (p.searchText && !p.searchField)
      throw invalidParams('SearchByUserInput', 'a searchField when searchText is given');
    return compact({
      GroupId: requireText('SearchByUserInput', 'groupId', p.groupId),
      searchField: p.searchField ?? '',
      searchText: p.searchText ?? '',
      sortBy: p.sortBy ?? 'ASC',
      locationId: p.locationId,
    });
  },
  read: (answer, _p, ctx) =>
    listUnder(answer, ['Results', 'results', 'result', 'data']).map((row) => readLead(row, ctx)),
  whenRejected: emptyWhenNotFound(() => []),
});

export interface SearchLeadsByCustomFieldParams {
  groupId: string;
  /** A custom field key as stored in the lead's custom fields. */
  field: string;
  searchText?: string;
  sortBy?: SortOrder;
}

export const searchByCustomField = defineMethod<SearchLeadsByCustomFieldParams, Lead[]>({
  method: 'SearchByCustomField',
  write: false,
  toWire: (p) => ({
    GroupId: requireText('SearchByCustomField', 'groupId', p.groupId),
    searchField: requireText('SearchByCustomField', 'field', p.field),
    searchText: p.searchText ?? '',
    sortBy: p.sortBy ?? 'ASC',
  }),
  read: (answer, _p, ctx) =>
    listUnder(answer, ['Results', 'results', 'result', 'data']).map((row) => readLead(row, ctx)),
  whenRejected: emptyWhenNotFound(() => []),
});

export interface UnsubscribeLeadParams {
  by: 'leadId' | 'email' | 'phone' | 'mobile';
  value: string;
}

export const unSubscribeLead = defineMethod<UnsubscribeLeadParams, HpUnsubscribed>({
  method: 'Un_SubscribeLead',
  write: true,
  toWire: (p) => ({ unsubscribeBy: p.by, unsubscribeValue: requireText('Un_SubscribeLead', 'value', p.value) }),
  read: (answer, p) => ({
    leadId: answer.optionalId('leadId') ?? (p.by === 'leadId' ? p.value : null),
    by: answer.optionalText('unsubscribeBy') ?? p.by,
    value: answer.optionalText('unsubscribeValue') ?? p.value,
  }),
});

export type UpdatableLeadField =
  | 'first_name'
  | 'last_name'
  | 'email'
  | 'mobile'
  | 'phone'
  | 'city'
  | 'state'
  | 'zip'
  | 'address'
  | 'company'
  | 'website'
  | 'additional_Info';

export interface UpdateLeadParams {
  leadId: string;
  field: UpdatableLeadField;
  value: string;
}

export const updateExistingLead = defineMethod<UpdateLeadParams, HpLeadFieldUpdated>({
  method: 'UpdateExistingLead',
  write: true,
  toWire: (p) => ({
    LeadId: requireText('UpdateExistingLead', 'leadId', p.leadId),
    LeadField: p.field,
    LeadData: p.value,
  }),
  // The answer echoes the change as UserField / UserData.
  read: (answer, p) => ({
    leadId: answer.optionalId('LeadId') ?? p.leadId,
    field: answer.optionalText('UserField') ?? p.field,
    value: answer.has('UserData') ? answer.text('UserData') : p.value,
  }),
});

export interface LeadToGroupParams {
  leadId: string;
  groupId: string;
}

/**
 * MoveLead / CopyLead answer with the group the server used. Its id wins over the requested one
 * (the V1 example answers "5754" for a request of "5465"): the cache should hold what the
 * server did.
 */
export const moveLead = defineMethod<LeadToGroupParams, HpLeadInGroup>({
  method: 'MoveLead',
  write: true,
  toWire: (p) => ({
    LeadId: requireText('MoveLead', 'leadId', p.leadId),
    moveGroupId: requireText('MoveLead', 'groupId', p.groupId),
  }),
  read: (answer, p) => ({
    leadId: answer.optionalId('LeadId') ?? p.leadId,
    groupId: answer.optionalId('moveGroupId') ?? p.groupId,
  }),
});

export const copyLead = defineMethod<LeadToGroupParams, HpLeadInGroup>({
  method: 'CopyLead',
  write: true,
  toWire: (p) => ({
    LeadId: requireText('CopyLead', 'leadId', p.leadId),
    copyGroupId: requireText('CopyLead', 'groupId', p.groupId),
  }),
  read: (answer, p) => ({
    leadId: answer.optionalId('LeadId') ?? p.leadId,
    groupId: answer.optionalId('copyGroupId') ?? p.groupId,
  }),
});

export interface AddLeadParams {
  groupId: string;
  lead: NewLead;
  tagIds?: string[];
}

export const addSingleLead = defineMethod<AddLeadParams, HpLeadInGroup>({
  method: 'AddSingleLead',
  write: true,
  toWire: (p) =>
    compact({
      groupId: requireText('AddSingleLead', 'groupId', p.groupId),
      tagId: toWireTagIds(p.tagIds),
      ...toWireLead('AddSingleLead', p.lead),
    }),
  // The new lead's id is the point of the call, so it is required.
  read: (answer, p) => ({
    leadId: answer.id(['AddedleadId', 'AddedLeadId', 'LeadId']),
    groupId: answer.optionalId('groupId') ?? p.groupId,
  }),
});

export interface RemoveLeadFromGroupParams {
  groupId: string;
  email?: string;
  phone?: string;
  mobile?: string;
}

export const removeSingleLead = defineMethod<RemoveLeadFromGroupParams, HpLeadInGroup>({
  method: 'RemoveSingleLead',
  write: true,
  toWire: (p) => {
    requireOneOf('RemoveSingleLead', { email: p.email, phone: p.phone, mobile: p.mobile });
    return compact({
      groupId: requireText('RemoveSingleLead', 'groupId', p.groupId),
      email: p.email,
      phone: p.phone,
      mobile: p.mobile,
    });
  },
  read: (answer, p) => ({
    leadId: answer.id(['RemovedleadId', 'RemovedLeadId', 'LeadId']),
    groupId: answer.optionalId('groupId') ?? p.groupId,
  }),
});

export interface AddLeadsParams {
  groupId: string;
  /** 1 to 100 leads; the server refuses bigger batches. */
  leads: NewLead[];
  tagIds?: string[];
}

export const MAX_LEADS_PER_BATCH = 100;

/** The server only queues the batch; the leads appear later, so there are no ids to return. */
export const addMultipleLeads = defineMethod<AddLeadsParams, HpQueued>({
  method: 'AddMultipleLeads',
  write: true,
  toWire: (p) => {
    if (p.leads.length === 0 || p.leads.length > MAX_LEADS_PER_BATCH) {
      throw invalidParams('AddMultipleLeads', `between 1 and ${MAX_LEADS_PER_BATCH} leads (got ${p.leads.length})`);
    }
    return compact({
      groupId: requireText('AddMultipleLeads', 'groupId', p.groupId),
      tagId: toWireTagIds(p.tagIds),
      leads_array: p.leads.map((lead) => toWireLead('AddMultipleLeads', lead)),
    });
  },
  read: (answer) => ({ queued: true, message: answer.text('message') }),
});
