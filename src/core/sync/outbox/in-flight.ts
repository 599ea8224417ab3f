import { z } from 'zod';
import type { CacheRepositories } from '../../cache';
import { CURSOR, readCursor } from '../cursors';

/**
 * The op whose request may be on the wire right now. It is written (and committed) before the
 * request goes out and cleared in the same transaction that confirms or records the outcome.
 * If the process dies in between, the next sender finds the mark and checks with the provider
 * whether the write landed before sending it again: that is what keeps a restart from
 * applying an operation twice.
 */
const inFlightSchema = z.object({ opId: z.string().nullable() });

export async function opInFlight(repositories: Pick<CacheRepositories, 'syncCursors'>): Promise<string | null> {
  return (await readCursor(repositories, CURSOR.outboxInFlight, inFlightSchema))?.opId ?? null;
}

export function markInFlight(repositories: Pick<CacheRepositories, 'syncCursors'>, opId: string | null) {
  return repositories.syncCursors.set(CURSOR.outboxInFlight, { opId });
}
