import type { Lead, TagRef } from '../../../../shared/domain';
import type { ReadContext } from './context';
import { malformedAnswer } from './errors';
import { isPlainObject, openJsonText } from './jsonText';
import type { WireRecord } from './record';

/** A comma-separated id list ("236", "12,45", "") or a JSON list of ids. */
export function splitIdList(value: unknown): string[] {
  const opened = openJsonText(value);
  if (Array.isArray(opened)) return opened.map((item) => String(item).trim()).filter((item) => item !== '');
  if (typeof opened === 'number') return [String(opened)];
  if (typeof opened !== 'string') return [];
  return opened
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * A lead's `Tags`: "" in every example, so the spelling of a filled value is a guess. Accepted:
 * "12,45" (ids; titles left empty for the caller to fill from FetchAllTags), a list of ids, or a
 * list of {TagId, TagTitle} objects (or a lone one). A token that is not a number is taken as a title.
 */
function readTagRefs(row: WireRecord): TagRef[] {
  const opened = openJsonText(row.raw(['Tags', 'tags']));
  if (isPlainObject(opened) || (Array.isArray(opened) && opened.some(isPlainObject))) {
    return row
      .records(['Tags', 'tags'])
      .map((tag) => ({ id: tag.id(['TagId', 'id']), title: tag.text(['TagTitle', 'title']) }));
  }
  return splitIdList(opened).map((token) =>
    /^\d+$/.test(token) ? { id: token, title: '' } : { id: '', title: token },
  );
}

/**
 * `Lead_Custom_Fields` comes as {} / {"Age":"30"}, as "" when empty, and possibly as JSON text.
 * Values become text because the domain keeps custom fields as strings.
 */
function readCustomFields(row: WireRecord): Record<string, string> {
  const fields = row.child(['Lead_Custom_Fields', 'lead_custom_fields']);
  if (fields === null) return {};
  const result: Record<string, string> = {};
  for (const [name, value] of fields.entries()) {
    if (value === null || value === undefined) result[name] = '';
    else if (typeof value === 'object') result[name] = JSON.stringify(value);
    else result[name] = String(value);
  }
  return result;
}

/** One row of SearchByUserInput / SearchByCustomField. */
export function readLead(row: WireRecord, ctx: ReadContext): Lead {
  const countryCode = row.text(['CountryCode', 'country_code']);
  return {
    id: row.id(['LeadId', 'leadId']),
    provider: ctx.provider,
    firstName: row.text(['Firstname', 'FirstName', 'first_name']),
    lastName: row.text(['Lastname', 'LastName', 'last_name']),
    email: row.text(['E-Mail', 'Email', 'email']),
    phone: row.phone(['Phone', 'phone'], countryCode),
    mobile: row.phone(['Mobile', 'mobile'], countryCode),
    company: row.text(['Company', 'company']),
    website: row.text(['Website', 'website']),
    city: row.text(['City', 'city']),
    state: row.text(['State', 'state']),
    zip: row.text(['Zipcode', 'Zip', 'zip']),
    address: row.text(['Address', 'address']),
    countryCode,
    groupIds: splitIdList(row.raw(['GroupId', 'groupId'])),
    tags: readTagRefs(row),
    customFields: readCustomFields(row),
    // Search answers have no unsubscribe flag; Un_SubscribeLead's answer is the only signal.
    unsubscribed: row.flag(['Unsubscribed', 'unsubscribed']) ?? false,
  };
}

/** Tag ids in AddLeadTags / RemoveLeadTags answers: [5, 12, 18] or "5,12,18". */
export function readTagIdList(row: WireRecord, key: string): string[] {
  const value = row.raw(key);
  if (
    value !== undefined &&
    value !== null &&
    typeof value !== 'string' &&
    typeof value !== 'number' &&
    !Array.isArray(value)
  ) {
    throw malformedAnswer(row.method, `${key} is not a list of tag ids`);
  }
  return splitIdList(value);
}
