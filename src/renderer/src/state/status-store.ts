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
  runSync(): Promise<void>;
  loadOutbox(): Promise<void>;
  retry(id: string): Promise<void>;
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

  async runSync() {
    if (get().requested) return;
    set({ requested: true, error: null });
    try {
      get().applyStatus(await bridge.invoke('sync.run', { full: false }));
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
      void get().refresh();
    } catch (error) {
      set({ outboxError: messageOf(error) });
    }
  },

  applyStatus(sync) {
    const before = get().sync;
    // A fresh status supersedes an older failure to fetch one; its own lastError is shown as is.
    set({ sync, error: null, ...(sync.running ? {} : { progress: {} }) });
    // The outbox list follows the counts, so an open outbox view never shows delivered ops.
    const moved = !before || before.pending !== sync.pending || before.failed !== sync.failed;
    if (moved && get().outbox) void get().loadOutbox();
  },

  applyProgress(progress) {
    set((state) => ({ progress: { ...state.progress, [progress.resource]: progress } }));
  },
}));
