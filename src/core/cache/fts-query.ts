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
  const words = (text.match(WORD) ?? []).slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  return words.map((word) => prefixTerm(word.slice(0, MAX_TERM_LENGTH))).join(' ');
}

function prefixTerm(word: string): string {
  return `"${word}"*`;
}
