import type { Cache, CacheRepositories, OutboxEntry } from '../../cache';
import { prepareOp, type PreparedOp } from './handlers';

/**
 * What the agent can do with an op the provider rejected: put it back in line (in its original
 * place) or give up on it. Both only apply to rejected ops; pending ones are the sender's.
 */
export function retryRejectedOp(cache: Cache, id: string): Promise<boolean> {
  return cache.transaction(async (tx) => {
    const op = await rejectedOp(tx, id);
    if (!op) return false;
    await preparedOrNull(op)?.requeue(tx);
    return tx.outbox.retry(id);
  });
}

export function discardRejectedOp(cache: Cache, id: string): Promise<boolean> {
  return cache.transaction(async (tx) => {
    const op = await rejectedOp(tx, id);
    if (!op) return false;
    await preparedOrNull(op)?.discard(tx);
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
