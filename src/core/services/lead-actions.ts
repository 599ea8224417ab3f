import { randomUUID } from 'node:crypto';
import type { Lead, Note, TagRef } from '../../shared/domain';
import { CallsideError } from '../../shared/errors';
import type { Cache, LeadPatch } from '../cache';
import { normalizePhone } from '../normalize/phones';
import { LOCAL_LEAD_PREFIX } from '../sync/local-ids';
import {
  EDITABLE_LEAD_FIELDS,
  OP_KIND,
  type EditableLeadField,
  type LeadAddPayload,
  type NewLeadInput,
} from '../sync/outbox/op-kinds';
import type { WorkspaceSync } from '../sync/workspace-sync';
import { resolveTags } from './tag-refs';
import { unsupported, type Capability } from '../providers/port';

export interface LeadChange {
  lead: Lead;
  opId: string;
}

export interface NoteChange {
  note: Note;
  opId: string;
}

export interface NewLeadRequest {
  groupId: string;
  lead: NewLeadInput;
  tags?: string[];
}

/** The slice of SyncService the actions need: where to write, and a nudge to deliver. */
export interface ActionTarget {
  workspace(): Promise<WorkspaceSync>;
  kick(): void;
}

const MAX_NOTE_LENGTH = 10_000;

/**
 * What the agent does to a lead. Each action is the optimistic local change and its outbox op
 * in one transaction (the agent sees it at once, online or not), then a nudge to the sender.
 * Input is checked here, before anything is queued: an op the provider would refuse for a
 * reason we can see now is never queued.
 */
export class LeadActions {
  constructor(private readonly target: ActionTarget) {}

  async addTags(leadId: string, tags: readonly string[]): Promise<LeadChange> {
    return this.changeTags(leadId, 'add', tags);
  }

  async removeTags(leadId: string, tags: readonly string[]): Promise<LeadChange> {
    return this.changeTags(leadId, 'remove', tags);
  }

  async changeTags(leadId: string, action: 'add' | 'remove', tags: readonly string[]): Promise<LeadChange> {
    await this.require('tags.write', 'change tags');
    const cache = await this.cache();
    const lead = await requireLead(cache, leadId);
    const refs = await resolveTags(cache, tags);
    if (refs.length === 0) throw new CallsideError('invalid_request', 'Name at least one tag.');
    const ids = new Set(refs.map((tag) => tag.id));
    const next: TagRef[] =
      action === 'add'
        ? [...lead.tags.filter((tag) => !ids.has(tag.id)), ...refs]
        : lead.tags.filter((tag) => !ids.has(tag.id));
    const kind = action === 'add' ? OP_KIND.tagAdd : OP_KIND.tagRemove;
    return this.change(cache, leadId, { tags: next }, { kind, payload: { tagIds: [...ids] } });
  }

  async addNote(leadId: string, text: string): Promise<NoteChange> {
    const cache = await this.cache();
    await requireLead(cache, leadId);
    const body = text.trim();
    if (body === '') throw new CallsideError('invalid_request', 'The note is empty.');
    if (body.length > MAX_NOTE_LENGTH) {
      throw new CallsideError('invalid_request', `A note can be at most ${MAX_NOTE_LENGTH} characters.`);
    }
    const { note, op } = await cache.addLocalNote({ leadId, text: body }, { kind: OP_KIND.noteAdd });
    this.target.kick();
    return { note, opId: op.id };
  }

  async updateFields(leadId: string, changes: Partial<Record<EditableLeadField, string>>): Promise<LeadChange> {
    await this.require('leads.update', "change a lead's details");
    const cache = await this.cache();
    const lead = await requireLead(cache, leadId);
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    if (entries.length === 0) throw new CallsideError('invalid_request', 'Name at least one field to change.');
    const patch: LeadPatch = {};
    const sent: Partial<Record<EditableLeadField, string>> = {};
    for (const [field, raw] of entries) {
      if (!isEditable(field)) {
        throw new CallsideError(
          'invalid_request',
          `"${field}" cannot be changed here; these can: ${EDITABLE_LEAD_FIELDS.join(', ')}.`,
        );
      }
      const value = (raw as string).trim();
      const shown = field === 'phone' || field === 'mobile' ? normalizePhone(value, lead.countryCode) : value;
      patch[field] = shown;
      sent[field] = shown;
    }
    return this.change(cache, leadId, patch, { kind: OP_KIND.leadUpdate, payload: { changes: sent } });
  }

