import type { TagOpPayload } from '../../../sync/outbox/op-kinds';
import { findRemoteLead } from './remote-lead';
import type { HpDelivery, HpDeliveryContext } from './index';

/** AddLeadTags / RemoveLeadTags: set semantics, so the end state is "these tags are (not) on it". */
function tagDelivery(wanted: 'present' | 'absent'): HpDelivery<TagOpPayload> {
  return {
    remote: true,
    async verify(payload, ctx: HpDeliveryContext) {
      const lead = await findRemoteLead(ctx.client, ctx.leadId, await ctx.candidateGroups(), ctx.options);
      if (!lead) return null;
      const onLead = new Set(lead.tags.map((tag) => tag.id));
      const reached = payload.tagIds.every((id) => onLead.has(id) === (wanted === 'present'));
      return reached ? {} : null;
    },
    async send(payload, ctx) {
      const params = { leadId: ctx.leadId, tagIds: payload.tagIds };
      if (wanted === 'present') await ctx.client.addLeadTags(params, ctx.options);
      else await ctx.client.removeLeadTags(params, ctx.options);
      return {};
    },
  };
}

export const tagAddDelivery = tagDelivery('present');
export const tagRemoveDelivery = tagDelivery('absent');
