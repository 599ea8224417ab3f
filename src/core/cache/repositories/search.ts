import type { Lead } from '../../../shared/domain';
import type { Queryable } from '../driver';
import { toFtsQuery } from '../fts-query';
import { createLeadsRepository } from './leads';
import type { LeadListQuery } from './lead-query';

export interface SearchRepository {
  /**
   * Leads where every word typed is the start of a word in the name, company, email, custom
   * field values, or of the phone digits. Accent- and case-insensitive ("jos" finds "José").
   * Any input is safe: FTS syntax in it is treated as text. Ordered by name unless asked.
   */
  leads(text: string, options?: Omit<LeadListQuery, 'search'>): Promise<Lead[]>;
  /** The FTS5 query the text turns into (null: nothing searchable), for diagnostics. */
  explain(text: string): string | null;
}

export function createSearchRepository(db: Queryable): SearchRepository {
  const leads = createLeadsRepository(db);
  return {
    async leads(text, options = {}) {
      if (toFtsQuery(text) === null) return [];
      return leads.list({ order: 'name', ...options, search: text });
    },
    explain: toFtsQuery,
  };
}
