import type { Lead, ProviderId, TagRef } from '../../../shared/domain';
import { parseJsonColumn } from './json-column';

/**
 * The one SELECT list that turns a `leads l` row into a whole Lead, tags and groups included,
 * in a single statement: screen pop, search and lists all read leads through it.
 */
export const LEAD_COLUMNS = `
  l.id, l.provider, l.first_name, l.last_name, l.email, l.phone, l.mobile, l.company, l.website,
  l.city, l.state, l.zip, l.address, l.country_code, l.custom_fields, l.unsubscribed,
  (SELECT json_group_array(json_object('id', t.id, 'title', t.title) ORDER BY lt.position)
     FROM lead_tags lt JOIN tags t ON t.id = lt.tag_id WHERE lt.lead_id = l.id) AS tags,
  (SELECT json_group_array(gm.group_id ORDER BY gm.position)
     FROM group_memberships gm WHERE gm.lead_id = l.id) AS group_ids`;

export interface LeadRow {
  id: string;
  provider: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  mobile: string;
  company: string;
  website: string;
  city: string;
  state: string;
  zip: string;
  address: string;
  country_code: string;
  custom_fields: string;
  unsubscribed: number;
  tags: string;
  group_ids: string;
}

/** A list row: the lead plus what the queue shows of its history. */
export type ListedLead = Lead & { lastContactAt: string | null; calls: number };

export interface ListedLeadRow extends LeadRow {
  last_touch_ms: number | null;
  call_count: number;
}

export function toListedLead(row: ListedLeadRow): ListedLead {
  return {
    ...toLead(row),
    lastContactAt: row.last_touch_ms === null ? null : new Date(row.last_touch_ms).toISOString(),
    calls: row.call_count,
  };
}

export function toLead(row: LeadRow): Lead {
  return {
    id: row.id,
    provider: row.provider as ProviderId,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    company: row.company,
    website: row.website,
    city: row.city,
    state: row.state,
    zip: row.zip,
    address: row.address,
    countryCode: row.country_code,
    groupIds: parseJsonColumn<string[]>(row.group_ids, 'lead groups'),
    tags: parseJsonColumn<TagRef[]>(row.tags, 'lead tags'),
    customFields: parseJsonColumn<Record<string, string>>(row.custom_fields, 'lead custom fields'),
    unsubscribed: row.unsubscribed === 1,
  };
}
