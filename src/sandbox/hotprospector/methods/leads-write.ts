import { fieldText, isRecord } from '../request-fields';
import { DEFAULT_LEAD_FIELDS, type HotProspectorState, type LeadFieldName, type NewLead } from '../state';
import { phoneKey } from '../text';
import type { SbLead } from '../types';
import { MISSING_PARAMETER, applied, byDoc, fail, type MethodContext, type MethodSpec } from './method';

/** Lead writes: unsubscribe, field update, group moves, add/remove single, bulk add. */

/** The documented bulk limit ("Maximum 100 leads per request"). */
export const MAX_LEADS_PER_REQUEST = 100;
/** The docs give no error text for the limit; this reuses the parameter table's sentence. */
export const TOO_MANY_LEADS_MESSAGE = 'Maximum 100 leads per request.';
const NO_CONTACT = 'Either email or phone or mobile field required';

const UPDATABLE_FIELDS = new Set([
  'first_name',
  'last_name',
  'email',
  'mobile',
  'phone',
  'city',
  'state',
  'zip',
  'address',
  'company',
  'website',
  'additional_Info',
]);
const DEFAULT_FIELD_NAMES = new Set<string>(DEFAULT_LEAD_FIELDS.map(([name]) => name));
/** Request keys that are routing or credentials, never lead data. */
const RESERVED = new Set(['api_uId', 'api_key', 'Method', 'groupId', 'tagId', 'locationId', 'Data', 'leads_array']);

/** Default fields by name; "any other field is treated as a custom field" (AddSingleLead doc). */
function newLeadFrom(fields: Record<string, unknown>, state: HotProspectorState): NewLead {
  const lead: NewLead = { custom: {} };
  for (const [key, value] of Object.entries(fields)) {
    if (RESERVED.has(key)) continue;
    const text = fieldText(value);
    if (DEFAULT_FIELD_NAMES.has(key)) lead[key as LeadFieldName] = text;
    else if (text !== '' && lead.custom) lead.custom[state.field(key)?.key ?? key] = text;
  }
  return lead;
}

function hasContact(lead: NewLead): boolean {
  return Boolean(lead.email || lead.phone || lead.mobile);
}

/** Same e-mail or same phone number as a lead already in the group. */
function duplicateIn(state: HotProspectorState, groupId: number, lead: NewLead): boolean {
  const email = (lead.email ?? '').toLowerCase();
  const phones = [lead.phone ?? '', lead.mobile ?? ''].map(phoneKey).filter((k) => k !== '');
  const candidates = [...(email ? state.leadsByEmail(email) : []), ...phones.flatMap((p) => state.leadsByPhone(p))];
  return candidates.some((c) => c.groupIds.includes(groupId));
}

function validTagIds(ctx: MethodContext): number[] {
  return ctx.params
    .list('tagId')
    .map(Number)
    .filter((id) => Number.isInteger(id) && ctx.state.tag(id) !== undefined);
}

const Un_SubscribeLead: MethodSpec = {
  name: 'Un_SubscribeLead',
  write: true,
  authFailure: 'login',
  variants: ['v1', 'v2'],
  handle: ({ params, state, variant }) => {
    const by = params.str('unsubscribeBy');
    const value = params.str('unsubscribeValue');
    let leads: SbLead[];
    if (by === 'leadId') {
      const lead = /^\d+$/.test(value) ? state.lead(Number(value)) : undefined;
      leads = lead ? [lead] : [];
    } else if (by === 'email') leads = state.leadsByEmail(value);
    else if (by === 'phone') leads = state.leadsByPhone(value).filter((l) => phoneKey(l.phone) === phoneKey(value));
    else if (by === 'mobile') leads = state.leadsByPhone(value).filter((l) => phoneKey(l.mobile) === phoneKey(value));
    else return fail('Invalid unsubscribeBy value');
    const first = leads[0];
    if (!first) return fail(`No such lead exist against provided unsubscribeValue:${value}`);
    for (const lead of leads) lead.unsubscribed = true;
    return applied({
      response: 'true',
      leadId: String(first.id),
      unsubscribeBy: by,
      unsubscribeValue: value,
      // Two spaces before "has": the V1 doc's text, kept as sent.
      message: byDoc(variant, `${by} (${value})  has been successfully unsubscribed`, 'Lead has been unsubscribed'),
    });
  },
};

const UpdateExistingLead: MethodSpec = {
  name: 'UpdateExistingLead',
  write: true,
  authFailure: 'login',
  variants: ['v1', 'v2'],
  handle: ({ params, state, variant }) => {
    const rawId = params.str('LeadId');
    const id = params.id('LeadId');
    const lead = id === null ? undefined : state.lead(id);
    if (!lead) return fail(byDoc(variant, `No record found for provided leadId: ${rawId} `, 'Invalid LeadId'));
    const field = params.str('LeadField');
    if (!UPDATABLE_FIELDS.has(field) || params.fields.LeadData === undefined) return fail(MISSING_PARAMETER);
    const data = params.str('LeadData');
    state.setLeadField(lead, field, data);
    return applied({
      response: 'true',
      LeadId: rawId,
      UserField: field,
      UserData: data,
      message: byDoc(variant, 'Lead Field Updated Successfully', 'Lead has been successfully updated'),
    });
  },
};

