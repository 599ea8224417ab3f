import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type PhoneForPeople =
  /** A number: shown nationally when it is the account's country, internationally otherwise; dialled and copied as E.164. */
  | { kind: 'number'; display: string; e164: string }
  /** Text where a number should be ("unknown", "call me after 5"): shown marked, never dialled. */
  | { kind: 'junk'; text: string };

function regionOf(region: string | null | undefined): CountryCode {
  const code = (region ?? '').trim().toUpperCase();
  return (/^[A-Z]{2}$/.test(code) ? code : 'US') as CountryCode;
}

/**
 * A phone as an agent reads it: `(305) 986-5803` for a US account, `+33 6 12 34 56 78` for a
 * French number on it. Providers send E.164 mostly, national spellings sometimes, and free text
 * now and then; only what parses as a possible number is a number.
 */
export function phoneForPeople(raw: string, accountRegion?: string | null): PhoneForPeople {
  const text = raw.trim();
  const region = regionOf(accountRegion);
  const parsed = /\d/.test(text) ? parsePhoneNumberFromString(text, region) : undefined;
  if (!parsed || !parsed.isPossible()) return { kind: 'junk', text };
  const home =
    parsed.country === region || (parsed.country === undefined && parsed.countryCallingCode === '1' && region === 'US');
  return {
    kind: 'number',
    display: home ? parsed.formatNational() : parsed.formatInternational(),
    e164: parsed.number,
  };
}
