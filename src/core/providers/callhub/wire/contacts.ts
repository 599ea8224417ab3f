import type { Group, Lead } from '../../../../shared/domain';
import { idFromUrl } from './ids';
import { callhubPhone, regionCode } from './phones';
import { malformed, text } from './row';

/** What a contact row needs besides itself: the account's region and the numbers on a DNC list. */
export interface ContactContext {
  region: string;
  dnc: ReadonlySet<string>;
}

/**
 * A contact as the doc lists its fields [CH:1-43]: no id (its `url` gives one), phone books as
 * URLs, the email key unnamed in the doc (`email`, and often absent), no zip, no tags.
 */
export function readContact(row: Record<string, unknown>, endpoint: string, context: ContactContext): Lead {
  const id = idFromUrl(row.url);
  if (id === null) throw malformed(endpoint, 'a contact has no usable url');
  const country = regionCode(text(row, 'country_code'));
  const region = country ?? context.region;
  const phone = callhubPhone(text(row, 'contact'), region);
  const mobile = callhubPhone(text(row, 'mobile'), region);
  const books = Array.isArray(row.phonebooks) ? row.phonebooks : [];
  const groupIds = [...new Set(books.map(idFromUrl).filter((book): book is string => book !== null))];
  const jobTitle = text(row, 'job_title');
  return {
    id,
    provider: 'callhub',
    firstName: text(row, 'first_name'),
    lastName: text(row, 'last_name'),
    email: text(row, 'email'),
    phone,
    mobile,
    company: text(row, 'company_name'),
    website: text(row, 'company_website'),
    city: text(row, 'city'),
    state: text(row, 'state'),
    zip: '',
    address: text(row, 'address'),
    countryCode: country ?? '',
    groupIds,
    tags: [],
    customFields: jobTitle === '' ? {} : { jobTitle },
    unsubscribed: [phone, mobile].some((number) => number !== '' && context.dnc.has(number)),
  };
}

/** A phone book [CH:58-71]; one without a usable url is skipped, since nothing could point at it. */
export function readPhonebook(row: Record<string, unknown>): Group | null {
  const id = idFromUrl(row.url);
  if (id === null) return null;
  return { id, title: text(row, 'name') || `Phone book ${id}` };
}

/** A DNC entry's number [CH:383-393], read like a contact's in the account's region. */
export function readDncNumber(row: Record<string, unknown>, region: string): string {
  return callhubPhone(text(row, 'phone_number'), region);
}
