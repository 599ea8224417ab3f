import { byDoc, fail, ok, type MethodSpec } from './method';

/** Outbound campaigns: ids and titles only. */

const FetchAllCampaigns: MethodSpec = {
  name: 'FetchAllCampaigns',
  write: false,
  authFailure: 'api',
  // v1 adds "There are N outbound campaigns"; v2 sends the list alone.
  variants: ['v1', 'v2'],
  handle: ({ state, variant }) => {
    const campaigns = state.data.campaigns;
    if (campaigns.length === 0) return fail(byDoc(variant, 'No campaign found', 'No campaigns found'));
    const result = campaigns.map((c) => ({ campaign_id: String(c.id), CampaignTitle: c.title }));
    return ok(
      variant === 'v2'
        ? { response: 'true', result }
        : { response: 'true', result, message: `There are ${result.length} outbound campaigns` },
    );
  },
};

export const CAMPAIGN_METHODS = [FetchAllCampaigns];
