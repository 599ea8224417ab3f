import { CallsideError } from '../../../shared/errors';
import type { Cache, OutboxEntry } from '../../cache';
import type { ProviderSession } from '../../providers/port';
import type { Exclusive } from '../exclusive';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff';
import { busyError, DeliveryLease, DEFAULT_LEASE_TTL_MS } from './delivery-lease';
import { asCallsideError, failedByProvider, judgeFailure, MAX_PROVIDER_FAILURES } from './failure-policy';
import { prepareOp, type DeliveryContext, type PreparedOp } from './handlers';
import { markInFlight, opInFlight } from './in-flight';
import { providerLeadId } from './lead-alias';
import { OP_KIND } from './op-kinds';

export type SenderEvent =
  | { type: 'delivered'; op: OutboxEntry; keptLocal: boolean }
  | { type: 'rejected'; op: OutboxEntry; reason: string }
  | { type: 'deferred'; op: OutboxEntry; error: CallsideError; retryAt: string }
  | { type: 'paused'; error: CallsideError };

export interface OutboxSenderOptions {
  cache: Cache;
  /** The account's provider session (building it never touches the network). */
  session: () => Promise<ProviderSession>;
  exclusive: Exclusive;
  backoff?: BackoffPolicy;
  clock?: () => number;
  onEvent?: (event: SenderEvent) => void;
  /** How this process names itself to another one waiting for the outbox ("the desktop app"). */
  label?: string;
  leaseTtlMs?: number;
}

/** How soon a sender that found the outbox busy in another process looks again. */
const BUSY_RECHECK_MS = 2_000;

export interface FlushOptions {
  signal?: AbortSignal;
  /** Try the first op now even if its backoff has not run out (the agent asked to sync). */
  ignoreBackoff?: boolean;
}

export interface FlushResult {
  delivered: number;
  keptLocal: number;
  rejected: number;
  /** Left in the outbox afterwards. */
  pending: number;
  failed: number;
  /** Why delivery stopped before the queue was empty, if it did. */
  stoppedBy: { code: string; message: string; retryAt: string | null } | null;
  paused: boolean;
}

type Outcome =
  | 'delivered'
  | 'kept_local'
  | 'rejected'
  /** The op left the line while we held it (the agent discarded it): nothing to do. */
  | 'gone'
  | { stop: CallsideError; retryAt: string | null };

/**
 * The one ordered sender. It takes the oldest pending op, delivers it, and only then the next:
 * an op that fails transiently holds the line (later ops may depend on it: tag, then untag),
 * with a growing backoff. Its whole state is in the outbox table and the in-flight mark, so
 * a restart resumes exactly where the last process stopped.
 */
export class OutboxSender {
  private readonly backoff: BackoffPolicy;
  private readonly clock: () => number;
  private queue: Promise<unknown> = Promise.resolve();
  private pausedBy: CallsideError | null = null;
  private background = false;
  /** Stopped for good (the workspace is closing): a running drain ends after its current op. */
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  /** Shared with every other process that opens this cache: only its holder sends. */
  private readonly lease: DeliveryLease;
  private readonly leaseTtlMs: number;

