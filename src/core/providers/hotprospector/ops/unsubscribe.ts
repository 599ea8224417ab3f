import type { LeadUnsubscribePayload } from '../../../sync/outbox/op-kinds';
import type { HpDelivery } from './index';

/**
 * Un_SubscribeLead sets a flag, so sending it again changes nothing. It cannot be verified:
 * lead searches do not report the flag. After an attempt that may have landed it is simply
 * sent again, which is safe in effect (at least once, not exactly once, on the wire).
 */
export const leadUnsubscribeDelivery: HpDelivery<LeadUnsubscribePayload> = {
  remote: true,
  async send(_payload, ctx) {
    await ctx.client.unsubscribeLead({ by: 'leadId', value: ctx.leadId }, ctx.options);
    return {};
  },
};
