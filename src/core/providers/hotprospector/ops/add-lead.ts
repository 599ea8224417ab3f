import type { Lead } from '../../../../shared/domain';
import type { NewLead } from '../methods/leadInput';
import type { LeadAddPayload } from '../../../sync/outbox/op-kinds';
import type { HpDelivery, HpDeliveryContext } from './index';

/**
 * AddSingleLead creates a record, so it is the one op that is not naturally idempotent. After
 * an attempt that may have landed (a dropped connection, a restart mid-send), the target
 * group is searched by e-mail, then phone, then mobile before sending again; a match is the
 * lead that attempt created.
 */
export const leadAddDelivery: HpDelivery<LeadAddPayload> = {
  remote: true,
  async verify(payload, ctx) {
    const found = await findCreated(payload, ctx);
    return found ? { createdLeadId: found.id } : null;
  },
  async send(payload, ctx) {
    const lead: NewLead = { ...payload.lead };
    const added = await ctx.client.addLead({ groupId: payload.groupId, lead, tagIds: payload.tagIds }, ctx.options);
    return { createdLeadId: added.leadId };
  },
};

async function findCreated(payload: LeadAddPayload, ctx: HpDeliveryContext): Promise<Lead | null> {
  const { email, phone, mobile } = payload.lead;
  const probes = [
    { searchField: 'email' as const, value: email, same: (lead: Lead) => sameText(lead.email, email) },
    { searchField: 'phone' as const, value: phone, same: (lead: Lead) => sameDigits(lead.phone, phone) },
    { searchField: 'mobile' as const, value: mobile, same: (lead: Lead) => sameDigits(lead.mobile, mobile) },
  ];
  for (const probe of probes) {
    if (!probe.value?.trim()) continue;
    const rows = await ctx.client.searchLeads(
      { groupId: payload.groupId, searchField: probe.searchField, searchText: probe.value },
      ctx.options,
    );
    const match = rows.find(probe.same);
    if (match) return match;
  }
  return null;
}

function sameText(a: string, b: string | undefined): boolean {
  return b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Compared on the last ten digits: "+15551234567" and "(555) 123-4567" are the same number. */
function sameDigits(a: string, b: string | undefined): boolean {
  const last10 = (text: string) => text.replace(/\D/g, '').slice(-10);
  return b !== undefined && last10(a) !== '' && last10(a) === last10(b);
}
