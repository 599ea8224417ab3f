import type { z } from 'zod';
import type { Cache, CacheRepositories, OutboxEntry } from '../../../cache';

/** What a provider's delivery of one op may use, besides its own client. */
export interface DeliveryContext {
  cache: Cache;
  /** The provider's id of the op's lead (a local id resolved once the provider created it). */
  leadId: string;
  options: { signal?: AbortSignal };
  /** Groups to look for the lead in, likeliest first: its cached groups, then every other. */
  candidateGroups(): Promise<string[]>;
}

/** The provider's word that an op took effect (or that it was settled locally). */
export interface Confirmation {
  /** The op was completed without the provider: a note the provider cannot store. */
  keptLocal?: boolean;
  /** The id the provider gave a lead created by the op. */
  createdLeadId?: string;
}

/**
 * The provider's half of an op: how it is delivered. Every delivery is idempotent in effect:
 * `send` states the desired end (tags present, field equal to a value, lead in a group), never
 * a delta, and `verify` reads whether that end is already reached so an op that may have
 * landed is not sent twice.
 */
export interface OpDelivery<P> {
  /** False when delivery never touches the network (nothing can be in flight). */
  remote: boolean;
  /** Null when the effect is not (known to be) in place: then the op is sent. */
  verify?(payload: P, ctx: DeliveryContext): Promise<Confirmation | null>;
  send(payload: P, ctx: DeliveryContext): Promise<Confirmation>;
}

/** The engine's half of an op: its payload and the local bookkeeping, the same for every provider. */
export interface OpBookkeeping<P> {
  payload: z.ZodType<P>;
  /** In the transaction that removes the confirmed op. */
  settle?(tx: CacheRepositories, op: OutboxEntry, payload: P, confirmation: Confirmation): Promise<void>;
  /** When the op is rejected for good. */
  reject?(tx: CacheRepositories, op: OutboxEntry, payload: P): Promise<void>;
  /** When the agent puts a rejected op back in line. */
  requeue?(tx: CacheRepositories, op: OutboxEntry, payload: P): Promise<void>;
  /** Local traces to remove when the agent discards the op. */
  discard?(tx: CacheRepositories, op: OutboxEntry, payload: P): Promise<void>;
}
