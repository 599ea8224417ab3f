import type { Campaign } from '../../../../shared/domain';
import { readCampaigns } from '../wire/catalogs';
import { defineMethod, emptyWhenNotFound } from './spec';

export const fetchAllCampaigns = defineMethod<Record<string, never>, Campaign[]>({
  method: 'FetchAllCampaigns',
  write: false,
  toWire: () => ({}),
  read: (answer) => readCampaigns(answer),
  whenRejected: emptyWhenNotFound(() => []),
});
