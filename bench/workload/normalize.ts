import type { Activity, Note } from '../../src/shared/domain';
import type { LeadInput } from '../../src/core/cache';
import type { Dataset } from '../../src/sandbox';
import { fetchUserCallLog, fetchUserSmsLogs } from '../../src/core/providers/hotprospector/methods/accountLogs';
import { fetchLeadRvmLogs } from '../../src/core/providers/hotprospector/methods/leadLogs';
import { fetchLeadNotes } from '../../src/core/providers/hotprospector/methods/leadMetadata';
import { searchByUserInput } from '../../src/core/providers/hotprospector/methods/leads';
import { interpretAnswer } from '../../src/core/providers/hotprospector/methods/spec';
import type { ReadContext } from '../../src/core/providers/hotprospector/wire/context';
import type { WirePage } from './wire-pages';

/**
 * The client's side of a sync page: interpretAnswer (envelope check + the Method's reader, the
 * same call HpClient.run makes) turns a decoded answer into domain rows. Lead tags arrive as
 * bare ids; their titles come from the tag catalog (FetchAllTags), as a sync fills them in.
 */

export interface Normalizer {
  leads(page: WirePage): LeadInput[];
  activities(page: WirePage): Activity[];
  notes(leadId: string, body: Record<string, unknown>): Note[];
}

export function createNormalizer(dataset: Dataset): Normalizer {
  const context = (method: string): ReadContext => ({ method, timezone: dataset.timeZone, provider: 'hotprospector' });
  const tagTitles = new Map(dataset.tags.map((tag) => [String(tag.id), tag.title]));

  return {
    leads(page) {
      const leads = interpretAnswer(searchByUserInput, page.body, { groupId: '' }, context(searchByUserInput.method));
      for (const lead of leads) {
        lead.tags = lead.tags.map((tag) => (tag.title ? tag : { id: tag.id, title: tagTitles.get(tag.id) ?? '' }));
      }
      return leads;
    },
    activities(page) {
      switch (page.kind) {
        case 'calls':
          return interpretAnswer(fetchUserCallLog, page.body, {}, context(fetchUserCallLog.method)).items;
        case 'sms':
          return interpretAnswer(fetchUserSmsLogs, page.body, {}, context(fetchUserSmsLogs.method)).items;
        case 'rvm':
          return interpretAnswer(fetchLeadRvmLogs, page.body, {}, context(fetchLeadRvmLogs.method));
        default:
          throw new Error(`not an activity page: ${page.kind}`);
      }
    },
    notes(leadId, body) {
      return interpretAnswer(fetchLeadNotes, body, { leadId }, context(fetchLeadNotes.method));
    },
  };
}
