import { parsePhoneNumberFromString } from 'libphonenumber-js';

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
  const parsed =
    callingCode !== '' && callingCode !== '1'
      ? parsePhoneNumberFromString(text, { defaultCallingCode: callingCode })
      : parsePhoneNumberFromString(text, 'US');
  return parsed?.isPossible() ? parsed.number : text;
}

/** Digits only: a stable key fragment for records that carry no id of their own. */
export function phoneDigits(value: string): string {
  return value.replace(/\D/g, '');
}
