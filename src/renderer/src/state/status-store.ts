import { create } from 'zustand';
import { isCallsideError } from '../../../shared/errors';
import { bridge } from '../bridge';
import { messageOf } from '../lib/errors';
import type { OutboxList, SyncProgress, SyncStatus } from '../lib/types';

interface StatusState {
  sync: SyncStatus | null;
  /** Progress per resource of the sync running now; cleared when it ends. */
  progress: Readonly<Record<string, SyncProgress>>;
  outbox: OutboxList | null;
  /** A sync the agent asked for is being started. */
  requested: boolean;
  error: string | null;
  outboxError: string | null;
  load(): Promise<void>;
  refresh(): Promise<void>;
  /** `fresh`: a pull that starts after now (not one already under way) must read the leads. */
  runSync(options?: { fresh?: boolean }): Promise<void>;
  loadOutbox(): Promise<void>;
  /** The outbox view closed: stop following it. */
  forgetOutbox(): void;
  retry(id: string): Promise<void>;
  /** Gives up on a queued change (pending or refused), then syncs so the lead shows the provider's version. */
  discard(id: string): Promise<void>;
  applyStatus(status: SyncStatus): void;
  applyProgress(progress: SyncProgress): void;
}

const STATUS_RETRY_MS = 5_000;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

export const useStatusStore = create<StatusState>((set, get) => ({
  sync: null,
  progress: {},
  outbox: null,
  requested: false,
  error: null,
  outboxError: null,

  /**
   * First look at the workspace: a cache that has never been filled is synced right away, so
   * a fresh install shows leads without the agent hunting for a button.
   */
  async load() {
    await get().refresh();
    const sync = get().sync;
    if (sync && sync.lastSyncAt === null && !sync.running) await get().runSync();
  },

  async refresh() {
    try {
      get().applyStatus(await bridge.invoke('sync.status', {}));
    } catch (error) {
      set({ error: messageOf(error) });
      if (isCallsideError(error) && error.code === 'not_configured') return;
      // Often passing (the workspace was being switched): look again shortly rather than keep
      // a stale message up until the next event.
      retryTimer ??= setTimeout(() => {
        retryTimer = null;
        void get().refresh();
      }, STATUS_RETRY_MS);
    }
  },

  async runSync(options = {}) {
    // sync.run joins a sync already running, which may have read a lead before the change that
    // prompted this one; `fresh` then waits it out and starts another.
    const joining = options.fresh === true && (get().sync?.running === true || get().requested);
    if (get().requested && !options.fresh) return;
    set({ requested: true, error: null });
    try {
      let status = await bridge.invoke('sync.run', { full: false });
      if (joining) status = await bridge.invoke('sync.run', { full: false });
      get().applyStatus(status);
    } catch (error) {
      // Unreachable provider: the offline banner says so; a second red line would only repeat it.
      if (isCallsideError(error) && (error.code === 'network' || error.code === 'timeout')) void get().refresh();
      else set({ error: messageOf(error) });
    } finally {
      set({ requested: false });
    }
  },

  async loadOutbox() {
    try {
      set({ outbox: await bridge.invoke('outbox.list', {}), outboxError: null });
    } catch (error) {
      set({ outboxError: messageOf(error) });
    }
  },

  forgetOutbox() {
    set({ outbox: null, outboxError: null });
  },

  async retry(id) {
    try {
      set({ outbox: await bridge.invoke('outbox.retry', { id }), outboxError: null });
      void get().refresh();
    } catch (error) {
      set({ outboxError: messageOf(error) });
    }
  },

  async discard(id) {
    try {
      set({ outbox: await bridge.invoke('outbox.discard', { id }), outboxError: null });
    } catch (error) {
      // 'busy' (its request is on the wire this moment) says so in its own words: try again shortly.
      set({ outboxError: messageOf(error) });
      return;
    }
    // The lead still shows the discarded change locally until a pull brings Hot Prospector's
    // version back: sync now rather than leave the agent looking at a change that will never go out.
    await get().runSync({ fresh: true });
  },

  applyStatus(sync) {
    // A fresh status supersedes an older failure to fetch one; its own lastError is shown as is.
    set({ sync, error: null, ...(sync.running ? {} : { progress: {} }) });
    // While the outbox is open its list follows every status (one comes after each delivery
    // attempt): it never shows delivered ops, nor an attempt count or error older than the last try.
    if (get().outbox) void get().loadOutbox();
  },

  applyProgress(progress) {
    set((state) => ({ progress: { ...state.progress, [progress.resource]: progress } }));
  },
}));
