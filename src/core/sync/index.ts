/**
 * Sync: pulling the provider's data into the cache (per resource, resumable, page by page) and
 * pushing the agent's queued changes out of the outbox (one ordered sender, exactly once in
 * effect). Hosts use it through services/sync-service.ts and services/lead-actions.ts.
 */
export { WorkspaceSync, type WorkspaceSyncOptions } from './workspace-sync';
export { runSync, type RunSyncOptions, type SyncReport, type SyncTarget } from './run-sync';
export { Exclusive } from './exclusive';
export type { SyncProgress, ProgressListener } from './progress';
export type { PullCounts } from './pull/context';
export type { HistoryCounts } from './workspace-sync';
export { OutboxSender, type FlushOptions, type FlushResult, type SenderEvent } from './outbox/sender';
export { DEFAULT_BACKOFF, type BackoffPolicy } from './outbox/backoff';
export { judgeFailure, type FailureVerdict } from './outbox/failure-policy';
export {
  OP_KIND,
  EDITABLE_LEAD_FIELDS,
  type OpKind,
  type EditableLeadField,
  type NewLeadInput,
} from './outbox/op-kinds';
export { discardOp, retryRejectedOp } from './outbox/agent-review';
export { isLocalLeadId } from './local-ids';
