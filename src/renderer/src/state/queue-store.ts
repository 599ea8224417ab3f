import { create } from 'zustand';
import type { ListedLead } from '../../../shared/contract/workspace-schemas';
import type { Lead } from '../../../shared/domain';
import { bridge } from '../bridge';
import { messageOf } from '../lib/errors';
import type { LeadOrder } from '../lib/types';
import { useWorkspaceStore } from './workspace-store';

/** Rows per leads.list call: a few screens of rows, small enough to answer in a frame. */
export const PAGE_SIZE = 200;
/**
 * Pages kept in memory around what is on screen. Scrolling through 100,000 leads must not
 * keep 100,000 leads: pages far from the viewport are dropped and fetched again if needed.
 */
const KEEP_PAGES = 12;
/** How many of the rows after an opened lead `n` remembers: more than leave the list in one sync. */
const WALK_AHEAD = 50;

export interface QueueFilters {
  groupId: string | null;
  /** A tag id (the overview's tag list feeds the filter). */
  tag: string | null;
  search: string;
  order: LeadOrder;
}

export const DEFAULT_FILTERS: QueueFilters = { groupId: null, tag: null, search: '', order: 'queue' };

interface QueueState {
  filters: QueueFilters;
  /** Bumped on every filter change: answers that arrive for an older query are dropped. */
  generation: number;
  /** Sparse: page number → its leads. */
  pages: ReadonlyMap<number, readonly ListedLead[]>;
  /** Rows the list shows. Exact once `complete`; before that it may end in one loader row. */
  count: number;
  complete: boolean;
  /** The first page of the current query is on its way. */
  loading: boolean;
  selectedIndex: number;
  /** `n` was pressed on the last lead: the list says it ended instead of starting over. */
  atEnd: boolean;
  error: string | null;
  setFilters(patch: Partial<QueueFilters>): void;
  reset(): void;
  ensureRange(first: number, last: number): void;
  refresh(): void;
  /** The overview's counts changed (a sync page landed): resize an unfiltered or group list. */
  syncCount(): void;
  select(index: number): void;
  move(delta: number): number;
  replaceLead(lead: Lead): void;
  /** A lead was opened (from the list, a key, a screen pop): remember the rows that followed it. */
  noteOpened(leadId: string | null): void;
  /**
   * The lead `n` opens after `openId`: the first of the rows that followed it when it was opened
   * that is still listed (the list may have reordered or lost rows since, a sync or a filter),
   * else the row after it now. 'end' past the last lead; null when the row is not loaded yet.
   */
  next(openId: string | null): Promise<ListedLead | 'end' | null>;
}

/** The `n` walk: the lead opened last, the ids that followed it then, and the leads `n` opened. */
interface Walk {
  leadId: string;
  generation: number;
  after: readonly string[];
  visited: Set<string>;
}
let walk: Walk | null = null;

export function leadAt(state: Pick<QueueState, 'pages'>, index: number): ListedLead | undefined {
  return state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}

/**
 * What the overview knows about the size of this query. Search and tag filters have no count
 * in the contract, so those lists grow page by page as the agent scrolls.
 */
function knownCount(filters: QueueFilters): number | null {
  if (filters.search.trim() || filters.tag) return null;
  const overview = useWorkspaceStore.getState().overview;
  if (!overview) return null;
  if (filters.groupId === null) return overview.totalLeads;
  return overview.groups.find((group) => group.id === filters.groupId)?.leadCount ?? null;
}

const inFlight = new Set<string>();
/** Pages asked for again while a fetch was running: fetched once more when it ends. */
const dirty = new Set<string>();
let visible = { first: 0, last: 0 };

