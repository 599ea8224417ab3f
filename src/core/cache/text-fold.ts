/**
 * Letters SQLite's `remove_diacritics` cannot fold because Unicode does not decompose them
 * (Ł is not L + a mark). Applied to indexed text and to queries alike, so "luk" finds "Łukasz".
 */
const LETTERS: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  ß: 'ss',
  ẞ: 'SS',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
};
const SPECIAL = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');
/** Printable ASCII and whitespace: nothing to normalize or fold. */
const ASCII = /^[\t\n\r -~]*$/;

/** NFC plus the letter folds above; ASCII text (most of it) is returned as is, cheaply. */
export function foldForSearch(text: string): string {
  if (ASCII.test(text)) return text;
  return text.normalize('NFC').replace(SPECIAL, (letter) => LETTERS[letter] ?? letter);
}

/** Lower-case and free of any accent: the key for ordering by name. */
export function foldForSorting(text: string): string {
  const folded = ASCII.test(text) ? text : foldForSearch(text).normalize('NFD').replace(/\p{M}/gu, '');
  return folded.toLowerCase().trim();
}
