import type { Cache } from '../core/cache';
import { CallsideError } from '../shared/errors';
import type { FlushResult } from '../core/sync';

export type DeliveryStatus = 'delivered' | 'kept_local' | 'queued' | 'failed';

export interface DeliveryReport {
  status: DeliveryStatus;
  /** Why it is still queued or was rejected; null once it went through. */
  message: string | null;
}

/**
 * What happened to one queued op after the CLI pushed the outbox. A write with the network
 * down is not an error for the CLI: the change is made locally and queued, and says so.
 */
export async function deliveryOf(
  cache: Cache,
  opId: string,
  push: FlushResult,
  whenDone: 'delivered' | 'kept_local' = 'delivered',
): Promise<DeliveryReport> {
  const op = await cache.outbox.get(opId);
  if (!op) return { status: whenDone, message: null };
  if (op.state === 'failed') return { status: 'failed', message: op.lastError };
  return { status: 'queued', message: op.lastError ?? push.stoppedBy?.message ?? 'Waiting for earlier changes.' };
}

/** `provider` as an agent reads it ("Hot Prospector"), from the workspace's session. */
export function describeDelivery(report: DeliveryReport, provider: string): string {
  switch (report.status) {
    case 'delivered':
      return `sent to ${provider}`;
    case 'kept_local':
      return `kept in Callside (${provider} cannot store it)`;
    case 'queued':
      return `queued; it will be sent when ${provider} can be reached (${report.message})`;
    case 'failed':
      return `rejected by ${provider}: ${report.message}`;
  }
}

/** The workspace's provider as an agent reads it; "the provider" when its session cannot be had. */
export async function providerNameOf(sync: { workspace(): Promise<{ session(): Promise<{ name: string }> }> }) {
  const session = await (await sync.workspace()).session().catch(() => null);
  return session?.name ?? 'the provider';
}

/**
 * A change the provider refused is a failed command (exit 1, one error line), though it stays
 * in the outbox for the agent to retry or discard.
 */
export function failIfRejected(report: DeliveryReport, opId: string): void {
  if (report.status !== 'failed') return;
  throw new CallsideError(
    'invalid_request',
    `${report.message} The change is kept in the outbox as ${opId}: ` +
      'see "callside outbox", then "callside outbox retry ID" or "callside outbox discard ID".',
  );
}
