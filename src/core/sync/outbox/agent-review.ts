import { CallsideError } from '../../../shared/errors';
import type { Cache, CacheRepositories, OutboxEntry } from '../../cache';
import { leaseHolder } from './delivery-lease';
import { prepareOp, type PreparedOp } from './handlers';
import { markInFlight, opInFlight } from './in-flight';

/**
 * What the agent can do with a queued op: put a rejected one back in line (in its original
 * place), or give up on any op, rejected or still waiting (one that can never go through must
 * not hold up the rest for ever).
 */
export function retryRejectedOp(cache: Cache, id: string): Promise<boolean> {
  return cache.transaction(async (tx) => {
    const op = await rejectedOp(tx, id);
    if (!op) return false;
    await preparedOrNull(op)?.requeue(tx);
    return tx.outbox.retry(id);
  });
}

export function discardOp(cache: Cache, id: string): Promise<boolean> {
  return cache.transaction(async (tx) => {
    const op = await tx.outbox.get(id);
    if (!op) return false;
    const inFlight = (await opInFlight(tx)) === id;
    if (inFlight && (await leaseHolder(tx)) !== null) {
      // Its request may be on the wire this moment; the sender settles it either way.
      throw new CallsideError('busy', 'This change is being sent right now. Try again in a moment.');
    }
    await preparedOrNull(op)?.discard(tx);
    // A mark left by a process that died mid-send: nobody will verify a discarded op.
    if (inFlight) await markInFlight(tx, null);
    return tx.outbox.discard(id);
  });
}

async function rejectedOp(tx: CacheRepositories, id: string): Promise<OutboxEntry | null> {
  const op = await tx.outbox.get(id);
  return op?.state === 'failed' ? op : null;
}

/** An op this version cannot read has no local traces it knows how to tidy. */
function preparedOrNull(op: OutboxEntry): PreparedOp | null {
  try {
    return prepareOp(op);
  } catch {
    return null;
  }
}
