import { create } from 'zustand';
import { bridge } from '../bridge';
import { messageOf, nameProviderForErrors } from '../lib/errors';
import type { WorkspaceOverview } from '../lib/types';

/** The provider the workspace runs on, as the overview names it, and what it can do. */
export interface ProviderFacts {
  /** As an agent reads it: "Hot Prospector", "Callingly". */
  name: string;
  /** Capability names (providers.md 4.1): the UI offers only what is here. */
  capabilities: ReadonlySet<string>;
}

interface WorkspaceState {
  /** Groups with counts, account tags and custom fields: what filters and editors offer. */
  overview: WorkspaceOverview | null;
  /** null until the overview has said (or when an older core sends none). */
  provider: ProviderFacts | null;
  error: string | null;
  load(): Promise<void>;
}

let loadSeq = 0;

export const useWorkspaceStore = create<WorkspaceState>((set) => ({
  overview: null,
  provider: null,
  error: null,
  async load() {
    const seq = ++loadSeq;
    try {
      const overview = await bridge.invoke('workspace.overview', {});
      // Two reloads can overlap during a sync; only the newest answer is kept.
      if (seq !== loadSeq) return;
      const provider = overview.provider
        ? { name: overview.provider.name, capabilities: new Set(overview.provider.capabilities) }
        : null;
      set({ overview, provider, error: null });
    } catch (error) {
      if (seq === loadSeq) set({ error: messageOf(error) });
    }
  },
}));

// Error sentences name the workspace's provider ("Hipcall had a problem on its side").
nameProviderForErrors(() => useWorkspaceStore.getState().provider?.name ?? null);

/** The provider's name for sentences; "the provider" until the overview has said. */
export function useProviderName(): string {
  return useWorkspaceStore((state) => state.provider?.name ?? 'the provider');
}

/**
 * Whether the workspace's provider can do this. Before the overview has answered the controls
 * stay as they were (the bridge still refuses what the provider cannot do, at once).
 */
export function useCapability(capability: string): boolean {
  return useWorkspaceStore((state) => state.provider === null || state.provider.capabilities.has(capability));
}

export function groupTitle(overview: WorkspaceOverview | null, id: string): string {
  return overview?.groups.find((group) => group.id === id)?.title ?? `Group ${id}`;
}
