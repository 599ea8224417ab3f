/**
 * The offline cache: SQLite behind one driver module, one repository per aggregate. No SQL
 * lives outside this folder; the rest of the app uses openCache() and the repositories.
 */
export { openCache, type OpenCacheOptions } from './open-cache';
export type { Cache, CacheRecovery, LeadView, OutboxOpInput } from './cache';
export type { CacheRepositories } from './repositories';
export type { LeadInput } from './repositories/lead-writer';
export type { LeadPatch } from './repositories/lead-patch';
export { CUSTOM_FIELD_PREFIX, fieldsTouchedBy } from './repositories/lead-patch';
export type { LeadListQuery, LeadOrder } from './repositories/lead-query';
export type { LeadsRepository, LeadPageResult } from './repositories/leads';
export type { SearchRepository } from './repositories/search';
export type { PhoneLookup } from './repositories/phones';
export type { ActivitiesRepository, TimelineOptions } from './repositories/activities';
export type { NotesRepository, LocalNoteInput } from './repositories/notes';
export type { OutboxRepository, OutboxEntry, OutboxState, EnqueueInput } from './repositories/outbox';
export type { SyncCursorsRepository, SyncCursor } from './repositories/sync-cursors';
export type { MetricsRepository } from './repositories/metrics';
export type { IntegrityReport, IntegrityMode } from './integrity';
export { CacheStorageError, isCorruptionError, type StorageFailure } from './storage-error';
export { LATEST_SCHEMA_VERSION } from './migrations';
export { isE164 } from './phone-digits';
