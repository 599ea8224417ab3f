import { z } from 'zod';
import type { CacheRepositories } from '../../../cache';
import { CURSOR, readCursor } from '../../../sync/cursors';

/**
 * The first day the account call log has been read from. Calls on or after it come from the
 * account log (ids `call:<recordingId>`); a lead's own call log has no call ids, so it is read
 * only for the days before, and the same call never appears twice in a timeline.
 */
const coverageSchema = z.object({ from: z.string() });

export async function callLogCoverageStart(repositories: Pick<CacheRepositories, 'syncCursors'>) {
  return (await readCursor(repositories, CURSOR.callCoverage, coverageSchema))?.from ?? null;
}

export async function extendCallLogCoverage(
  repositories: Pick<CacheRepositories, 'syncCursors'>,
  from: string,
): Promise<void> {
  const current = await callLogCoverageStart(repositories);
  if (current === null || from < current) await repositories.syncCursors.set(CURSOR.callCoverage, { from });
}
