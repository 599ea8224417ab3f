import type { Activity, Lead } from '../../shared/domain';
import type { ProviderSession, RequestOptions } from '../providers/port';
import { isE164, type Cache } from '../cache';
import { callingCodeOf, normalizePhone } from '../normalize/phones';

/**
 * A phone number as people write it ("+1 (555) 123-4567", "555.123.4567", "5551234567") in
 * E.164, or null when it cannot be a phone number. US is the default country, as for leads.
 */
export function phoneToE164(phone: string, region?: string | null): string | null {
  // A number without + reads in the account's country (CallHub's national numbers), else as NANP.
  const normalized = normalizePhone(phone, callingCodeOf(region));
  return isE164(normalized) ? normalized : null;
}

/** Screen pop: the lead calling from (or called at) this number, from the cache alone. */
export async function findLeadByPhone(cache: Cache, phone: string, region?: string | null): Promise<Lead | null> {
  const e164 = phoneToE164(phone, region);
  return e164 ? cache.phones.findLead(e164) : null;
}

/**
 * Screen pop as an agent needs it: the cache first (it answers offline, in a millisecond);
 * on a miss, the provider's own lookup by phone where it has one (`leads.lookup.phone`),
 * and the lead found is cached, so the next call from it pops from the cache. A provider that
 * cannot be reached leaves the answer at "unknown caller", never an error to the softphone.
 */
export async function popLead(
  cache: Cache,
  session: Pick<ProviderSession, 'lookupPhone'> | null,
  phone: string,
  options: RequestOptions & { region?: string | null } = {},
): Promise<Lead | null> {
  const e164 = phoneToE164(phone, options.region);
  if (!e164) return null;
  const cached = await cache.phones.findLead(e164);
  if (cached || !session?.lookupPhone) return cached;
  let found: { leads: Lead[]; activities: Activity[] };
  try {
    found = await session.lookupPhone(e164, options);
  } catch {
    return null;
  }
  if (found.leads.length === 0) return null;
  await cache.transaction(async (tx) => {
    await tx.leads.upsertPage(found.leads);
    await tx.activities.upsertPage(found.activities);
  });
  return cache.phones.findLead(e164);
}
