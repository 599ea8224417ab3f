import { create } from 'zustand';
import type { Lead } from '../../../shared/domain';
import { bridge } from '../bridge';
import { describeError, messageOf } from '../lib/errors';
import type { LeadView } from '../lib/types';
import { useQueueStore } from './queue-store';
import { useStatusStore } from './status-store';

type LeadAction = 'tags' | 'note' | 'move' | 'unsubscribe';

interface LeadState {
  leadId: string | null;
  view: LeadView | null;
  state: 'idle' | 'loading' | 'ready' | 'missing' | 'error';
  loadError: string | null;
  /** The action running now, so its button can say so and not be pressed twice. */
  busy: LeadAction | null;
  /** The last action's failure, shown beside the lead until the next action. */
  actionError: { action: LeadAction; message: string; detail: string | null } | null;
  open(leadId: string): Promise<void>;
  close(): void;
  reload(): Promise<void>;
  changeTags(action: 'add' | 'remove', tags: string[]): Promise<boolean>;
  addNote(text: string): Promise<boolean>;
  move(groupId: string, mode: 'move' | 'copy'): Promise<boolean>;
  unsubscribe(): Promise<boolean>;
}

let openSeq = 0;

/**
 * Opening a lead also asks the provider for that lead's own history (notes, texts, drops),
 * which a sync reads only for recently active leads. Not for every lead the agent steps past
 * with `n`: only once the lead has stayed open a moment, and not again within a few minutes.
 */
const REFRESH_AFTER_MS = 400;
const REFRESH_AGAIN_AFTER_MS = 3 * 60_000;
const refreshedAt = new Map<string, number>();
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

export const useLeadStore = create<LeadState>((set, get) => {
  /** Fetches the open lead; answers for a lead the agent has already left are dropped. */
  const load = async (leadId: string, quiet: boolean) => {
    const seq = ++openSeq;
    if (!quiet) set({ state: 'loading', loadError: null });
    try {
      const view = await bridge.invoke('lead.open', { leadId });
      if (seq !== openSeq || get().leadId !== leadId) return;
      set(view ? { view, state: 'ready', loadError: null } : { view: null, state: 'missing' });
    } catch (error) {
      if (seq !== openSeq || get().leadId !== leadId) return;
      // A failed background refresh keeps what is on screen; only a first load shows the error.
      if (!quiet || !get().view) set({ state: 'error', loadError: messageOf(error) });
    }
  };

  /**
   * Every agent action answers with the lead as changed locally (and queued for the provider);
   * it goes on screen at once, in the queue row too, then a quiet reload picks up the notes'
   * and timeline's own state.
   */
  const act = async (action: LeadAction, run: (leadId: string) => Promise<Lead | null>): Promise<boolean> => {
    const leadId = get().leadId;
    if (!leadId || get().busy) return false;
    set({ busy: action, actionError: null });
    try {
      const lead = await run(leadId);
      if (lead) {
        useQueueStore.getState().replaceLead(lead);
        const view = get().view;
        if (get().leadId === leadId && view) set({ view: { ...view, lead } });
      }
      void useStatusStore.getState().refresh();
      if (get().leadId === leadId) await load(leadId, true);
      return true;
    } catch (error) {
      if (get().leadId === leadId) set({ actionError: { action, ...describeError(error) } });
      return false;
    } finally {
      set({ busy: null });
    }
  };

  const scheduleRefresh = (leadId: string) => {
    if (refreshTimer) clearTimeout(refreshTimer);
    const last = refreshedAt.get(leadId);
    if (last !== undefined && Date.now() - last < REFRESH_AGAIN_AFTER_MS) return;
    refreshTimer = setTimeout(async () => {
      refreshTimer = null;
      if (get().leadId !== leadId) return;
      refreshedAt.set(leadId, Date.now());
      try {
        await bridge.invoke('lead.refresh', { leadId });
        if (get().leadId === leadId) await load(leadId, true);
      } catch {
        // Offline or refused: the cached history stays on screen and the status bar says why.
        refreshedAt.delete(leadId);
      }
    }, REFRESH_AFTER_MS);
  };

  return {
    leadId: null,
    view: null,
    state: 'idle',
    loadError: null,
    busy: null,
    actionError: null,

    async open(leadId) {
      if (get().leadId === leadId && get().state === 'ready') return;
      // The previous lead stays on screen until this one arrives (a frame or two), so stepping
      // through the queue with n does not flash an empty pane between leads.
      set({ leadId, actionError: null, busy: null });
      scheduleRefresh(leadId);
      await load(leadId, false);
    },

    close() {
      openSeq += 1;
      if (refreshTimer) clearTimeout(refreshTimer);
      set({ leadId: null, view: null, state: 'idle', loadError: null, actionError: null, busy: null });
    },

    async reload() {
      const leadId = get().leadId;
      if (leadId) await load(leadId, true);
    },

    changeTags: (action, tags) =>
      act('tags', async (leadId) => (await bridge.invoke('lead.tags', { leadId, action, tags })).lead),

    addNote: (text) =>
      act('note', async (leadId) => {
        const { note } = await bridge.invoke('lead.note', { leadId, text });
        // Shown at once with its "pending" badge, before the reload confirms it.
        const view = get().view;
        if (view && view.lead.id === leadId) set({ view: { ...view, notes: [note, ...view.notes] } });
        return null;
      }),

    move: (groupId, mode) =>
      act('move', async (leadId) => (await bridge.invoke('lead.move', { leadId, groupId, mode })).lead),

    unsubscribe: () => act('unsubscribe', async (leadId) => (await bridge.invoke('lead.unsubscribe', { leadId })).lead),
  };
});
