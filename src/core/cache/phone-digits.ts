import { getCountries, getCountryCallingCode } from 'libphonenumber-js';

const E164 = /^\+[1-9]\d{5,14}$/;

export function isE164(value: string): boolean {
  return E164.test(value);
}

let callingCodes: ReadonlySet<string> | null = null;

/**
 * The digits after the country calling code of an E.164 number ("+15551234567" → "5551234567"),
 * so a search for the number as people dial it at home finds it. Calling codes are prefix-free,
 * so at most one of the 1-, 2- and 3-digit prefixes is a code. A full parse would cost ~25 µs
 * per phone, too much for ingesting 100k leads; this is a Set lookup.
 */
export function nationalDigits(e164: string): string | null {
  if (!isE164(e164)) return null;
  callingCodes ??= new Set(getCountries().map((country) => getCountryCallingCode(country)));
  const digits = e164.slice(1);
  for (let length = 1; length <= 3; length += 1) {
    if (callingCodes.has(digits.slice(0, length))) return digits.slice(length);
  }
  return null;
}
