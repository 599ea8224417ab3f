import { WORD_JOINERS } from './search-document';
import { foldForSearch } from './text-fold';

/**
 * Turns what an agent typed into a safe FTS5 query: every word becomes a quoted prefix term
 * (`"jos"*`), all of which must match. Quoting is what makes it safe: inside double quotes FTS5
 * operators (OR, NOT, NEAR, column filters, `*`, `^`) are plain text, and the words we quote
 * contain only letters, digits and marks, so they cannot close the quote.
 */
const MAX_INPUT_LENGTH = 500;
const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 64;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** A word that may hold apostrophes or hyphens inside: "D'Andre", "O’Brien", "Mary-Jane". */
const JOINED_WORD = /[\p{L}\p{N}\p{M}]+(?:['’‘ʼ`´-][\p{L}\p{N}\p{M}]+)*/gu;
/** Digits with the usual phone punctuation: searched as one run of digits, "555-12" → "55512". */
const PHONE_LIKE = /^[\d\s()+.\-/]+$/;
const MIN_PHONE_DIGITS = 3;

/** null when the input has nothing searchable in it (e.g. `"`, `*`): the caller returns no rows. */
export function toFtsQuery(input: string): string | null {
  const text = foldForSearch(input.slice(0, MAX_INPUT_LENGTH)).trim();
  if (PHONE_LIKE.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (digits.length >= MIN_PHONE_DIGITS) return prefixTerm(digits.slice(0, MAX_TERM_LENGTH));
  }
  const words = (text.match(JOINED_WORD) ?? []).slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  const terms = words.map(wordTerm);
  // FTS5 reads two plain phrases side by side as AND, but not a parenthesized group: say it.
  return terms.join(terms.some((term) => term.startsWith('(')) ? ' AND ' : ' ');
}

/**
 * The digits of phone-like input as a trigram phrase for `lead_digits`: any run of 3 or more
 * digits anywhere in a phone ("5803", "986" of (305) 986-5803). null for anything else.
 */
export function toDigitQuery(input: string): string | null {
  const text = foldForSearch(input.slice(0, MAX_INPUT_LENGTH)).trim();
  if (!PHONE_LIKE.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  return digits.length >= MIN_PHONE_DIGITS ? `"${digits.slice(0, MAX_TERM_LENGTH)}"` : null;
}

/**
 * "D'Andre" typed: either the joined spelling the index also holds ("dandre", see
 * search-document.ts) or every part, so a lead stored as "Dandre" or as "D'Andre" is found.
 */
function wordTerm(word: string): string {
  const parts = (word.match(WORD) ?? []).slice(0, MAX_TERMS);
  if (parts.length === 1) return prefixTerm(word.slice(0, MAX_TERM_LENGTH));
  const joined = prefixTerm(word.replace(WORD_JOINERS, '').slice(0, MAX_TERM_LENGTH));
  return `(${joined} OR (${parts.map((part) => prefixTerm(part.slice(0, MAX_TERM_LENGTH))).join(' ')}))`;
}

function prefixTerm(word: string): string {
  return `"${word}"*`;
}
