import type { Lead } from '../../shared/domain';
import { isE164, type Cache } from '../cache';
import { normalizePhone } from '../normalize/phones';

/**
 * A phone number as people write it ("+1 (555) 123-4567", "555.123.4567", "5551234567") in
 * E.164, or null when it cannot be a phone number. US is the default country, as for leads.
 */
export function phoneToE164(phone: string): string | null {
  const normalized = normalizePhone(phone);
  return isE164(normalized) ? normalized : null;
}

/** Screen pop: the lead calling from (or called at) this number, from the cache alone. */
export async function findLeadByPhone(cache: Cache, phone: string): Promise<Lead | null> {
  const e164 = phoneToE164(phone);
  return e164 ? cache.phones.findLead(e164) : null;
}