export const useQueueStore = create<QueueState>((set, get) => {
  const fetchPage = async (page: number): Promise<void> => {
    const { filters, generation } = get();
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    try {
      const search = filters.search.trim();
      const result = await bridge.invoke('leads.list', {
        order: filters.order,
        limit: PAGE_SIZE,
        offset: page * PAGE_SIZE,
        ...(filters.groupId === null ? {} : { groupId: filters.groupId }),
        ...(filters.tag === null ? {} : { tag: filters.tag }),
        ...(search ? { search } : {}),
      });
      if (get().generation !== generation) return;
      set((state) => {
        const pages = new Map(state.pages);
        pages.set(page, result.leads);
        evictFarPages(pages);
        const end = page * PAGE_SIZE + result.leads.length;
        // The page that reports no more rows fixes the count; otherwise keep room for the next.
        const count = result.hasMore ? Math.max(state.count, end + 1) : end;
        return {
          pages,
          count,
          complete: !result.hasMore,
          atEnd: state.atEnd && !result.hasMore,
          loading: false,
          error: null,
          selectedIndex: Math.min(state.selectedIndex, Math.max(0, count - 1)),
        };
      });
    } catch (error) {
      if (get().generation === generation) set({ error: messageOf(error), loading: false });
    } finally {
      inFlight.delete(key);
      if (dirty.delete(key) && get().generation === generation) void fetchPage(page);
    }
  };

  const restart = (filters: QueueFilters) => {
    const count = knownCount(filters);
    set((state) => ({
      filters,
      generation: state.generation + 1,
      pages: new Map(),
      count: count ?? 0,
      complete: false,
      loading: true,
      selectedIndex: 0,
      atEnd: false,
      error: null,
    }));
    void fetchPage(0);
  };

  return {
    filters: DEFAULT_FILTERS,
    generation: 0,
    pages: new Map(),
    count: 0,
    complete: false,
    loading: true,
    selectedIndex: 0,
    atEnd: false,
    error: null,

    setFilters(patch) {
      const filters = { ...get().filters, ...patch };
      if (JSON.stringify(filters) === JSON.stringify(get().filters) && get().pages.size > 0) return;
      restart(filters);
    },

    reset() {
      restart(DEFAULT_FILTERS);
    },

    ensureRange(first, last) {
      visible = { first, last };
      const { pages, count } = get();
      if (count === 0) return;
      const lastPage = Math.floor(Math.min(last, count - 1) / PAGE_SIZE);
      for (let page = Math.floor(Math.max(0, first) / PAGE_SIZE); page <= lastPage; page += 1) {
        if (!pages.has(page)) void fetchPage(page);
      }
    },

    refresh() {
      const { pages, generation } = get();
      const loaded = pages.size > 0 ? [...pages.keys()] : [0];
      for (const page of loaded) {
        const key = `${generation}:${page}`;
        if (inFlight.has(key)) dirty.add(key);
        else void fetchPage(page);
      }
    },

    syncCount() {
      const count = knownCount(get().filters);
      if (count !== null && count !== get().count) {
        set((state) => ({
          count,
          complete: false,
          selectedIndex: Math.min(state.selectedIndex, Math.max(0, count - 1)),
        }));
      }
    },

    select(index) {
      const { count } = get();
      set({ selectedIndex: Math.max(0, Math.min(index, count - 1)), atEnd: false });
    },

    move(delta) {
      const { count, selectedIndex } = get();
      const next = Math.max(0, Math.min(selectedIndex + delta, count - 1));
      set({ selectedIndex: next, atEnd: false });
      return next;
    },

    noteOpened(leadId) {
      // n records its own step (with the leads it visited); this is for every other way of opening.
      if (leadId === null || walk?.leadId === leadId) return;
      const state = get();
      const at = indexOf(state, leadId);
      // Opened from somewhere else (a screen pop of a lead not in this list): nothing follows it here.
      const after = at === null ? [] : idsFrom(state, at + 1, WALK_AHEAD);
      walk = { leadId, generation: state.generation, after, visited: new Set([leadId]) };
    },

    async next(openId) {
      let state = get();
      if (openId === null) {
        // Nothing open yet: n starts with the selected lead rather than skipping it.
        const lead = leadAt(state, state.selectedIndex);
        if (lead) recordStep(state, state.selectedIndex, lead.id, new Set());
        return lead ?? null;
      }
      const current = walk?.leadId === openId ? walk : null;
      const here = indexOf(state, openId);
      let index: number | null = null;
      // Same query, or the open lead has left it: what followed it is what comes next. After the
      // agent changes the order or filters, the new list's own order decides (from the open lead).
      if (current && (current.generation === state.generation || here === null)) {
        for (const id of current.after) {
          const at = current.visited.has(id) ? null : indexOf(state, id);
          if (at !== null) {
            index = at;
            break;
          }
        }
      }
      // Nothing remembered is listed: the row after the open lead, or the row that took its place.
      index ??= here !== null ? here + 1 : current ? state.selectedIndex : state.selectedIndex + 1;
      for (let row = leadAt(state, index); row && current?.visited.has(row.id); row = leadAt(state, index)) index += 1;
      let lead = leadAt(state, index);
      if (!lead && index < state.count) {
        await fetchPage(Math.floor(index / PAGE_SIZE));
        state = get();
        lead = leadAt(state, index);
      }
      if (!lead) {
        if (state.complete && index >= state.count) {
          set({ atEnd: true, selectedIndex: Math.max(0, state.count - 1) });
          return 'end';
        }
        return null;
      }
      recordStep(state, index, lead.id, current?.visited ?? new Set());
      set({ selectedIndex: index, atEnd: false });
      return lead;
    },

    replaceLead(lead) {
      const { pages } = get();
      for (const [page, leads] of pages) {
        const at = leads.findIndex((row) => row.id === lead.id);
        if (at >= 0) {
          const next = new Map(pages);
          // The row keeps what only the list knows (last contact, calls).
          next.set(page, leads.with(at, { ...leads[at], ...lead }));
          set({ pages: next });
          return;
        }
      }
    },
  };
});

/** Drops the pages farthest from what is on screen once more than KEEP_PAGES are held. */
/** n opened the lead at `index`: remember what follows it now, and that it was visited. */
function recordStep(
  state: Pick<QueueState, 'pages' | 'generation'>,
  index: number,
  leadId: string,
  visited: Set<string>,
) {
  visited.add(leadId);
  walk = { leadId, generation: state.generation, after: idsFrom(state, index + 1, WALK_AHEAD), visited };
}

/** Where a lead is among the loaded rows (null: not loaded, or not in this list). */
function indexOf(state: Pick<QueueState, 'pages'>, leadId: string): number | null {
  for (const [page, leads] of state.pages) {
    const at = leads.findIndex((lead) => lead.id === leadId);
    if (at >= 0) return page * PAGE_SIZE + at;
  }
  return null;
}

/** Ids of the loaded rows from `first` on, up to `limit`, stopping at a row not loaded. */
function idsFrom(state: Pick<QueueState, 'pages'>, first: number, limit: number): string[] {
  const ids: string[] = [];
  for (let index = first; ids.length < limit; index += 1) {
    const lead = leadAt(state, index);
    if (!lead) break;
    ids.push(lead.id);
  }
  return ids;
}

function evictFarPages(pages: Map<number, readonly ListedLead[]>): void {
  if (pages.size <= KEEP_PAGES) return;
  const center = (visible.first + visible.last) / 2 / PAGE_SIZE;
  const byDistance = [...pages.keys()].sort((a, b) => Math.abs(b - center) - Math.abs(a - center));
  for (const page of byDistance.slice(0, pages.size - KEEP_PAGES)) pages.delete(page);
}