  constructor(private readonly options: OutboxSenderOptions) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.clock = options.clock ?? Date.now;
    this.leaseTtlMs = options.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS;
    this.lease = new DeliveryLease(options.cache, {
      ttlMs: this.leaseTtlMs,
      ...(options.label ? { label: options.label } : {}),
    });
  }

  get paused(): boolean {
    return this.pausedBy !== null;
  }

  /** Delivers pending ops in order until the queue is empty or an op cannot go yet. */
  flush(options: FlushOptions = {}): Promise<FlushResult> {
    const run = this.queue.then(() => this.drain(options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Background delivery: on every kick, and again when a backoff runs out. */
  start(): void {
    this.background = true;
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.background = false;
    this.clearTimer();
    await this.queue;
  }

  /** Something was queued (or the network may be back): deliver soon, in the background. */
  kick(): void {
    if (!this.background || this.paused) return;
    this.clearTimer();
    this.flush().then(
      (result) => this.scheduleRetry(result),
      () => undefined,
    );
  }

  /** Lifts a pause after the credentials were refused (account changed, agent asked to sync). */
  resume(): void {
    this.pausedBy = null;
    this.kick();
  }

  private async drain(options: FlushOptions): Promise<FlushResult> {
    const { cache } = this.options;
    const tally = { delivered: 0, keptLocal: 0, rejected: 0 };
    if (this.paused || this.stopped || (await cache.outbox.counts()).pending === 0) return this.drained(tally, null);
    const lease = await this.lease.acquire();
    if (!lease.ok) {
      const retryAt = new Date(Math.min(lease.holder.expiresAtMs, Date.now() + BUSY_RECHECK_MS)).toISOString();
      return this.drained(tally, { code: 'busy', message: busyError(lease.holder).message, retryAt });
    }
    // A long op must not let the lease lapse under it: renew well before it would.
    const renewal = setInterval(() => void this.lease.acquire().catch(() => undefined), this.leaseTtlMs / 3);
    renewal.unref();
    try {
      return await this.drainHolding(options, tally);
    } finally {
      clearInterval(renewal);
      await this.lease.release().catch(() => undefined);
    }
  }

  private async drainHolding(
    options: FlushOptions,
    tally: { delivered: number; keptLocal: number; rejected: number },
  ): Promise<FlushResult> {
    const { cache } = this.options;
    let stoppedBy: FlushResult['stoppedBy'] = null;
    while (!this.paused && !this.stopped) {
      const [op] = await cache.outbox.listPending(1);
      if (!op) break;
      if (!options.ignoreBackoff && op.nextAttemptAt !== null && Date.parse(op.nextAttemptAt) > this.clock()) {
        stoppedBy = { code: 'waiting', message: op.lastError ?? 'Waiting to try again.', retryAt: op.nextAttemptAt };
        break;
      }
      const outcome = await this.options.exclusive.run(() => this.attempt(op, options.signal));
      if (outcome === 'delivered') tally.delivered += 1;
      else if (outcome === 'kept_local') tally.keptLocal += 1;
      else if (outcome === 'rejected') tally.rejected += 1;
      else if (outcome !== 'gone') {
        stoppedBy = { code: outcome.stop.code, message: outcome.stop.message, retryAt: outcome.retryAt };
        break;
      }
    }
    return this.drained(tally, stoppedBy);
  }

  private async drained(
    tally: { delivered: number; keptLocal: number; rejected: number },
    stoppedBy: FlushResult['stoppedBy'],
  ): Promise<FlushResult> {
    const counts = await this.options.cache.outbox.counts();
    const pause = this.pausedBy ? { code: this.pausedBy.code, message: this.pausedBy.message, retryAt: null } : null;
    return { ...tally, ...counts, stoppedBy: stoppedBy ?? pause, paused: this.paused };
  }

  private async attempt(op: OutboxEntry, signal: AbortSignal | undefined): Promise<Outcome> {
    let prepared: PreparedOp;
    try {
      const session = await this.options.session();
      prepared = prepareOp(op, session.ops, session.name);
    } catch (error) {
      return this.settleFailure(op, null, asCallsideError(error));
    }
    const mayHaveLanded = op.attempts > 0 || (await opInFlight(this.options.cache)) === op.id;
    try {
      const ctx = await this.deliveryContext(op, signal);
      let confirmation = mayHaveLanded && prepared.verify ? await prepared.verify(ctx) : null;
      if (!confirmation) {
        if (prepared.remote && !(await this.claim(op))) return 'gone';
        confirmation = await prepared.send(ctx);
      }
      const settled = confirmation;
      // Confirming the op and its local bookkeeping are one commit: a crash between them would
      // show a change as done while it is still queued (or the other way round).
      const confirmed = await this.options.cache.transaction(async (tx) => {
        await this.lease.hold(tx);
        const stillQueued = await tx.outbox.confirm(op.id);
        if (stillQueued) await prepared.settle(tx, settled);
        await markInFlight(tx, null);
        return stillQueued;
      });
      if (!confirmed) return 'gone';
      this.options.onEvent?.({ type: 'delivered', op, keptLocal: settled.keptLocal === true });
      return settled.keptLocal ? 'kept_local' : 'delivered';
    } catch (error) {
      return this.settleFailure(op, prepared, asCallsideError(error));
    }
  }

  /**
   * Marks the op in flight (committed before its request goes out), if it is still pending and
   * this sender still holds the outbox: one transaction, so no other sender, in this process
   * or another, can be sending it too, and an op the agent discarded a moment ago is not sent.
   */
  private claim(op: OutboxEntry): Promise<boolean> {
    return this.options.cache.transaction(async (tx) => {
      await this.lease.hold(tx);
      const current = await tx.outbox.get(op.id);
      if (current?.state !== 'pending') return false;
      await markInFlight(tx, op.id);
      return true;
    });
  }

  private async deliveryContext(op: OutboxEntry, signal: AbortSignal | undefined): Promise<DeliveryContext> {
    const { cache } = this.options;
    const leadId = op.leadId === null ? null : await providerLeadId(cache, op.leadId);
    if (op.leadId !== null && leadId === null && op.kind !== OP_KIND.leadAdd) {
      throw new CallsideError(
        'not_found',
        'The lead was never created at the provider (adding it failed or was discarded).',
      );
    }
    return {
      cache,
      leadId: leadId ?? op.leadId ?? '',
      options: signal ? { signal } : {},
      async candidateGroups() {
        const own = op.leadId ? ((await cache.leads.get(op.leadId))?.groupIds ?? []) : [];
        return [...own, ...(await cache.groups.list()).map((group) => group.id)];
      },
    };
  }

  private async settleFailure(
    op: OutboxEntry,
    prepared: PreparedOp | null,
    error: CallsideError,
    verdict = judgeFailure(error),
  ): Promise<Outcome> {
    const { cache } = this.options;
    switch (verdict) {
      case 'permanent':
        await cache.transaction(async (tx) => {
          await prepared?.reject(tx);
          await tx.outbox.markFailed(op.id, error.message);
          await markInFlight(tx, null);
        });
        this.options.onEvent?.({ type: 'rejected', op, reason: error.message });
        return 'rejected';
      case 'transient': {
        const byProvider = failedByProvider(error);
        if (byProvider && op.providerFailures + 1 >= MAX_PROVIDER_FAILURES) {
          const reason = `Gave up after ${MAX_PROVIDER_FAILURES} failed attempts: ${error.message}`;
          return this.settleFailure(op, prepared, new CallsideError('remote', reason), 'permanent');
        }
        const retryAt = new Date(this.clock() + retryDelayMs(op.attempts + 1, this.backoff)).toISOString();
        // Counting the attempt is what makes the next one verify first: it may have landed.
        await cache.transaction(async (tx) => {
          await tx.outbox.recordAttemptFailure(op.id, error.message, retryAt, byProvider);
          await markInFlight(tx, null);
        });
        this.options.onEvent?.({ type: 'deferred', op, error, retryAt });
        return { stop: error, retryAt };
      }
      case 'busy':
        // Another process holds the outbox now: it verifies and delivers this op. Record nothing.
        return { stop: error, retryAt: new Date(Date.now() + BUSY_RECHECK_MS).toISOString() };
      case 'pause':
        // The in-flight mark stays: if an earlier attempt may have landed, the next one still verifies.
        this.pausedBy = error;
        this.options.onEvent?.({ type: 'paused', error });
        return { stop: error, retryAt: null };
      case 'cancelled':
      case 'fatal':
        // Nothing is recorded: a cancelled send keeps its in-flight mark and is verified next time.
        throw error;
    }
  }

  private scheduleRetry(result: FlushResult): void {
    if (!this.background || result.paused || !result.stoppedBy?.retryAt) return;
    const wait = Math.max(0, Date.parse(result.stoppedBy.retryAt) - this.clock());
    this.timer = setTimeout(() => this.kick(), wait);
    // A pending retry must not keep a CLI process (or a test) alive.
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
