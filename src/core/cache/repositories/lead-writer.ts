import type { Lead } from '../../../shared/domain';
import type { Queryable } from '../driver';
import { leadSearchText, leadSortName } from '../search-document';

/** A lead as a sync page delivers it: the domain shape plus when the provider created it, if known. */
export type LeadInput = Lead & { createdAt?: string | null };

/*
 * A page is written set-based: each table gets one INSERT … SELECT FROM json_each(?) over a
 * JSON array of row arrays, so a page of a thousand leads costs seven statements, not seven
 * thousand (node-sqlite3 pays a thread hop per statement). Row arrays, not objects: reading
 * `value ->> 3` is about twice as fast as `value ->> 'email'`.
 */

const LEAD_COLUMNS = [
  'id',
  'provider',
  'first_name',
  'last_name',
  'email',
  'phone',
  'mobile',
  'company',
  'website',
  'city',
  'state',
  'zip',
  'address',
  'country_code',
  'custom_fields',
  'unsubscribed',
  'sort_name',
  'created_ms',
] as const;

const UPSERT_TAG_CATALOG = `
INSERT INTO tags (id, title)
SELECT value ->> 0, value ->> 1 FROM json_each(?1) WHERE true
ON CONFLICT (id) DO UPDATE SET title = excluded.title WHERE tags.title IS NOT excluded.title`;

const UPSERT_LEADS = `
INSERT INTO leads (${LEAD_COLUMNS.join(', ')}, first_seen_ms, updated_ms, last_touch_ms, last_call_ms)
SELECT ${LEAD_COLUMNS.map((_, index) => `p.value ->> ${index}`).join(', ')}, ?2, ?2,
  -- Activities may have been synced before the lead: pick up its touches when it first arrives.
  (SELECT max(a.at_ms) FROM activities a WHERE a.lead_id = p.value ->> 0),
  (SELECT max(a.at_ms) FROM activities a WHERE a.lead_id = p.value ->> 0 AND a.kind = 'call')
FROM json_each(?1) AS p WHERE true
ON CONFLICT (id) DO UPDATE SET
  ${LEAD_COLUMNS.filter((column) => column !== 'id' && column !== 'created_ms')
    .map((column) => `${column} = excluded.${column}`)
    .join(', ')},
  created_ms = coalesce(excluded.created_ms, leads.created_ms), updated_ms = excluded.updated_ms`;

const DELETE_CHILDREN = ['lead_tags', 'group_memberships'].map(
  (table) => `DELETE FROM ${table} WHERE lead_id IN (SELECT value FROM json_each(?1))`,
);

const INSERT_TAGS = `
INSERT INTO lead_tags (lead_id, tag_id, position)
SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?1) WHERE true ON CONFLICT DO NOTHING`;

const INSERT_GROUPS = `
INSERT INTO group_memberships (lead_id, group_id, position)
SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?1) WHERE true ON CONFLICT DO NOTHING`;

const INDEX_FOR_SEARCH = `
INSERT OR REPLACE INTO lead_search (rowid, name, company, email, phones, custom)
SELECT l.key, p.value ->> 1, p.value ->> 2, p.value ->> 3, p.value ->> 4, p.value ->> 5
FROM json_each(?1) AS p JOIN leads AS l ON l.id = p.value ->> 0`;

/** Replaced even when empty: a lead whose phones were cleared must stop matching its old digits. */
const INDEX_DIGITS = `
INSERT OR REPLACE INTO lead_digits (rowid, digits)
SELECT l.key, p.value ->> 6
FROM json_each(?1) AS p JOIN leads AS l ON l.id = p.value ->> 0`;

/**
 * Writes whole leads (row and its phone indexes, tags, groups, search index). Run it inside a
 * transaction: the statements only make sense together.
 */
export async function writeLeads(db: Queryable, pageLeads: readonly LeadInput[], nowMs: number): Promise<void> {
  if (pageLeads.length === 0) return;
  // A lead listed twice in one page: the later copy wins, as if the page were written in order.
  const leads = [...new Map(pageLeads.map((lead) => [lead.id, lead])).values()];
  const page = toPageRows(leads);
  await db.run(UPSERT_TAG_CATALOG, [JSON.stringify(page.tagCatalog)]);
  await db.run(UPSERT_LEADS, [JSON.stringify(page.leads), nowMs]);
  const ids = JSON.stringify(leads.map((lead) => lead.id));
  for (const sql of DELETE_CHILDREN) await db.run(sql, [ids]);
  if (page.tags.length > 0) await db.run(INSERT_TAGS, [JSON.stringify(page.tags)]);
  if (page.groups.length > 0) await db.run(INSERT_GROUPS, [JSON.stringify(page.groups)]);
  const search = JSON.stringify(page.search);
  await db.run(INDEX_FOR_SEARCH, [search]);
  await db.run(INDEX_DIGITS, [search]);
}

type Row = Array<string | number | null>;

function toPageRows(leads: readonly LeadInput[]) {
  const page = { leads: [] as Row[], tags: [] as Row[], groups: [] as Row[], search: [] as Row[] };
  // The last title seen wins, as it would if the page were written lead by lead.
  const tagCatalog = new Map<string, Row>();
  for (const lead of leads) {
    const createdMs = lead.createdAt ? Date.parse(lead.createdAt) : NaN;
    page.leads.push([
      lead.id,
      lead.provider,
      lead.firstName,
      lead.lastName,
      lead.email,
      lead.phone,
      lead.mobile,
      lead.company,
      lead.website,
      lead.city,
      lead.state,
      lead.zip,
      lead.address,
      lead.countryCode,
      JSON.stringify(lead.customFields),
      lead.unsubscribed ? 1 : 0,
      leadSortName(lead),
      Number.isFinite(createdMs) ? createdMs : null,
    ]);
    lead.tags.forEach((tag, position) => {
      page.tags.push([lead.id, tag.id, position]);
      tagCatalog.set(tag.id, [tag.id, tag.title]);
    });
    lead.groupIds.forEach((groupId, position) => page.groups.push([lead.id, groupId, position]));
    const text = leadSearchText(lead);
    page.search.push([lead.id, text.name, text.company, text.email, text.phones, text.custom, text.digits]);
  }
  return { ...page, tagCatalog: [...tagCatalog.values()] };
}
