import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';

/**
 * Phones arrive as "5551234567", "+15551234567", "14087777111" or with punctuation. They become
 * E.164 when the digits can be a phone number (screen pop matches on E.164), otherwise the text
 * is kept as sent so nothing the agent typed is lost. US is the default country; a lead's own
 * country code ("+44") is used when the record carries one.
 */
export function normalizePhone(value: unknown, countryCode?: string): string {
  if (typeof value === 'number') return normalizePhone(String(value), countryCode);
  if (typeof value !== 'string') return '';
  const text = value.trim();
  if (text === '') return '';
  const callingCode = (countryCode ?? '').replace(/\D/g, '');
  const nanp = plainNanp(text, callingCode);
  if (nanp !== undefined) return nanp;
  const key = `${callingCode}\u0000${text}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const parsed =
    callingCode !== '' && callingCode !== '1'
      ? parsePhoneNumberFromString(text, { defaultCallingCode: callingCode })
      : parsePhoneNumberFromString(text, 'US');
  const normalized = parsed?.isPossible() ? parsed.number : text;
  remember(key, normalized);
  return normalized;
}

/**
 * The NANP spellings a sync reads by the hundred thousand, answered without libphonenumber
 * (which builds regexes on every parse): what it would answer for them, as the equivalence
 * tests check. E.164 ("+12135550142", both numbers of every V2 log row) comes back unchanged
 * whatever the default country, since "+1" names the country. National spellings
 * ("2135550142", "(213) 555-0142", "1-213-555-0142", with or without "+1 ") become "+1" and the
 * ten digits: with "+1" for any default country, without it only when the default is US.
 * Area code and exchange start with 2–9, as NANP numbers do; anything else goes to libphonenumber.
 */
const NANP_E164 = /^\+1[2-9]\d{2}[2-9]\d{6}$/;
const NANP_SPELLED = /^(\+?1[ .-]?)?(?:\(([2-9]\d{2})\) ?|([2-9]\d{2})[ .-]?)([2-9]\d{2})[ .-]?(\d{4})$/;

function plainNanp(text: string, callingCode: string): string | undefined {
  if (NANP_E164.test(text)) return text;
  const spelled = NANP_SPELLED.exec(text);
  if (!spelled) return undefined;
  const international = spelled[1]?.startsWith('+') ?? false;
  if (!international && callingCode !== '' && callingCode !== '1') return undefined;
  return `+1${spelled[2] ?? spelled[3] ?? ''}${spelled[4] ?? ''}${spelled[5] ?? ''}`;
}

/**
 * Log rows repeat a few numbers (the account's own lines, a lead's number on each of its
 * calls), so recent answers are kept; insertion order evicts the oldest. Bounded: at most
 * MEMO_LIMIT short strings.
 */
const MEMO_LIMIT = 4096;
const memo = new Map<string, string>();

function remember(key: string, normalized: string): void {
  if (memo.size >= MEMO_LIMIT) {
    const oldest = memo.keys().next();
    if (!oldest.done) memo.delete(oldest.value);
  }
  memo.set(key, normalized);
}

/** For tests: how many answers the memo holds, and forgetting them. */
export function phoneMemoSize(): number {
  return memo.size;
}
export function resetPhoneMemo(): void {
  memo.clear();
}

/** Digits only: a stable key fragment for records that carry no id of their own. */
export function phoneDigits(value: string): string {
  return value.replace(/\D/g, '');
}

/**
 * The calling code ("+33") of an account's region (ISO 3166 alpha-2, "FR"), for reading numbers
 * typed without `+`; undefined when no region is set or it is not a country libphonenumber knows
 * (then such numbers read as US, as everywhere else).
 */
export function callingCodeOf(region: string | null | undefined): string | undefined {
  const code = (region ?? '').trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || !isSupportedCountry(code)) return undefined;
  return `+${getCountryCallingCode(code as CountryCode)}`;
}
