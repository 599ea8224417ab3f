import type { z } from 'zod';
import type { syncStatusSchema } from '../../shared/contract/workspace-schemas';
import { outboxOpSchema, type OutboxOp } from '../../shared/domain';
import { toCallsideError, type CallsideError } from '../../shared/errors';
import type { EventHub } from '../events';
import { CURSOR, readCursor } from '../sync/cursors';
import { discardOp, retryRejectedOp } from '../sync/outbox/agent-review';
import type { BackoffPolicy } from '../sync/outbox/backoff';
import type { FlushResult, SenderEvent } from '../sync/outbox/sender';
import type { SyncProgress } from '../sync/progress';
import type { HistoryCounts } from '../sync/workspace-sync';
import type { SyncReport } from '../sync/run-sync';
import { WorkspaceSync } from '../sync/workspace-sync';
import { lastRunSchema } from '../sync/last-run';
import type { ActiveWorkspace, RetireHook } from './workspace';

export type SyncStatus = z.infer<typeof syncStatusSchema>;

export interface OutboxLists {
  pending: OutboxOp[];
  failed: OutboxOp[];
}

export interface SyncRunResult {
  /** The outbox is pushed first, so the pull already sees the agent's changes applied. */
  pushed: FlushResult;
  pulled: SyncReport;
}

export interface SyncRunOptions {
  full?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncServiceOptions {
  workspaces: { active(): Promise<ActiveWorkspace>; onRetire?(hook: RetireHook): () => void };
  events?: Pick<EventHub, 'emit'>;
  /**
   * Deliver queued changes in the background as they are made (the desktop app). Without it
   * (the CLI) changes go out on push() and run() only.
   */
  background?: boolean;
  backoff?: BackoffPolicy;
  now?: () => Date;
  /** How this process names itself to another one that finds the outbox busy. */
  label?: string;
}

/**
 * Sync as the app and the CLI see it: run a full or incremental sync (push, then pull), push
 * the outbox alone, refresh one lead, review rejected changes, and a status for the UI's
 * status bar. Progress and status changes are emitted as 'sync.progress' / 'sync.status'.
 */
export class SyncService {
  private current: { workspace: WorkspaceSync; cache: ActiveWorkspace['cache'] } | null = null;
  private running: Promise<SyncRunResult> | null = null;
  private stop: AbortController | null = null;
  private online = true;
  private lastError: string | null = null;
  private readonly stopRetiring: () => void;

  constructor(private readonly options: SyncServiceOptions) {
    // The sender of a workspace stops (its op in flight settled) before that cache closes.
    this.stopRetiring = options.workspaces.onRetire?.((retiring) => this.release(retiring.cache)) ?? (() => {});
  }

  /** The sync machinery of the active workspace (rebuilt when the workspace changes). */
  async workspace(): Promise<WorkspaceSync> {
    const active = await this.options.workspaces.active();
    if (this.current?.cache === active.cache) return this.current.workspace;
    // No await from the check to the assignment: two callers never build two senders for one
    // cache. A previous workspace was released by its retirement, before its cache closed.
    const workspace = new WorkspaceSync({
      cache: active.cache,
      session: () => active.session(),
      ...(this.options.backoff ? { backoff: this.options.backoff } : {}),
      ...(this.options.now ? { now: this.options.now } : {}),
      ...(this.options.label ? { label: this.options.label } : {}),
      onSenderEvent: (event) => this.onSenderEvent(event),
    });
    this.current = { workspace, cache: active.cache };
    if (this.options.background) workspace.sender.start();
    return workspace;
  }

  async status(): Promise<SyncStatus> {
    const { cache } = await this.workspace();
    const [counts, lastRun] = await Promise.all([
      cache.outbox.counts(),
      readCursor(cache, CURSOR.lastRun, lastRunSchema),
    ]);
    return {
      online: this.online,
      running: this.running !== null,
      lastSyncAt: lastRun?.completedAt ?? null,
      lastError: this.lastError,
      ...counts,
    };
  }

  /** Pushes the outbox, then pulls. A second call while one runs joins it. */
  run(options: SyncRunOptions = {}): Promise<SyncRunResult> {
    this.running ??= (async () => {
      try {
        return await this.runOnce(this.withStop(options));
      } finally {
        this.running = null;
        await this.publishStatus();
      }
    })();
    return this.running;
  }

  /** Delivers what can go now, ignoring backoff (the agent asked); lifts an auth pause. */
  async push(options: { signal?: AbortSignal } = {}): Promise<FlushResult> {
    const { sender } = await this.workspace();
    sender.resume();
    const result = await sender.flush({ ...options, ignoreBackoff: true });
    await this.publishStatus();
    return result;
  }

