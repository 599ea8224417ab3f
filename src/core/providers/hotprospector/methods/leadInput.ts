import { invalidParams } from './wireBody';

/**
 * A lead as the caller describes it for AddSingleLead / AddMultipleLeads. Names are the
 * domain's; `toWireLead` spells them the way the server reads them (first_name,
 * additional_Info, …). Custom fields travel as extra top-level keys, which is how the server
 * tells them apart ("any other field is treated as a custom field").
 */
export interface NewLead {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  mobile?: string;
  countryCode?: string;
  website?: string;
  company?: string;
  zip?: string;
  address?: string;
  city?: string;
  state?: string;
  title?: string;
  additionalInfo?: string;
  customFields?: Record<string, string>;
}

const WIRE_NAMES: Record<Exclude<keyof NewLead, 'customFields'>, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  phone: 'phone',
  mobile: 'mobile',
  countryCode: 'country_code',
  website: 'website',
  company: 'company',
  zip: 'zip',
  address: 'address',
  city: 'city',
  state: 'state',
  title: 'title',
  additionalInfo: 'additional_Info',
};

/**
 * A custom field with one of these names would overwrite a routing or credential key of the
 * body (a field called "api_uId" would change which account is addressed), so it is refused.
 */
const RESERVED_KEYS = new Set([
  'Method',
  'api_uId',
  'api_key',
  'groupId',
  'tagId',
  'leads_array',
  'Data',
  ...Object.values(WIRE_NAMES),
]);

export function hasContact(lead: NewLead): boolean {
  return [lead.email, lead.phone, lead.mobile].some((value) => value !== undefined && value.trim() !== '');
}

export function toWireLead(method: string, lead: NewLead): Record<string, string> {
  if (!hasContact(lead)) throw invalidParams(method, 'an email, phone or mobile for every lead');
  const body: Record<string, string> = {};
  for (const [name, wireName] of Object.entries(WIRE_NAMES) as Array<[keyof typeof WIRE_NAMES, string]>) {
    const value = lead[name];
    if (value !== undefined) body[wireName] = value;
  }
  for (const [name, value] of Object.entries(lead.customFields ?? {})) {
    if (RESERVED_KEYS.has(name)) throw invalidParams(method, `a custom field name other than "${name}"`);
    body[name] = value;
  }
  return body;
}

/** Tag ids go as a JSON list of numbers, as in the docs' examples ([1234, 123]). */
export function toWireTagIds(tagIds: string[] | undefined): Array<number | string> | undefined {
  return tagIds?.map((id) => (/^\d+$/.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : id));
}
