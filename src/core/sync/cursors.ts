import type { z } from 'zod';
import type { CacheRepositories } from '../cache';

/**
 * Typed access to the cache's sync cursors. A cursor is JSON written by an older (or newer)
 * version of this code; one that does not fit its schema is treated as absent, so the
 * resource starts over instead of failing every sync.
 */
export async function readCursor<T>(
  repositories: Pick<CacheRepositories, 'syncCursors'>,
  resource: string,
  schema: z.ZodType<T>,
): Promise<T | null> {
  const cursor = await repositories.syncCursors.get(resource);
  if (!cursor) return null;
  const parsed = schema.safeParse(cursor.value);
  return parsed.success ? parsed.data : null;
}

/** Cursor names, in one place so that no two resources share one by accident. */
export const CURSOR = {
  groups: 'groups',
  tags: 'tags',
  customFields: 'customFields',
  leads: 'leads',
  calls: 'calls',
  callCoverage: 'calls:coverage',
  sms: 'sms',
  transcripts: 'transcripts',
  notes: 'notes',
  metrics: 'metrics',
  lastRun: 'sync:last-run',
  leadHistory: (leadId: string) => `lead-history:${leadId}`,
  leadAlias: (localLeadId: string) => `lead-alias:${localLeadId}`,
  // Cursors of queued writes start with "outbox:" or "lead-alias:": a damaged cache's salvage
  // carries exactly those over (cache/salvage.ts, QUEUED_WRITE_CURSOR_PREFIXES).
  outboxInFlight: 'outbox:in-flight',
  outboxLease: 'outbox:lease',
} as const;
