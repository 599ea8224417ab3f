import type { Group } from '../../../../shared/domain';
import { readGroups } from '../wire/catalogs';
import { defineMethod, emptyWhenNotFound } from './spec';
import { requireText } from './wireBody';
import type { HpCreated, HpDeleted, HpRenamed } from '../types';

export const fetchAllGroups = defineMethod<Record<string, never>, Group[]>({
  method: 'FetchAllGroups',
  write: false,
  toWire: () => ({}),
  read: (answer) => readGroups(answer),
  whenRejected: emptyWhenNotFound(() => []),
});

export interface AddGroupParams {
  title: string;
}

export const addGroup = defineMethod<AddGroupParams, HpCreated>({
  method: 'AddGroup',
  write: true,
  toWire: (p) => ({ GroupTitle: requireText('AddGroup', 'title', p.title) }),
  read: (answer) => ({ id: answer.id(['Added GroupId', 'AddedGroupId', 'GroupId']) }),
});

export interface UpdateGroupParams {
  groupId: string;
  title: string;
}

export const updateGroup = defineMethod<UpdateGroupParams, HpRenamed>({
  method: 'UpdateGroup',
  write: true,
  toWire: (p) => ({
    GroupId: requireText('UpdateGroup', 'groupId', p.groupId),
    UpdateGroupTitle: requireText('UpdateGroup', 'title', p.title),
  }),
  read: (answer, p) => ({
    id: answer.optionalId('GroupId') ?? p.groupId,
    title: answer.optionalText('UpdateGroupTitle') ?? p.title,
  }),
});

export interface DeleteGroupParams {
  groupId: string;
}

export const deleteGroup = defineMethod<DeleteGroupParams, HpDeleted>({
  method: 'DeleteGroup',
  write: true,
  toWire: (p) => ({ GroupId: requireText('DeleteGroup', 'groupId', p.groupId) }),
  read: (answer, p) => ({ id: answer.optionalId('GroupId') ?? p.groupId }),
});
