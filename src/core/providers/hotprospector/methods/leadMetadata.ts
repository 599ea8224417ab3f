import type { CustomField, Note } from '../../../../shared/domain';
import { readLeadFieldNames } from '../wire/customFields';
import { readTagIdList } from '../wire/leads';
import { readNotes } from '../wire/notes';
import { defineMethod, emptyWhenNotFound } from './spec';
import { integerId, invalidParams, requireText } from './wireBody';
import type { HpLeadTagsChanged } from '../types';

export const fetchLeadFieldsName = defineMethod<Record<string, never>, CustomField[]>({
  method: 'FetchLeadFieldsName',
  write: false,
  toWire: () => ({}),
  read: (answer) => readLeadFieldNames(answer),
  whenRejected: emptyWhenNotFound(() => []),
});

export interface LeadIdParams {
  leadId: string;
}

export const fetchLeadNotes = defineMethod<LeadIdParams, Note[]>({
  method: 'FetchLeadNotes',
  write: false,
  toWire: (p) => ({ leadId: integerId(requireText('FetchLeadNotes', 'leadId', p.leadId)) }),
  read: (answer, p, ctx) => readNotes(answer, p.leadId, ctx),
  whenRejected: emptyWhenNotFound(() => []),
});

export interface LeadTagsParams {
  leadId: string;
  tagIds: string[];
}

/** Tag ids travel as one comma-separated string ("5,12,18"), unlike AddSingleLead's list. */
function tagIdText(method: string, tagIds: string[]): string {
  const ids = tagIds.map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) throw invalidParams(method, 'at least one tag id');
  if (ids.some((id) => id.includes(','))) throw invalidParams(method, 'tag ids without commas');
  return ids.join(',');
}

export const addLeadTags = defineMethod<LeadTagsParams, HpLeadTagsChanged>({
  method: 'AddLeadTags',
  write: true,
  toWire: (p) => ({
    leadId: integerId(requireText('AddLeadTags', 'leadId', p.leadId)),
    tagId: tagIdText('AddLeadTags', p.tagIds),
  }),
  read: (answer, p) => ({
    leadId: answer.optionalId('leadId') ?? p.leadId,
    tagIds: answer.has('tags_assigned') ? readTagIdList(answer, 'tags_assigned') : p.tagIds,
  }),
});

export const removeLeadTags = defineMethod<LeadTagsParams, HpLeadTagsChanged>({
  method: 'RemoveLeadTags',
  write: true,
  toWire: (p) => ({
    leadId: integerId(requireText('RemoveLeadTags', 'leadId', p.leadId)),
    tagId: tagIdText('RemoveLeadTags', p.tagIds),
  }),
  read: (answer, p) => ({
    leadId: answer.optionalId('leadId') ?? p.leadId,
    tagIds: answer.has('tags_removed') ? readTagIdList(answer, 'tags_removed') : p.tagIds,
  }),
});
