import type { Tag } from '../../../../shared/domain';
import { readTags } from '../wire/catalogs';
import { defineMethod, emptyWhenNotFound } from './spec';
import { requireText } from './wireBody';
import type { HpCreated, HpRenamed } from '../types';

export const fetchAllTags = defineMethod<Record<string, never>, Tag[]>({
  method: 'FetchAllTags',
  write: false,
  toWire: () => ({}),
  read: (answer) => readTags(answer),
  whenRejected: emptyWhenNotFound(() => []),
});

export interface AddTagParams {
  title: string;
}

export const addTag = defineMethod<AddTagParams, HpCreated>({
  method: 'AddTag',
  write: true,
  toWire: (p) => ({ TagTitle: requireText('AddTag', 'title', p.title) }),
  // The new id's key has a space in it: "Added TagId".
  read: (answer) => ({ id: answer.id(['Added TagId', 'AddedTagId', 'TagId']) }),
});

export interface UpdateTagParams {
  tagId: string;
  title: string;
}

export const updateTag = defineMethod<UpdateTagParams, HpRenamed>({
  method: 'UpdateTag',
  write: true,
  toWire: (p) => ({
    TagId: requireText('UpdateTag', 'tagId', p.tagId),
    UpdateTagTitle: requireText('UpdateTag', 'title', p.title),
  }),
  read: (answer, p) => ({
    id: answer.optionalId('TagId') ?? p.tagId,
    title: answer.optionalText('UpdateTagTitle') ?? p.title,
  }),
});
