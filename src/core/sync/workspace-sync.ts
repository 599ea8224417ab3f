import type { Cache } from '../cache';
import type { HotProspectorClient } from '../providers/hotprospector/client';
import { Exclusive } from './exclusive';
import type { BackoffPolicy } from './outbox/backoff';
import { OutboxSender, type SenderEvent } from './outbox/sender';
import { refreshLeadHistory, type HistoryCounts } from './pull/lead-history';
import { runSync, type RunSyncOptions, type SyncReport } from './run-sync';

export interface WorkspaceSyncOptions {
  cache: Cache;
  /** Building the client must not touch the network (Workspaces.active().client does not). */
  client: () => Promise<HotProspectorClient>;
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
      client: options.client,
      exclusive: this.exclusive,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.onSenderEvent ? { onEvent: options.onSenderEvent } : {}),
      ...(options.label ? { label: options.label } : {}),
    });
  }

  client(): Promise<HotProspectorClient> {
    return this.options.client();
  }

  async pull(options: RunSyncOptions = {}): Promise<SyncReport> {
    const client = await this.options.client();
    const now = options.now ?? this.options.now;
    return runSync({ cache: this.cache, client, exclusive: this.exclusive }, { ...options, ...(now ? { now } : {}) });
  }

  /** Notes and the lead's own logs, now (the agent opened the lead). */
  async refreshLead(leadId: string, options: { signal?: AbortSignal } = {}): Promise<HistoryCounts> {
    const client = await this.options.client();
    return refreshLeadHistory(
      {
        cache: this.cache,
        client,
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
