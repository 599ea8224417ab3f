import { create } from 'zustand';
import { bridge } from '../bridge';
import { messageOf } from '../lib/errors';
import type { WorkspaceOverview } from '../lib/types';

interface WorkspaceState {
  /** Groups with counts, account tags and custom fields: what filters and editors offer. */
  overview: WorkspaceOverview | null;
  error: string | null;
  load(): Promise<void>;
}

let loadSeq = 0;

export const useWorkspaceStore = create<WorkspaceState>((set) => ({
  overview: null,
  error: null,
  async load() {
    const seq = ++loadSeq;
    try {
      const overview = await bridge.invoke('workspace.overview', {});
      // Two reloads can overlap during a sync; only the newest answer is kept.
      if (seq === loadSeq) set({ overview, error: null });
    } catch (error) {
      if (seq === loadSeq) set({ error: messageOf(error) });
    }
  },
}));

export function groupTitle(overview: WorkspaceOverview | null, id: string): string {
  return overview?.groups.find((group) => group.id === id)?.title ?? `Group ${id}`;
}
