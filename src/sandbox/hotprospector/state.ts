import type {
  Dataset,
  SbCall,
  SbCustomField,
  SbFieldType,
  SbGroup,
  SbLead,
  SbMember,
  SbNote,
  SbRvm,
  SbSms,
  SbTag,
} from './types';
import { fieldKey, phoneKey } from './text';

/**
 * The simulated account's live data: the generated dataset plus every write applied since. It
 * knows nothing of HTTP or wire spellings; method handlers validate input, call these
 * operations and render the answer. Indexes that only some requests need are built lazily so
 * that starting a 100k-lead sandbox stays cheap.
 */

export interface LeadActivity {
  calls: SbCall[];
  sms: SbSms[];
  rvm: SbRvm[];
  notes: SbNote[];
}

export type LeadFieldName =
  | 'first_name'
  | 'last_name'
  | 'title'
  | 'email'
  | 'phone'
  | 'mobile'
  | 'country_code'
  | 'company'
  | 'website'
  | 'address'
  | 'city'
  | 'state'
  | 'zip'
  | 'additional_Info';

/** Default (non-custom) lead fields in the provider's order, with the record property behind each. */
export const DEFAULT_LEAD_FIELDS: ReadonlyArray<readonly [LeadFieldName, keyof SbLead]> = [
  ['first_name', 'firstName'],
  ['last_name', 'lastName'],
  ['title', 'title'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['mobile', 'mobile'],
  ['country_code', 'countryCode'],
  ['company', 'company'],
  ['website', 'website'],
  ['address', 'address'],
  ['city', 'city'],
  ['state', 'state'],
  ['zip', 'zip'],
  ['additional_Info', 'additionalInfo'],
];

const FIELD_PROPERTY = new Map<string, keyof SbLead>(DEFAULT_LEAD_FIELDS);

export type NewLead = Partial<Record<LeadFieldName, string>> & { custom?: Record<string, string> };

export class HotProspectorState {
  readonly data: Dataset;
  credits: number;
  private readonly leadsById = new Map<number, SbLead>();
  private nextLeadId: number;
  private nextTagId: number;
  private nextGroupId: number;
  private nextMemberId: number;
  private phoneIndex: Map<string, Set<number>> | null = null;
  private activityIndex: Map<number, LeadActivity> | null = null;

  constructor(data: Dataset) {
    this.data = data;
    this.credits = data.credits;
    for (const lead of data.leads) this.leadsById.set(lead.id, lead);
    this.nextLeadId = maxId(data.leads, 10_000_000) + 1;
    this.nextTagId = maxId(data.tags, 0) + 1;
    this.nextGroupId = maxId(data.groups, 0) + 1;
    this.nextMemberId = maxId(data.members, 0) + 1;
  }

  // ---- reads -------------------------------------------------------------------------------

  lead(id: number): SbLead | undefined {
    return this.leadsById.get(id);
  }

  tag(id: number): SbTag | undefined {
    return this.data.tags.find((t) => t.id === id);
  }

  group(id: number): SbGroup | undefined {
    return this.data.groups.find((g) => g.id === id);
  }

  member(id: number): SbMember | undefined {
    return this.data.members.find((m) => m.id === id);
  }

  /** A custom field by stored key or by the name it was created with, case-insensitively. */
  field(name: string): SbCustomField | undefined {
    const wanted = name.trim().toLowerCase();
    const key = fieldKey(name);
    return this.data.customFields.find((f) => f.key === key || f.label.toLowerCase() === wanted);
  }

  /** Leads whose phone or mobile is the same number as `phone`, whatever the spelling. */
  leadsByPhone(phone: string): SbLead[] {
    const key = phoneKey(phone);
    if (!key) return [];
    const ids = this.phones().get(key);
    return ids ? this.existing(ids) : [];
  }

  leadsByEmail(email: string): SbLead[] {
    const wanted = email.trim().toLowerCase();
    if (!wanted) return [];
    return this.data.leads.filter((l) => l.email.toLowerCase() === wanted);
  }

  activityOf(leadId: number): LeadActivity {
    return this.activities().get(leadId) ?? { calls: [], sms: [], rvm: [], notes: [] };
  }

  // ---- tags, groups, custom fields -----------------------------------------------------------

  addTag(title: string): SbTag {
    const tag: SbTag = { id: this.nextTagId++, title, status: 'Active' };
    this.data.tags.push(tag);
    return tag;
  }

  addGroup(title: string): SbGroup {
    const group: SbGroup = { id: this.nextGroupId++, title };
    this.data.groups.push(group);
    return group;
  }

  /** Removes the group and every lead's membership in it; the leads themselves stay. */
  deleteGroup(id: number): boolean {
    const index = this.data.groups.findIndex((g) => g.id === id);
    if (index < 0) return false;
    this.data.groups.splice(index, 1);
    for (const lead of this.data.leads) {
      if (lead.groupIds.includes(id)) lead.groupIds = lead.groupIds.filter((g) => g !== id);
    }
    return true;
  }

  addField(label: string, type: SbFieldType, options: string[]): SbCustomField {
    const field: SbCustomField = { key: fieldKey(label), label, type, options };
    this.data.customFields.push(field);
    return field;
  }

  /** Renames a field; lead values move to the new key so nothing is lost. */
  updateField(field: SbCustomField, label: string, type: SbFieldType, options: string[]): void {
    const oldKey = field.key;
    field.key = fieldKey(label);
    field.label = label;
    field.type = type;
    field.options = options;
    if (oldKey === field.key) return;
    for (const lead of this.data.leads) {
      const value = lead.custom[oldKey];
      if (value === undefined) continue;
      delete lead.custom[oldKey];
      lead.custom[field.key] = value;
    }
  }

  deleteField(field: SbCustomField): void {
    this.data.customFields = this.data.customFields.filter((f) => f !== field);
    for (const lead of this.data.leads) delete lead.custom[field.key];
  }

  // ---- leads -------------------------------------------------------------------------------

  addLead(fields: NewLead, groupId: number, tagIds: number[]): SbLead {
    const lead: SbLead = {
      id: this.nextLeadId++,
      firstName: fields.first_name ?? '',
      lastName: fields.last_name ?? '',
      title: fields.title ?? '',
      email: fields.email ?? '',
      phone: fields.phone ?? '',
      mobile: fields.mobile ?? '',
      countryCode: fields.country_code ?? '',
      company: fields.company ?? '',
      website: fields.website ?? '',
      address: fields.address ?? '',
      city: fields.city ?? '',
      state: fields.state ?? '',
      zip: fields.zip ?? '',
      additionalInfo: fields.additional_Info ?? '',
      groupIds: [groupId],
      tagIds: [...new Set(tagIds)],
      custom: { ...fields.custom },
      unsubscribed: false,
      dial: null,
    };
    this.data.leads.push(lead);
    this.leadsById.set(lead.id, lead);
    this.indexPhones(lead);
    return lead;
  }

  /** Sets one default field; returns false for a field name the provider does not allow. */
  setLeadField(lead: SbLead, field: string, value: string): boolean {
    const property = FIELD_PROPERTY.get(field);
    if (!property || field === 'title' || field === 'country_code') return false;
    this.unindexPhones(lead);
    (lead as unknown as Record<string, unknown>)[property] = value;
    this.indexPhones(lead);
    return true;
  }

  /** MoveLead: every previous group assignment is replaced by the destination. */
  moveLead(lead: SbLead, groupId: number): void {
    lead.groupIds = [groupId];
  }

  /** CopyLead: one more group; copying twice does not duplicate the membership. */
  copyLead(lead: SbLead, groupId: number): void {
    if (!lead.groupIds.includes(groupId)) lead.groupIds.push(groupId);
  }

  removeFromGroup(lead: SbLead, groupId: number): void {
    lead.groupIds = lead.groupIds.filter((g) => g !== groupId);
  }

  /** Set semantics: adding a tag the lead already has changes nothing. */
  addLeadTags(lead: SbLead, tagIds: number[]): void {
    for (const id of tagIds) if (!lead.tagIds.includes(id)) lead.tagIds.push(id);
  }

  removeLeadTags(lead: SbLead, tagIds: number[]): void {
    lead.tagIds = lead.tagIds.filter((id) => !tagIds.includes(id));
  }

  // ---- members and credits -----------------------------------------------------------------

  activeMemberCount(): number {
    return this.data.members.filter((m) => m.status === 'Active').length;
  }

  addMember(input: Pick<SbMember, 'firstName' | 'lastName' | 'email' | 'inboundPhone'>, now: number): SbMember {
    const member: SbMember = {
      id: this.nextMemberId++,
      ...input,
      directNumber: '',
      timeZone: 'America/Los_Angeles',
      status: 'Active',
      createdAt: now,
    };
    this.data.members.push(member);
    return member;
  }

  deleteMember(id: number): boolean {
    const before = this.data.members.length;
    this.data.members = this.data.members.filter((m) => m.id !== id);
    return this.data.members.length < before;
  }

  // ---- lazy indexes ------------------------------------------------------------------------

  private existing(ids: Iterable<number>): SbLead[] {
    const out: SbLead[] = [];
    for (const id of ids) {
      const lead = this.leadsById.get(id);
      if (lead) out.push(lead);
    }
    return out;
  }

  private phones(): Map<string, Set<number>> {
    if (!this.phoneIndex) {
      this.phoneIndex = new Map();
      for (const lead of this.data.leads) this.indexPhones(lead);
    }
    return this.phoneIndex;
  }

  private indexPhones(lead: SbLead): void {
    if (!this.phoneIndex) return;
    for (const raw of [lead.phone, lead.mobile]) {
      const key = phoneKey(raw);
      if (!key) continue;
      let ids = this.phoneIndex.get(key);
      if (!ids) this.phoneIndex.set(key, (ids = new Set()));
      ids.add(lead.id);
    }
  }

  private unindexPhones(lead: SbLead): void {
    if (!this.phoneIndex) return;
    for (const raw of [lead.phone, lead.mobile]) this.phoneIndex.get(phoneKey(raw))?.delete(lead.id);
  }

  private activities(): Map<number, LeadActivity> {
    if (this.activityIndex) return this.activityIndex;
    const index = new Map<number, LeadActivity>();
    const slot = (leadId: number): LeadActivity => {
      let entry = index.get(leadId);
      if (!entry) index.set(leadId, (entry = { calls: [], sms: [], rvm: [], notes: [] }));
      return entry;
    };
    for (const c of this.data.calls) slot(c.leadId).calls.push(c);
    for (const s of this.data.sms) slot(s.leadId).sms.push(s);
    for (const r of this.data.rvm) slot(r.leadId).rvm.push(r);
    for (const n of this.data.notes) slot(n.leadId).notes.push(n);
    this.activityIndex = index;
    return index;
  }
}

function maxId(rows: ReadonlyArray<{ id: number }>, floor: number): number {
  let max = floor;
  for (const row of rows) if (row.id > max) max = row.id;
  return max;
}
