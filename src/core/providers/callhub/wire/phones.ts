import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';
import { normalizePhone } from '../../../normalize/phones';

/** An ISO 3166 alpha-2 code libphonenumber knows, upper-cased; null otherwise. */
export function regionCode(value: string | null | undefined): CountryCode | null {
  const code = (value ?? '').trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code) ? (code as CountryCode) : null;
}

/**
 * CallHub stores numbers as digits with the country code and no `+` (`16507868628`) or
 * nationally (`0612345678`), with the contact's `country_code` to complete them [CH:21-23].
 * The number is read in `region` first; digits that only make sense as international (a US
 * number on a French contact) are then read with a `+`. Anything else stays as sent.
 */
export function callhubPhone(value: string, region: string): string {
  const raw = value.trim();
  if (raw === '') return '';
  const code = regionCode(region) ?? 'US';
  const national = normalizePhone(raw, `+${getCountryCallingCode(code)}`);
  if (national.startsWith('+')) return national;
  const digits = raw.replace(/\D/g, '');
  if (!raw.startsWith('+') && digits.length >= 8) {
    // normalizePhone keeps text it cannot read, so "+0612…" would come back looking international.
    const international = parsePhoneNumberFromString(`+${digits}`);
    if (international?.isPossible()) return international.number;
  }
  return raw;
}
