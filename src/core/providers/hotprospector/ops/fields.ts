import type { Lead } from '../../../../shared/domain';
import type { UpdatableLeadField } from '../methods/leads';
import { normalizePhone } from '../../../normalize/phones';
import type { EditableLeadField, LeadUpdatePayload } from '../../../sync/outbox/op-kinds';
import { findRemoteLead } from './remote-lead';
import type { HpDelivery } from './index';

const WIRE_FIELD: Record<EditableLeadField, UpdatableLeadField> = {
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  phone: 'phone',
  mobile: 'mobile',
  company: 'company',
  website: 'website',
  city: 'city',
  state: 'state',
  zip: 'zip',
  address: 'address',
};

/** UpdateExistingLead sets one field per call; setting a field to a value is idempotent. */
export const leadUpdateDelivery: HpDelivery<LeadUpdatePayload> = {
  remote: true,
  async verify(payload, ctx) {
    const lead = await findRemoteLead(ctx.client, ctx.leadId, await ctx.candidateGroups(), ctx.options);
    return lead && changesOf(payload).every(([field, value]) => sameValue(lead, field, value)) ? {} : null;
  },
  async send(payload, ctx) {
    for (const [field, value] of changesOf(payload)) {
      await ctx.client.updateLead({ leadId: ctx.leadId, field: WIRE_FIELD[field], value }, ctx.options);
    }
    return {};
  },
};

function changesOf(payload: LeadUpdatePayload): Array<[EditableLeadField, string]> {
  return Object.entries(payload.changes).filter(
    (entry): entry is [EditableLeadField, string] => entry[1] !== undefined,
  );
}

/** Phones come back in E.164 whatever spelling was sent, so they are compared normalized. */
function sameValue(lead: Lead, field: EditableLeadField, value: string): boolean {
  if (field === 'phone' || field === 'mobile') {
    return normalizePhone(lead[field], lead.countryCode) === normalizePhone(value, lead.countryCode);
  }
  return lead[field] === value;
}
