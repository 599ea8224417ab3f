import type { Campaign } from '../../../shared/domain';
import type { Queryable } from '../driver';
import { removeByIds, writePage } from './json-page';

export interface CampaignsRepository {
  upsertMany(campaigns: readonly Campaign[]): Promise<number>;
  list(): Promise<Campaign[]>;
  remove(ids: readonly string[]): Promise<number>;
}

const UPSERT = `
INSERT INTO campaigns (id, title) SELECT value ->> 'id', value ->> 'title' FROM json_each(?1) WHERE true
ON CONFLICT (id) DO UPDATE SET title = excluded.title`;

export function createCampaignsRepository(db: Queryable): CampaignsRepository {
  return {
    upsertMany: (campaigns) => writePage(db, UPSERT, campaigns),
    list: () => db.all<Campaign>('SELECT id, title FROM campaigns ORDER BY title, id'),
    remove: (ids) => removeByIds(db, 'campaigns', 'id', ids),
  };
}
