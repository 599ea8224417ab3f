import type { Cache } from '../cache';
import type { ProviderSession } from '../providers/port';
import { Exclusive } from './exclusive';
import type { BackoffPolicy } from './outbox/backoff';

export interface HistoryCounts {
  notes: number;
  activities: number;
}
import { OutboxSender, type SenderEvent } from './outbox/sender';
import { runSync, type RunSyncOptions, type SyncReport } from './run-sync';

export interface WorkspaceSyncOptions {
  cache: Cache;
  /** The account's provider session; building it must not touch the network. */
  session: () => Promise<ProviderSession>;
  backoff?: BackoffPolicy;
  /** The day the pull treats as today (tests pin it to the sandbox's). Backoff uses real time. */
  now?: () => Date;
  onSenderEvent?: (event: SenderEvent) => void;
  /** How this process names itself to another one that finds the outbox busy. */
  label?: string;
}

/**
 * Sync machinery of one workspace (one cache, one account): the outbox sender, the pull, and
 * the lock that keeps them from talking to the provider at the same moment.
 */
export class WorkspaceSync {
  readonly cache: Cache;
  readonly sender: OutboxSender;
  private readonly exclusive = new Exclusive();

  constructor(private readonly options: WorkspaceSyncOptions) {
    this.cache = options.cache;
    this.sender = new OutboxSender({
      cache: options.cache,
      session: options.session,
      exclusive: this.exclusive,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.onSenderEvent ? { onEvent: options.onSenderEvent } : {}),
      ...(options.label ? { label: options.label } : {}),
    });
  }

  session(): Promise<ProviderSession> {
    return this.options.session();
  }

  async pull(options: RunSyncOptions = {}): Promise<SyncReport> {
    const session = await this.options.session();
    const now = options.now ?? this.options.now;
    return runSync(
      { cache: this.cache, streams: session.streams(), exclusive: this.exclusive },
      { ...options, ...(now ? { now } : {}) },
    );
  }

  /** The lead's own history, now (the agent opened it), where the provider keeps one per lead. */
  async refreshLead(leadId: string, options: { signal?: AbortSignal } = {}): Promise<HistoryCounts> {
    const session = await this.options.session();
    if (!session.refreshLead) return { notes: 0, activities: 0 };
    return session.refreshLead(
      {
        cache: this.cache,
        exclusive: this.exclusive,
        full: false,
        now: this.options.now ?? (() => new Date()),
        ...(options.signal ? { signal: options.signal } : {}),
      },
      leadId,
    );
  }

  dispose(): Promise<void> {
    return this.sender.stop();
  }
}
