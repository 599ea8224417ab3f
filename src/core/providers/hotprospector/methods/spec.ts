import type { CallsideError } from '../../../../shared/errors';
import type { ReadContext } from '../wire/context';
import { readEnvelope } from '../wire/envelope';
import { envelopeRecord, type WireRecord } from '../wire/record';

/** A request body without `Method` and credentials; the transport adds those. */
export type WireParams = Record<string, unknown>;

/**
 * One entry of the Method catalog: what to send, whether it changes data, how to read the
 * answer. V1 and V2 share the catalog; only the transport differs.
 */
export interface MethodSpec<P, R> {
  /** The exact router `Method` value, legacy spelling included (AddcustomField, Un_SubscribeLead). */
  readonly method: string;
  /** Writes are never retried blindly by the transport. */
  readonly write: boolean;
  /** Builds the body with the docs' wire names. Throws invalid_request for input the server would refuse. */
  toWire(params: P): WireParams;
  /** Reads a success answer (`response: "true"`). */
  read(answer: WireRecord, params: P, ctx: ReadContext): R;
  /**
   * Turns a `response: "false"` answer into a result when it is a normal outcome ("No tag found"
   * on a list read). Returning undefined lets the error through.
   */
  whenRejected?(error: CallsideError, params: P, ctx: ReadContext): R | undefined;
}

export function defineMethod<P, R>(spec: MethodSpec<P, R>): MethodSpec<P, R> {
  return spec;
}

/**
 * The policy for collection reads: "No … found" means the collection is empty, which the cache
 * must be able to store (a lead whose last note was deleted); auth and validation failures still
 * throw, so an empty list never hides a broken account.
 */
export function emptyWhenNotFound<R>(empty: () => R): (error: CallsideError) => R | undefined {
  return (error) => (error.code === 'not_found' ? empty() : undefined);
}

/** Envelope check, rejection policy, then the Method's own reader: the whole life of an answer. */
export function interpretAnswer<P, R>(spec: MethodSpec<P, R>, body: unknown, params: P, ctx: ReadContext): R {
  const envelope = readEnvelope(spec.method, body);
  if (!envelope.ok) {
    const outcome = spec.whenRejected?.(envelope.error, params, ctx);
    if (outcome !== undefined) return outcome;
    throw envelope.error;
  }
  return spec.read(envelopeRecord(spec.method, envelope.fields), params, ctx);
}
