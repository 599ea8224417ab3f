import type { Activity, Lead, TagRef } from '../../../../shared/domain';
import { normalizePhone } from '../../../normalize/phones';
import type { LeadPage } from '../types';
import { readCall } from './calls';
import { isPlainObject, WireRow } from './row';

/**
 * Tags come as "Hot" or {id, name} (providers.md 3.6); both become {id, title}. A string tag
 * has no id, and one tag arrives both ways across leads, so a tag's id is its name whenever it
 * has one: "Hot" and {id: 71, name: "Hot"} are one tag in the queue's filter, not two.
 */
function readTags(row: WireRow): TagRef[] {
  return row.items('tags').flatMap((item, index): TagRef[] => {
    if (typeof item === 'string' || typeof item === 'number') {
      const title = String(item).trim();
      return title === '' ? [] : [{ id: title, title }];
    }
    if (!isPlainObject(item)) return row.fail(`tags[${index}]`, 'a tag');
    const tag = new WireRow(row.endpoint, `${row.path}.tags[${index}]`, item);
    const title = tag.optionalText('name') ?? tag.optionalText('title') ?? tag.optionalText('text');
    const id = title ?? tag.optionalId('id');
    if (id === null) return row.fail(`tags[${index}]`, 'a tag with an id or a name');
    return [{ id, title: title ?? id }];
  });
}

/** The lead fields the domain has no column for, as text; absent and null ones are left out. */
function customFields(row: WireRow, zone: string): Record<string, string> {
  const fields: Record<string, string | null> = {
    category: row.optionalText('category'),
    source: row.optionalText('source'),
    status: row.optionalText('status'),
    result: row.optionalText('result'),
    stage: row.optionalText('stage'),
    scheduledCallAt: row.time('scheduled_call_at', zone),
    leadOwner: row.child('lead_owner')?.optionalText('name') ?? null,
  };
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== null));
}

/** A lead [CL:121 list item, CL:126 detail] (providers.md 3.4). */
export function readLead(row: WireRow, zone: string): Lead {
  const team = row.child('team');
  const teamId = team?.optionalId('id') ?? null;
  return {
    id: row.id('id'),
    provider: 'callingly',
    firstName: row.text('fname'),
    lastName: row.text('lname'),
    email: row.text('email'),
    phone: normalizePhone(row.text('phone_number')),
    mobile: '',
    company: row.text('company'),
    website: '',
    city: '',
    state: '',
    zip: '',
    address: '',
    countryCode: '',
    groupIds: teamId === null ? [] : [teamId],
    tags: readTags(row),
    customFields: customFields(row, zone),
    unsubscribed: false,
  };
}

/** Leads with the calls each list item embeds, as call Activities of that lead. */
export function readLeadPage(rows: readonly WireRow[], zone: string): LeadPage {
  const leads: Lead[] = [];
  const activities: Activity[] = [];
  for (const row of rows) {
    const lead = readLead(row, zone);
    leads.push(lead);
    for (const call of row.rows('calls')) {
      activities.push(readCall(call, { zone, leadId: lead.id, leadPhone: lead.phone }).activity);
    }
  }
  return { leads, activities };
}
