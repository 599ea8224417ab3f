import { describe, expect, it } from 'vitest';
import { fetchAllCampaigns } from '../../../src/core/providers/hotprospector/methods/campaigns';
import {
  addGroup,
  deleteGroup,
  fetchAllGroups,
  updateGroup,
} from '../../../src/core/providers/hotprospector/methods/groups';
import { addTag, fetchAllTags, updateTag } from '../../../src/core/providers/hotprospector/methods/tags';
import { errorOf, readFixture } from './support/fixtures';

describe('tags', () => {
  it('reads the V1 reference answer (object envelope, `tag`)', () => {
    expect(readFixture(fetchAllTags, 'v1', 'FetchAllTags.success', {})).toEqual([
      { id: '1', title: 'Sample Tag A' },
      { id: '2', title: 'Sample Tag B' },
    ]);
  });

  it('reads the V1 quickstart answer (one-item array, `tags`, TagStatus)', () => {
    expect(readFixture(fetchAllTags, 'v1', 'FetchAllTags.success-quickstart', {})).toEqual([
      { id: '401074', title: 'new fb lead', status: 'Active' },
    ]);
  });

  it('reads the V2 answer', () => {
    expect(readFixture(fetchAllTags, 'v2', 'FetchAllTags.success', {})).toEqual([{ id: '1', title: 'Sample Tag A' }]);
  });

  it('reads the new id from the key with a space ("Added TagId"), a number on the wire', () => {
    expect(readFixture(addTag, 'v1', 'AddTag.success', { title: 'Sample Test Tag' })).toEqual({ id: '1' });
    expect(readFixture(addTag, 'v2', 'AddTag.success', { title: 'Sample Test Tag' })).toEqual({ id: '1' });
  });

  it('fails AddTag without a new id as malformed', () => {
    const error = errorOf(() => readFixture(addTag, 'v1', 'LoginUser.success', { title: 'x' }));
    expect(error.code).toBe('malformed');
    expect(error.message).toContain('AddTag');
    expect(error.message).toContain('Added TagId');
  });

  it('reads UpdateTag from both docs', () => {
    expect(readFixture(updateTag, 'v1', 'UpdateTag.success', { tagId: '1', title: 'ignored' })).toEqual({
      id: '1',
      title: 'Sample Test Tag New',
    });
    expect(readFixture(updateTag, 'v2', 'UpdateTag.success', { tagId: '1', title: 'ignored' })).toEqual({
      id: '1',
      title: 'New Name',
    });
  });
});

describe('groups', () => {
  it('reads both docs', () => {
    expect(readFixture(fetchAllGroups, 'v1', 'FetchAllGroups.success', {})).toEqual([
      { id: '1', title: 'Sample Group A' },
      { id: '2', title: 'Sample Group B' },
    ]);
    expect(readFixture(fetchAllGroups, 'v2', 'FetchAllGroups.success', {})).toEqual([
      { id: '1', title: 'Sample Group A' },
    ]);
  });

  it('reads the admin writes', () => {
    expect(readFixture(addGroup, 'v1', 'AddGroup.success', { title: 'Sample Test Group' })).toEqual({ id: '1' });
    expect(readFixture(addGroup, 'v2', 'AddGroup.success', { title: 'My Group' })).toEqual({ id: '1' });
    expect(readFixture(updateGroup, 'v1', 'UpdateGroup.success', { groupId: '1', title: 'x' })).toEqual({
      id: '1',
      title: 'Sample Test Group New',
    });
    expect(readFixture(updateGroup, 'v2', 'UpdateGroup.success', { groupId: '1', title: 'x' })).toEqual({
      id: '1',
      title: 'New Group Name',
    });
    expect(readFixture(deleteGroup, 'v1', 'DeleteGroup.success', { groupId: '9' })).toEqual({ id: '1' });
    expect(readFixture(deleteGroup, 'v2', 'DeleteGroup.success', { groupId: '9' })).toEqual({ id: '1' });
  });
});

describe('campaigns', () => {
  it('reads `result` with campaign_id / CampaignTitle', () => {
    expect(readFixture(fetchAllCampaigns, 'v1', 'FetchAllCampaigns.success', {})).toEqual([
      { id: '1', title: 'Sample Campaign A' },
      { id: '2', title: 'Sample Campaign B' },
    ]);
    expect(readFixture(fetchAllCampaigns, 'v2', 'FetchAllCampaigns.success', {})).toEqual([
      { id: '11111', title: 'Summer Campaign' },
      { id: '22222', title: 'Fall Outreach' },
    ]);
  });
});