  /** A change was queued: deliver it soon (background mode only). */
  kick(): void {
    this.current?.workspace.sender.kick();
  }

  async refreshLead(leadId: string, options: { signal?: AbortSignal } = {}): Promise<HistoryCounts> {
    const workspace = await this.workspace();
    const counts = await this.track(() => workspace.refreshLead(leadId, options));
    this.options.events?.emit('workspace.changed', { leadIds: [leadId] });
    return counts;
  }

  async outbox(): Promise<OutboxLists> {
    const { cache } = await this.workspace();
    const [pending, failed] = await Promise.all([cache.outbox.listPending(), cache.outbox.listFailed()]);
    // The published Op shape: the sender's own bookkeeping (seq, state, fields) stays inside.
    return { pending: pending.map(toOp), failed: failed.map(toOp) };
  }

  /** Puts a rejected op back in line; false when there is no rejected op with that id. */
  async retry(id: string): Promise<boolean> {
    const workspace = await this.workspace();
    const retried = await retryRejectedOp(workspace.cache, id);
    if (retried) this.kick();
    await this.publishStatus();
    return retried;
  }

  /** Gives up on a queued change, rejected or still waiting; false when there is none. */
  async discard(id: string): Promise<boolean> {
    const workspace = await this.workspace();
    const discarded = await discardOp(workspace.cache, id);
    await this.publishStatus();
    return discarded;
  }

  /**
   * Ends this service's work on the current workspace: a running sync is cancelled (not waited
   * out), because dispose comes before the workspace's cache is closed, e.g. on sign-out.
   */
  async dispose(): Promise<void> {
    await this.release(null);
  }

  /** Stops the work on one cache (null: whatever is current) and forgets it, if it is current. */
  private async release(cache: ActiveWorkspace['cache'] | null): Promise<void> {
    const current = this.current;
    if (!current || (cache !== null && current.cache !== cache)) return;
    // Both stop at once: the sender after the op in hand, the pull at its next page. Waiting for
    // the pull first would let the sender go on delivering while the pull waits its turn.
    this.stop?.abort();
    const senderStopped = current.workspace.dispose();
    await this.running?.catch(() => undefined);
    await senderStopped;
    if (this.current === current) this.current = null;
  }

  /** For a service that outlives its use (the CLI's per-command one): stop listening for retirements. */
  detach(): void {
    this.stopRetiring();
  }

  private withStop(options: SyncRunOptions): SyncRunOptions {
    const stop = new AbortController();
    this.stop = stop;
    return { ...options, signal: options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal };
  }

  private async runOnce(options: SyncRunOptions): Promise<SyncRunResult> {
    const workspace = await this.workspace();
    await this.publishStatus();
    return this.track(async () => {
      workspace.sender.resume();
      const pushed = await workspace.sender.flush({ ignoreBackoff: true, ...signalOf(options) });
      const pulled = await workspace.pull({
        full: options.full ?? false,
        ...signalOf(options),
        onProgress: (progress) => {
          options.onProgress?.(progress);
          this.options.events?.emit('sync.progress', progress);
        },
      });
      this.options.events?.emit('workspace.changed', { leadIds: null });
      return { pushed, pulled };
    });
  }

  /** Runs provider work, keeping the online flag and the last error up to date. */
  private async track<T>(work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      this.online = true;
      this.lastError = null;
      return result;
    } catch (error) {
      this.noteFailure(toCallsideError(error));
      throw error;
    }
  }

  private noteFailure(error: CallsideError): void {
    if (error.code === 'cancelled') return;
    if (error.code === 'network' || error.code === 'timeout') this.online = false;
    this.lastError = error.message;
  }

  private onSenderEvent(event: SenderEvent): void {
    if (event.type === 'delivered') {
      if (!event.keptLocal) this.online = true;
      if (event.op.leadId) this.options.events?.emit('workspace.changed', { leadIds: [event.op.leadId] });
    } else if (event.type === 'deferred' || event.type === 'paused') {
      this.noteFailure(event.error);
    } else {
      this.options.events?.emit('workspace.changed', { leadIds: event.op.leadId ? [event.op.leadId] : null });
    }
    void this.publishStatus();
  }

  private async publishStatus(): Promise<void> {
    if (!this.options.events) return;
    try {
      this.options.events.emit('sync.status', await this.status());
    } catch {
      // A status nobody could read (the workspace is closing) is not worth an error of its own.
    }
  }
}

function toOp(entry: OutboxOp): OutboxOp {
  return outboxOpSchema.parse(entry);
}

function signalOf(options: { signal?: AbortSignal }): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}
