import { CallsideError } from '../../../../shared/errors';
import type { CacheRepositories, OutboxEntry } from '../../../cache';
import { OP_KIND, type OpKind } from '../op-kinds';
import { leadAddHandler } from './add-lead';
import { leadUpdateHandler } from './fields';
import { leadCopyHandler, leadMoveHandler } from './groups';
import type { Confirmation, DeliveryContext, OpHandler } from './handler';
import { noteAddHandler } from './notes';
import { tagAddHandler, tagRemoveHandler } from './tags';
import { leadUnsubscribeHandler } from './unsubscribe';

export type { Confirmation, DeliveryContext, OpHandler } from './handler';

/** An op bound to its handler, its stored payload parsed once. */
export interface PreparedOp {
  remote: boolean;
  verify: ((ctx: DeliveryContext) => Promise<Confirmation | null>) | null;
  send(ctx: DeliveryContext): Promise<Confirmation>;
  settle(tx: CacheRepositories, confirmation: Confirmation): Promise<void>;
  reject(tx: CacheRepositories): Promise<void>;
  requeue(tx: CacheRepositories): Promise<void>;
  discard(tx: CacheRepositories): Promise<void>;
}

function bind<P>(handler: OpHandler<P>): (op: OutboxEntry) => PreparedOp {
  return (op) => {
    const parsed = handler.payload.safeParse(op.payload);
    if (!parsed.success) {
      throw new CallsideError('internal', `The queued "${op.kind}" change is not in a shape Callside can send.`);
    }
    const payload = parsed.data;
    const { verify } = handler;
    return {
      remote: handler.remote,
      verify: verify ? (ctx) => verify(payload, ctx) : null,
      send: (ctx) => handler.send(payload, ctx),
      settle: async (tx, confirmation) => handler.settle?.(tx, op, payload, confirmation),
      reject: async (tx) => handler.reject?.(tx, op, payload),
      requeue: async (tx) => handler.requeue?.(tx, op, payload),
      discard: async (tx) => handler.discard?.(tx, op, payload),
    };
  };
}

const HANDLERS: Record<OpKind, (op: OutboxEntry) => PreparedOp> = {
  [OP_KIND.tagAdd]: bind(tagAddHandler),
  [OP_KIND.tagRemove]: bind(tagRemoveHandler),
  [OP_KIND.leadUpdate]: bind(leadUpdateHandler),
  [OP_KIND.leadMove]: bind(leadMoveHandler),
  [OP_KIND.leadCopy]: bind(leadCopyHandler),
  [OP_KIND.leadUnsubscribe]: bind(leadUnsubscribeHandler),
  [OP_KIND.leadAdd]: bind(leadAddHandler),
  [OP_KIND.noteAdd]: bind(noteAddHandler),
};

/** Throws 'internal' for a kind this version cannot send or a payload it cannot read. */
export function prepareOp(op: OutboxEntry): PreparedOp {
  if (!Object.hasOwn(HANDLERS, op.kind)) {
    throw new CallsideError('internal', `Callside does not know how to send a "${op.kind}" change.`);
  }
  return HANDLERS[op.kind as OpKind](op);
}
