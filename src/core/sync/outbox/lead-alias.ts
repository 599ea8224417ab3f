import { z } from 'zod';
import type { CacheRepositories } from '../../cache';
import { CURSOR, readCursor } from '../cursors';
import { isLocalLeadId } from '../local-ids';

/**
 * A lead added in Callside has a local id until Hot Prospector creates it. Ops queued for it
 * meanwhile keep the local id; once the provider's id is known it is recorded here, and those
 * ops are sent with it.
 */
const aliasSchema = z.object({ leadId: z.string() });

export function recordLeadAlias(repositories: Pick<CacheRepositories, 'syncCursors'>, localId: string, leadId: string) {
  return repositories.syncCursors.set(CURSOR.leadAlias(localId), { leadId });
}

/** The provider's id for `leadId`, or null for a local lead the provider has not created (yet). */
export async function providerLeadId(
  repositories: Pick<CacheRepositories, 'syncCursors'>,
  leadId: string,
): Promise<string | null> {
  if (!isLocalLeadId(leadId)) return leadId;
  return (await readCursor(repositories, CURSOR.leadAlias(leadId), aliasSchema))?.leadId ?? null;
}