  /** 'move' leaves every other group (Hot Prospector's MoveLead); 'copy' adds one. */
  async moveToGroup(leadId: string, groupId: string, mode: 'move' | 'copy'): Promise<LeadChange> {
    await this.require('groups.move', `${mode} a lead to another group`);
    const cache = await this.cache();
    const lead = await requireLead(cache, leadId);
    await requireGroup(cache, groupId);
    if (mode === 'move') {
      const payload = { groupId, fromGroupIds: lead.groupIds };
      return this.change(cache, leadId, { groupIds: [groupId] }, { kind: OP_KIND.leadMove, payload });
    }
    const groupIds = lead.groupIds.includes(groupId) ? lead.groupIds : [...lead.groupIds, groupId];
    return this.change(cache, leadId, { groupIds }, { kind: OP_KIND.leadCopy, payload: { groupId } });
  }

  async unsubscribe(leadId: string): Promise<LeadChange> {
    await this.require('leads.unsubscribe', 'unsubscribe a lead');
    const cache = await this.cache();
    await requireLead(cache, leadId);
    return this.change(cache, leadId, { unsubscribed: true }, { kind: OP_KIND.leadUnsubscribe, payload: {} });
  }

  /**
   * The lead appears at once under a local id; once Hot Prospector creates it, it carries the
   * provider's id (ops queued for it meanwhile follow).
   */
  async addLead(request: NewLeadRequest): Promise<LeadChange> {
    await this.require('leads.create', 'create a lead');
    const workspace = await this.target.workspace();
    const { cache } = workspace;
    await requireGroup(cache, request.groupId);
    const input = request.lead;
    if (![input.email, input.phone, input.mobile].some((value) => value?.trim())) {
      throw new CallsideError('invalid_request', 'A new lead needs an e-mail, a phone or a mobile number.');
    }
    const tags = await resolveTags(cache, request.tags ?? []);
    const lead = localLead(input, request.groupId, tags, (await workspace.session()).provider);
    const payload: LeadAddPayload = { groupId: request.groupId, lead: input, tagIds: tags.map((tag) => tag.id) };
    const op = await cache.transaction(async (tx) => {
      await tx.leads.upsertPage([lead]);
      return tx.outbox.enqueue({ kind: OP_KIND.leadAdd, leadId: lead.id, payload });
    });
    this.target.kick();
    return { lead, opId: op.id };
  }

  private async cache(): Promise<Cache> {
    return (await this.target.workspace()).cache;
  }

  /** What the provider cannot do fails at once, naming it, and nothing is queued. */
  private async require(capability: Capability, what: string): Promise<void> {
    const session = await (await this.target.workspace()).session();
    if (!session.capabilities.has(capability)) throw unsupported(session, what);
  }

  private async change(
    cache: Cache,
    leadId: string,
    patch: LeadPatch,
    op: { kind: string; payload: unknown },
  ): Promise<LeadChange> {
    const { lead, op: entry } = await cache.changeLead(leadId, patch, op);
    this.target.kick();
    return { lead, opId: entry.id };
  }
}

async function requireLead(cache: Cache, leadId: string): Promise<Lead> {
  const lead = await cache.leads.get(leadId);
  if (!lead) throw new CallsideError('not_found', `Lead ${leadId} is not in the cache. Run a sync first.`);
  return lead;
}

async function requireGroup(cache: Cache, groupId: string): Promise<void> {
  const groups = await cache.groups.list();
  if (!groups.some((group) => group.id === groupId)) {
    throw new CallsideError('invalid_request', `No group has the id "${groupId}".`);
  }
}

function isEditable(field: string): field is EditableLeadField {
  return (EDITABLE_LEAD_FIELDS as readonly string[]).includes(field);
}

function localLead(input: NewLeadInput, groupId: string, tags: TagRef[], provider: Lead['provider']): Lead {
  const countryCode = input.countryCode ?? '';
  return {
    id: `${LOCAL_LEAD_PREFIX}${randomUUID()}`,
    provider,
    firstName: input.firstName ?? '',
    lastName: input.lastName ?? '',
    email: input.email ?? '',
    phone: normalizePhone(input.phone ?? '', countryCode),
    mobile: normalizePhone(input.mobile ?? '', countryCode),
    company: input.company ?? '',
    website: input.website ?? '',
    city: input.city ?? '',
    state: input.state ?? '',
    zip: input.zip ?? '',
    address: input.address ?? '',
    countryCode,
    groupIds: [groupId],
    tags,
    customFields: { ...input.customFields },
    unsubscribed: false,
  };
}
