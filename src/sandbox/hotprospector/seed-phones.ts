import type { Rng } from '../random';

/**
 * Phone numbers as people type them into a CRM. The same number shows up as "5551234567",
 * "+1 (555) 123-4567" or "555.123.4567"; screen pop must find the lead whatever the spelling,
 * so the demo data mixes them on purpose, plus a few entries that are not phone numbers at all.
 */

// Exchanges 200-999 except 555 (kept free for the hand-made fixtures) × lines 0000-9999.
const LINE_SPACE = 7_990_000;
const STRIDE = 7_368_787; // coprime with LINE_SPACE, so index → number is a bijection

/**
 * A unique valid NANP ten-digit number for a lead index within an area code: the exchange never
 * starts with 0 or 1, so libphonenumber accepts it, and is never 555 (the fixtures' exchange).
 * `salt` shifts the sequence per purpose (phone vs. mobile) so they do not collide.
 */
export function uniqueTenDigits(index: number, areaCode: string, salt: number): string {
  const x = (((index + salt) % LINE_SPACE) * STRIDE + 104_729) % LINE_SPACE;
  const raw = 200 + Math.floor(x / 10_000);
  const exchange = raw >= 555 ? raw + 1 : raw;
  const line = x % 10_000;
  return `${areaCode}${exchange}${String(line).padStart(4, '0')}`;
}

const SPELLINGS: ReadonlyArray<(d: string) => string> = [
  (d) => d,
  (d) => `+1 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  (d) => `+1${d}`,
  (d) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `1${d}`,
];
const SPELLING_WEIGHTS = [30, 18, 12, 16, 10, 5, 6, 3];

/** Free text found in phone columns of real imports. */
export const UNPARSEABLE_PHONES = ['n/a', '12345', 'call me after 5', '000', 'unknown', '555'];

/** Spells ten digits in one of the common human formats (weighted towards the common ones). */
export function spellPhone(digits: string, rng: Rng): string {
  const spell = SPELLINGS[rng.weighted(SPELLING_WEIGHTS)] ?? SPELLINGS[0];
  return spell ? spell(digits) : digits;
}

/** Ten-digit NANP number to E.164. */
export function nanpE164(digits: string): string {
  return `+1${digits}`;
}
