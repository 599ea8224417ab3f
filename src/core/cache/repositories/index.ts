import type { Queryable } from '../driver';
import { createActivitiesRepository, type ActivitiesRepository } from './activities';
import { createCampaignsRepository, type CampaignsRepository } from './campaigns';
import { createCustomFieldsRepository, type CustomFieldsRepository } from './custom-fields';
import { createGroupsRepository, type GroupsRepository } from './groups';
import { createLeadsRepository, type LeadsRepository } from './leads';
import { createMembersRepository, type MembersRepository } from './members';
import { createMetricsRepository, type MetricsRepository } from './metrics';
import { createNotesRepository, type NotesRepository } from './notes';
import { createNumberHealthRepository, type NumberHealthRepository } from './number-health';
import { createOutboxRepository, type OutboxRepository } from './outbox';
import { createPhoneLookup, type PhoneLookup } from './phones';
import { createSearchRepository, type SearchRepository } from './search';
import { createSyncCursorsRepository, type SyncCursorsRepository } from './sync-cursors';
import { createTagsRepository, type TagsRepository } from './tags';

/** One repository per aggregate, all over the same handle (the database or one transaction). */
export interface CacheRepositories {
  leads: LeadsRepository;
  search: SearchRepository;
  phones: PhoneLookup;
  activities: ActivitiesRepository;
  notes: NotesRepository;
  tags: TagsRepository;
  groups: GroupsRepository;
  customFields: CustomFieldsRepository;
  campaigns: CampaignsRepository;
  members: MembersRepository;
  numberHealth: NumberHealthRepository;
  metrics: MetricsRepository;
  syncCursors: SyncCursorsRepository;
  outbox: OutboxRepository;
}

export function createRepositories(db: Queryable): CacheRepositories {
  return {
    leads: createLeadsRepository(db),
    search: createSearchRepository(db),
    phones: createPhoneLookup(db),
    activities: createActivitiesRepository(db),
    notes: createNotesRepository(db),
    tags: createTagsRepository(db),
    groups: createGroupsRepository(db),
    customFields: createCustomFieldsRepository(db),
    campaigns: createCampaignsRepository(db),
    members: createMembersRepository(db),
    numberHealth: createNumberHealthRepository(db),
    metrics: createMetricsRepository(db),
    syncCursors: createSyncCursorsRepository(db),
    outbox: createOutboxRepository(db),
  };
}
