/** Small text helpers shared by the generator and the method handlers. */

/** "Łukasz" → "lukasz", "王" → "" : letters a-z and digits only, for e-mail local parts. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\u0142/g, 'l')
    .replace(/\u0141/g, 'L')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * The stored key of a custom field: the provider answers AddcustomField "Age" with
 * FieldName "age" and UpdateCustomField "Company Address" with "company_address".
 */
export function fieldKey(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** Digits only; "+1 (555) 123-4567" → "15551234567". */
export function digitsOf(text: string): string {
  return text.replace(/\D+/g, '');
}

/**
 * The comparable form of a phone: the national ten digits for NANP numbers (with or without the
 * leading 1), else all digits. Too few digits to be a phone gives "".
 */
export function phoneKey(text: string): string {
  const digits = digitsOf(text);
  if (digits.length === 11 && digits.startsWith('1')) return digits.slice(1);
  return digits.length >= 7 ? digits : '';
}
