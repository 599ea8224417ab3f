import type { Activity, Lead } from '../../../shared/domain';
import type { CacheRepositories } from '../../cache';
import type { HipcallCdr } from './cdr';

/**
 * Hipcall has no contact list, so leads are made from call records. Lead ids:
 *   `contact:<contact id>` for a lead first seen with a Hipcall contact id (notes can go to it),
 *   `phone:<E.164>`        for a lead first seen only by its number (notes stay on this computer).
 * The prefixes keep the two apart, and an id never changes once given (local notes, queued
 * changes and the screen pop hold on to it). A number belongs to one lead only: a call without
 * a contact id joins the lead that holds its number; a contact id that shows up later for a
 * number a phone lead holds is recorded on that lead (customFields.hipcallContactId, plus an
 * alias cursor so the contact's calls from other numbers find it) instead of making a second one.
 */
export const CONTACT_FIELD = 'hipcallContactId';
const aliasCursor = (contactId: string) => `hipcall:contact-lead:${contactId}`;

export function contactLeadId(contactId: string): string {
  return `contact:${contactId}`;
}
export function phoneLeadId(e164: string): string {
  return `phone:${e164}`;
}

/** The contact a lead's notes can be posted to, or null for a phone-only lead. */
export function leadContactId(lead: Pick<Lead, 'id' | 'customFields'>): string | null {
  const fromField = lead.customFields[CONTACT_FIELD];
  if (fromField && /^\d{1,15}$/.test(fromField)) return fromField;
  const m = /^contact:(\d{1,15})$/.exec(lead.id);
  return m ? m[1]! : null;
}

function blankLead(id: string, phone: string, contactId: string | null): Lead {
  return {
    id,
    provider: 'hipcall',
    firstName: '',
    lastName: '',
    email: '',
    phone,
    mobile: '',
    company: '',
    website: '',
    city: '',
    state: '',
    zip: '',
    address: '',
    countryCode: '',
    groupIds: [],
    tags: [],
    customFields: contactId ? { [CONTACT_FIELD]: contactId } : {},
    unsubscribed: false,
  };
}

/**
 * Finds or makes the lead of each call, against the cache (inside the page's transaction) and
 * the leads of the page so far. `changed` is what the page must write.
 */
export class LeadResolver {
  private readonly byId = new Map<string, Lead>();
  private readonly byPhone = new Map<string, string>();
  private readonly byContact = new Map<string, string>();
  readonly changed = new Map<string, Lead>();
  readonly aliases = new Map<string, string>();

  constructor(private readonly tx: Pick<CacheRepositories, 'leads' | 'phones' | 'syncCursors'>) {}

  async resolve(cdr: HipcallCdr): Promise<Lead | null> {
    if (cdr.direction !== 'inbound' && cdr.direction !== 'outbound') return null;
    const phone = cdr.externalPhone;
    let lead = cdr.contactId === null ? null : await this.findContact(cdr.contactId);
    if (lead === null && phone !== null) lead = await this.findPhone(phone);
    if (lead === null) {
      if (cdr.contactId !== null) lead = blankLead(contactLeadId(cdr.contactId), phone ?? '', cdr.contactId);
      else if (phone !== null) lead = blankLead(phoneLeadId(phone), phone, null);
      else return null;
      this.remember(lead);
      this.changed.set(lead.id, lead);
      return lead;
    }
    let updated = lead;
    if (cdr.contactId !== null && leadContactId(lead) === null) {
      updated = { ...updated, customFields: { ...updated.customFields, [CONTACT_FIELD]: cdr.contactId } };
      this.aliases.set(cdr.contactId, lead.id);
    }
    if (updated.phone === '' && phone !== null && (await this.findPhone(phone)) === null) {
      updated = { ...updated, phone };
    }
    if (updated !== lead) {
      this.remember(updated);
      this.changed.set(updated.id, updated);
    }
    return updated;
  }

  /** Writes the page's new and changed leads and contact aliases. */
  async write(tx: Pick<CacheRepositories, 'leads' | 'syncCursors'>): Promise<number> {
    if (this.changed.size > 0) await tx.leads.upsertPage([...this.changed.values()]);
    for (const [contactId, leadId] of this.aliases) await tx.syncCursors.set(aliasCursor(contactId), { leadId });
    return this.changed.size;
  }

  private remember(lead: Lead): void {
    this.byId.set(lead.id, lead);
    if (lead.phone) this.byPhone.set(lead.phone, lead.id);
    const contact = leadContactId(lead);
    if (contact) this.byContact.set(contact, lead.id);
  }

  private async load(id: string): Promise<Lead | null> {
    const known = this.byId.get(id);
    if (known) return known;
    const lead = await this.tx.leads.get(id);
    if (lead) this.remember(lead);
    return lead;
  }

  private async findContact(contactId: string): Promise<Lead | null> {
    const mapped = this.byContact.get(contactId);
    if (mapped) return this.load(mapped);
    const direct = await this.load(contactLeadId(contactId));
    if (direct) return direct;
    const alias = await this.tx.syncCursors.get(aliasCursor(contactId));
    const leadId = alias && typeof alias.value === 'object' && alias.value !== null && 'leadId' in alias.value;
    return leadId ? this.load(String((alias.value as { leadId: unknown }).leadId)) : null;
  }

  private async findPhone(phone: string): Promise<Lead | null> {
    const mapped = this.byPhone.get(phone);
    if (mapped) return this.load(mapped);
    const held = (await this.tx.phones.findLeads(phone, 5)).find((lead) => lead.provider === 'hipcall');
    if (!held) return null;
    this.remember(held);
    return held;
  }
}

/** Signed links carry their end (`expires=<unix seconds>`); without one the doc's 60 minutes count from reading. */
export function recordingExpiry(url: string, readAt: Date): string {
  const fallback = new Date(readAt.getTime() + 60 * 60_000);
  try {
    const raw = new URL(url).searchParams.get('expires');
    const seconds = raw !== null && /^\d{9,11}$/.test(raw) ? Number(raw) : null;
    if (seconds !== null && seconds * 1000 < fallback.getTime()) return new Date(seconds * 1000).toISOString();
  } catch {
    // Not a URL: the fallback applies.
  }
  return fallback.toISOString();
}

export function toActivity(
  cdr: HipcallCdr,
  leadId: string,
  agentNames: ReadonlyMap<string, string>,
  readAt: Date,
): Activity {
  return {
    id: cdr.uuid,
    leadId,
    kind: 'call',
    direction: cdr.direction === 'inbound' || cdr.direction === 'outbound' ? cdr.direction : null,
    at: cdr.startedAt,
    durationSec: cdr.durationSec,
    status: cdr.status,
    from: cdr.from,
    to: cdr.to,
    text: null,
    recordingUrl: cdr.recordingUrl,
    recordingExpiresAt: cdr.recordingUrl === null ? null : recordingExpiry(cdr.recordingUrl, readAt),
    agentId: cdr.agentId,
    agentName: cdr.agentId === null ? null : (agentNames.get(cdr.agentId) ?? `User ${cdr.agentId}`),
  };
}
