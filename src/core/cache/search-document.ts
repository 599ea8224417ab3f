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
  /** Every phone's digits, space-separated: the trigram table `lead_digits` finds any run of 3+ in them. */
  readonly digits: string;
}

/** The fields of a lead that search reads (a migration rebuilds the index from just these). */
export type SearchableLead = Pick<
  Lead,
  'firstName' | 'lastName' | 'company' | 'email' | 'phone' | 'mobile' | 'customFields'
>;

export function leadSearchText(lead: SearchableLead): LeadSearchText {
  return {
    name: withJoinedWords(foldForSearch(`${lead.firstName} ${lead.lastName}`.trim())),
    company: withJoinedWords(foldForSearch(lead.company)),
    email: foldForSearch(lead.email),
    phones: phoneTokens([lead.phone, lead.mobile]).join(' '),
    custom: foldForSearch(Object.values(lead.customFields).join(' ')),
    digits: phoneDigits([lead.phone, lead.mobile]).join(' '),
  };
}

/**
 * A word with an apostrophe or hyphen inside ("D'Andre", "O’Brien", "Mary-Jane") is split by
 * the tokenizer into its parts; agents also type it without the punctuation ("dandre",
 * "obrien"), so the joined spelling is indexed too.
 */
const JOINED_WORD = /[\p{L}\p{N}\p{M}]+(?:['’‘ʼ`´-][\p{L}\p{N}\p{M}]+)+/gu;
export const WORD_JOINERS = /['’‘ʼ`´-]/g;

function withJoinedWords(text: string): string {
  const joined = (text.match(JOINED_WORD) ?? []).map((word) => word.replace(WORD_JOINERS, ''));
  return joined.length === 0 ? text : `${text} ${joined.join(' ')}`;
}

/** The digits of each phone once: the national number is a substring of the full one. */
function phoneDigits(phones: readonly string[]): string[] {
  const runs = new Set<string>();
  for (const phone of phones) {
    const digits = phone.replace(/\D/g, '');
    if (digits) runs.add(digits);
  }
  return [...runs];
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
