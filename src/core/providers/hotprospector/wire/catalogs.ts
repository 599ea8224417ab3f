import type { Campaign, Group, Tag } from '../../../../shared/domain';
import { listUnder, type WireRecord } from './record';

/** FetchAllTags: `tag` in the reference, `tags` (with TagStatus) in the quickstart. */
export function readTags(answer: WireRecord): Tag[] {
  return listUnder(answer, ['tag', 'tags']).map((row) => {
    const status = row.optionalText('TagStatus');
    const tag: Tag = { id: row.id('TagId'), title: row.text('TagTitle') };
    return status === null ? tag : { ...tag, status };
  });
}

/** FetchAllGroups. */
export function readGroups(answer: WireRecord): Group[] {
  return listUnder(answer, ['group', 'groups']).map((row) => ({
    id: row.id('GroupId'),
    title: row.text('GroupTitle'),
  }));
}

/** FetchAllCampaigns: the list sits under `result`. */
export function readCampaigns(answer: WireRecord): Campaign[] {
  return listUnder(answer, ['result', 'results', 'Results', 'data']).map((row) => ({
    id: row.id(['campaign_id', 'CampaignId', 'campaignId']),
    title: row.text(['CampaignTitle', 'campaign_title']),
  }));
}