function groupMove(kind: 'move' | 'copy'): MethodSpec {
  const groupKey = `${kind}GroupId`;
  return {
    name: kind === 'move' ? 'MoveLead' : 'CopyLead',
    write: true,
    authFailure: 'login',
    variants: ['v1', 'v2'],
    handle: ({ params, state, variant }) => {
      const combined = `Invalid LeadId or ${groupKey}`;
      const id = params.id('LeadId');
      const lead = id === null ? undefined : state.lead(id);
      if (!lead) return fail(combined);
      const rawGroup = params.str(groupKey);
      const groupId = params.id(groupKey);
      if (groupId === null || !state.group(groupId)) {
        return fail(byDoc(variant, `No Records Found for provided ${groupKey} ${rawGroup}`, combined));
      }
      if (kind === 'move') state.moveLead(lead, groupId);
      else state.copyLead(lead, groupId);
      const verb = kind === 'move' ? 'moved' : 'copied';
      return applied({
        response: 'true',
        LeadId: params.str('LeadId'),
        [groupKey]: rawGroup,
        message: byDoc(variant, `Lead ${verb} Successfully`, `Lead has been successfully ${verb}`),
      });
    },
  };
}

const AddSingleLead: MethodSpec = {
  name: 'AddSingleLead',
  write: true,
  authFailure: 'login',
  variants: ['v1', 'v2'],
  handle: (ctx) => {
    const { params, state, variant } = ctx;
    const rawGroup = params.str('groupId');
    const groupId = params.id('groupId');
    if (groupId === null || !state.group(groupId)) {
      return fail(
        byDoc(variant, `No records found for provided groupId: ${rawGroup}`, 'Lead already exists or groupId invalid'),
      );
    }
    const input = newLeadFrom(params.fields, state);
    if (!hasContact(input)) return fail(NO_CONTACT);
    if (duplicateIn(state, groupId, input)) return fail('Lead already exists or groupId invalid');
    const lead = state.addLead(input, groupId, validTagIds(ctx));
    return applied({
      response: 'true',
      // A number in the V1 doc, a string in the V2 doc.
      AddedleadId: variant === 'v2' ? String(lead.id) : lead.id,
      groupId: rawGroup,
      message: byDoc(variant, 'Lead has been added successfully', 'Lead has been successfully added'),
    });
  },
};

const RemoveSingleLead: MethodSpec = {
  name: 'RemoveSingleLead',
  write: true,
  authFailure: 'login',
  variants: ['v1', 'v2'],
  handle: ({ params, state, variant }) => {
    const email = params.str('email').toLowerCase();
    const phones = [params.str('phone'), params.str('mobile')].map(phoneKey).filter((k) => k !== '');
    if (!email && phones.length === 0) return fail(NO_CONTACT);
    const groupId = params.id('groupId');
    const lead = state.data.leads.find(
      (l) =>
        groupId !== null &&
        l.groupIds.includes(groupId) &&
        ((email !== '' && l.email.toLowerCase() === email) ||
          phones.includes(phoneKey(l.phone)) ||
          phones.includes(phoneKey(l.mobile))),
    );
    if (!lead || groupId === null) return fail('Lead not found in group');
    state.removeFromGroup(lead, groupId);
    return applied({
      response: 'true',
      RemovedleadId: variant === 'v2' ? String(lead.id) : lead.id,
      groupId: params.str('groupId'),
      message: byDoc(variant, 'Group successfully removed from Lead', 'Lead has been successfully removed'),
    });
  },
};

const AddMultipleLeads: MethodSpec = {
  name: 'AddMultipleLeads',
  write: true,
  authFailure: 'login',
  variants: ['v1', 'v2'],
  handle: (ctx) => {
    const { params, state, variant } = ctx;
    const rawGroup = params.str('groupId');
    const groupId = params.id('groupId');
    if (groupId === null || !state.group(groupId)) {
      return fail(byDoc(variant, `No records found for provided groupId: ${rawGroup}`, 'Invalid groupId'));
    }
    const rows = params.records('leads_array');
    if (!rows || rows.length === 0) return fail(MISSING_PARAMETER);
    if (rows.length > MAX_LEADS_PER_REQUEST) return fail(TOO_MANY_LEADS_MESSAGE);
    const tagIds = validTagIds(ctx);
    // The provider queues the batch and skips unusable rows silently; the sandbox applies it at
    // once so a test can read the result right after the answer.
    for (const row of rows) {
      if (!isRecord(row)) continue;
      const input = newLeadFrom(row, state);
      if (hasContact(input) && !duplicateIn(state, groupId, input)) state.addLead(input, groupId, tagIds);
    }
    return applied({
      response: 'true',
      message: byDoc(
        variant,
        'Add leads request has been successfully submitted to the queue and will be processed shortly',
        'Leads are added to Queue for Processing',
      ),
    });
  },
};

export const LEAD_WRITE_METHODS = [
  Un_SubscribeLead,
  UpdateExistingLead,
  groupMove('move'),
  groupMove('copy'),
  AddSingleLead,
  RemoveSingleLead,
  AddMultipleLeads,
];
