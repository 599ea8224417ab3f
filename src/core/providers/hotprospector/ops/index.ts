import type { DeliveryContext, OpDeliveries, OpDelivery } from '../../../sync/outbox/handlers';
import { OP_KIND } from '../../../sync/outbox/op-kinds';
import type { HotProspectorClient } from '../client';
import { leadAddDelivery } from './add-lead';
import { leadUpdateDelivery } from './fields';
import { leadCopyDelivery, leadMoveDelivery } from './groups';
import { noteAddDelivery } from './notes';
import { tagAddDelivery, tagRemoveDelivery } from './tags';
import { leadUnsubscribeDelivery } from './unsubscribe';

/** A delivery as Hot Prospector's ops see it: the engine's context plus this account's client. */
export interface HpDeliveryContext extends DeliveryContext {
  client: HotProspectorClient;
}

export interface HpDelivery<P> {
  remote: boolean;
  verify?(payload: P, ctx: HpDeliveryContext): ReturnType<NonNullable<OpDelivery<P>['verify']>>;
  send(payload: P, ctx: HpDeliveryContext): ReturnType<OpDelivery<P>['send']>;
}

function bind<P>(delivery: HpDelivery<P>, client: HotProspectorClient): OpDelivery<never> {
  const { verify } = delivery;
  const bound: OpDelivery<P> = {
    remote: delivery.remote,
    send: (payload, ctx) => delivery.send(payload, { ...ctx, client }),
    ...(verify ? { verify: (payload: P, ctx: DeliveryContext) => verify(payload, { ...ctx, client }) } : {}),
  };
  return bound as OpDelivery<never>;
}

/** Every op kind Hot Prospector can apply, delivered through this account's client. */
export function hotProspectorOps(client: HotProspectorClient): OpDeliveries {
  return {
    [OP_KIND.tagAdd]: bind(tagAddDelivery, client),
    [OP_KIND.tagRemove]: bind(tagRemoveDelivery, client),
    [OP_KIND.leadUpdate]: bind(leadUpdateDelivery, client),
    [OP_KIND.leadMove]: bind(leadMoveDelivery, client),
    [OP_KIND.leadCopy]: bind(leadCopyDelivery, client),
    [OP_KIND.leadUnsubscribe]: bind(leadUnsubscribeDelivery, client),
    [OP_KIND.leadAdd]: bind(leadAddDelivery, client),
    [OP_KIND.noteAdd]: bind(noteAddDelivery, client),
  };
}
