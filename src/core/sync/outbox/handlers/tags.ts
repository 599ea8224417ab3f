import { tagOpSchema, type TagOpPayload } from '../op-kinds';
import { findRemoteLead } from '../remote-lead';
import type { DeliveryContext, OpHandler } from './handler';

/** AddLeadTags / RemoveLeadTags: set semantics, so the end state is "these tags are (not) on it". */
function tagHandler(wanted: 'present' | 'absent'): OpHandler<TagOpPayload> {
  return {
    payload: tagOpSchema,
    remote: true,
    async verify(payload, ctx: DeliveryContext) {
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

export const tagAddHandler = tagHandler('present');
export const tagRemoveHandler = tagHandler('absent');
