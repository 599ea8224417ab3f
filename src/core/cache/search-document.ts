import type { Lead } from '../../shared/domain';
import { isE164, nationalDigits } from './phone-digits';
import { foldForSearch, foldForSorting } from './text-fold';

/**
 * What the search index and the by-name ordering see of a lead. Built in JS once per write so
 * the SQL side stays a plain bulk insert.
 */
export interface LeadSearchText {
  readonly name: string;
  readonly company: string;
  readonly email: string;
  readonly phones: string;
  readonly custom: string;
}

export function leadSearchText(lead: Lead): LeadSearchText {
  return {
    name: foldForSearch(`${lead.firstName} ${lead.lastName}`.trim()),
    company: foldForSearch(lead.company),
    email: foldForSearch(lead.email),
    phones: phoneTokens([lead.phone, lead.mobile]).join(' '),
    custom: foldForSearch(Object.values(lead.customFields).join(' ')),
  };
}

/**
 * Every phone as all its digits ("15551234567") and, for E.164 numbers, the national digits
 * ("5551234567"), so a prefix search matches however the agent starts typing the number.
 */
function phoneTokens(phones: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const phone of phones) {
    const digits = phone.replace(/\D/g, '');
    if (!digits) continue;
    tokens.add(digits);
    const national = isE164(phone) ? nationalDigits(phone) : null;
    if (national) tokens.add(national);
  }
  return [...tokens];
}

/** Lower-case, accent-free "first last" (company or email when nameless) for ordering by name. */
export function leadSortName(lead: Lead): string {
  const label = `${lead.firstName} ${lead.lastName}`.trim() || lead.company || lead.email;
  return foldForSorting(label);
}
