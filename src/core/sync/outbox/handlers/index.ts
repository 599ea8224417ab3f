import { CallsideError } from '../../../../shared/errors';
import type { CacheRepositories, OutboxEntry } from '../../../cache';
import { OP_KIND, type OpKind } from '../op-kinds';
import { BOOKKEEPING } from './bookkeeping';
import type { Confirmation, DeliveryContext, OpDelivery } from './handler';

export type { Confirmation, DeliveryContext, OpBookkeeping, OpDelivery } from './handler';
export { BOOKKEEPING } from './bookkeeping';

/** A provider's deliveries, by op kind: the kinds it can apply. */
export type OpDeliveries = Partial<Record<OpKind, OpDelivery<never>>>;

/** An op bound to its bookkeeping (and its provider's delivery, when one is given), its payload parsed once. */
export interface PreparedOp {
  remote: boolean;
  verify: ((ctx: DeliveryContext) => Promise<Confirmation | null>) | null;
  send(ctx: DeliveryContext): Promise<Confirmation>;
  settle(tx: CacheRepositories, confirmation: Confirmation): Promise<void>;
  reject(tx: CacheRepositories): Promise<void>;
  requeue(tx: CacheRepositories): Promise<void>;
  discard(tx: CacheRepositories): Promise<void>;
}

/**
 * Throws 'internal' for a kind this version cannot read or a payload it cannot parse, and
 * 'unsupported' when `deliveries` are given and the provider has none for the kind.
 */
export function prepareOp(op: OutboxEntry, deliveries?: OpDeliveries, providerName = 'This provider'): PreparedOp {
  if (!Object.values(OP_KIND).includes(op.kind as OpKind)) {
    throw new CallsideError('internal', `Callside does not know how to send a "${op.kind}" change.`);
  }
  const kind = op.kind as OpKind;
  const book = BOOKKEEPING[kind];
  const parsed = book.payload.safeParse(op.payload);
  if (!parsed.success) {
    throw new CallsideError('internal', `The queued "${op.kind}" change is not in a shape Callside can send.`);
  }
  const payload = parsed.data;
  const delivery = deliveries?.[kind] as OpDelivery<unknown> | undefined;
  if (deliveries && !delivery) {
    throw new CallsideError('unsupported', `${providerName} cannot apply a "${op.kind}" change.`);
  }
  const { verify } = delivery ?? {};
  return {
    remote: delivery?.remote ?? false,
    verify: verify ? (ctx) => verify(payload, ctx) : null,
    send: (ctx) => {
      if (!delivery) throw new CallsideError('internal', 'An op was sent without its provider.');
      return delivery.send(payload, ctx);
    },
    settle: async (tx, confirmation) => book.settle?.(tx, op, payload, confirmation),
    reject: async (tx) => book.reject?.(tx, op, payload),
    requeue: async (tx) => book.requeue?.(tx, op, payload),
    discard: async (tx) => book.discard?.(tx, op, payload),
  };
}
