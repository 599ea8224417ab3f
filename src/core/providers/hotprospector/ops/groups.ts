import type { LeadCopyPayload, LeadMovePayload } from '../../../sync/outbox/op-kinds';
import { findInGroup } from './remote-lead';
import type { HpDelivery } from './index';

/** MoveLead: the lead ends up in the target group and in none of the groups it was in before. */
export const leadMoveDelivery: HpDelivery<LeadMovePayload> = {
  remote: true,
  async verify(payload, ctx) {
    if (!(await findInGroup(ctx.client, ctx.leadId, payload.groupId, ctx.options))) return null;
    for (const groupId of payload.fromGroupIds) {
      if (groupId === payload.groupId) continue;
      if (await findInGroup(ctx.client, ctx.leadId, groupId, ctx.options)) return null;
    }
    return {};
  },
  async send(payload, ctx) {
    await ctx.client.moveLead({ leadId: ctx.leadId, groupId: payload.groupId }, ctx.options);
    return {};
  },
};

/** CopyLead: the lead ends up (also) in the target group; copying twice changes nothing. */
export const leadCopyDelivery: HpDelivery<LeadCopyPayload> = {
  remote: true,
  async verify(payload, ctx) {
    return (await findInGroup(ctx.client, ctx.leadId, payload.groupId, ctx.options)) ? {} : null;
  },
  async send(payload, ctx) {
    await ctx.client.copyLead({ leadId: ctx.leadId, groupId: payload.groupId }, ctx.options);
    return {};
  },
};
