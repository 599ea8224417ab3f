import { bridge } from '../bridge';
import { useAppStore } from './app-store';
import { useLeadStore } from './lead-store';
import { useQueueStore } from './queue-store';
import { useSettingsStore } from './settings-store';
import { useStatusStore } from './status-store';
import { useUiStore } from './ui-store';
import { useWorkspaceStore } from './workspace-store';

/**
 * During a sync, workspace.changed arrives once per written page. Refetching on each would
 * keep the list busy redrawing; changes are gathered and applied at most this often.
 */
const CHANGE_BATCH_MS = 500;

/**
 * Runs `then` once the queue's first page has arrived or failed. The first screen is the
 * queue: its rows should not wait on the bridge and in React behind answers nothing on that
 * screen needs yet. (leads.list reads the local cache, so it answers when the others would.)
 */
function afterFirstPage(then: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    unsubscribe();
    // A task later, so the rows are committed before these requests go out. Not a frame: a
    // window started hidden in the tray gets no animation frames.
    setTimeout(then, 0);
  };
  const unsubscribe = useQueueStore.subscribe((state) => {
    if (!state.loading) run();
  });
  if (!useQueueStore.getState().loading) run();
}

function loadEverything(): void {
  useLeadStore.getState().close();
  useQueueStore.getState().reset();
  // The overview sizes the list and fills the filters (without it the count would first read
  // "201 leads"), so it goes with the first page.
  void useWorkspaceStore.getState().load();
  afterFirstPage(() => {
    // The top bar's account badge and Settings' version line; after an account change this
    // reads the account again, which the account.changed payload already carried: harmless.
    void useAppStore.getState().load();
    void useStatusStore.getState().load();
    void useSettingsStore.getState().load();
  });
}

function showLead(leadId: string | null): void {
  if (!leadId) return;
  useUiStore.getState().show('leads');
  void useLeadStore.getState().open(leadId);
}

/** Connects the stores to the bridge's events and loads the workspace; returns the disconnect. */
export function connectWorkspace(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** null: everything may have changed. */
  let changed: Set<string> | null = new Set();

  const applyChanges = () => {
    timer = null;
    const leadIds = changed;
    changed = new Set();
    void useWorkspaceStore.getState().load();
    useQueueStore.getState().refresh();
    const open = useLeadStore.getState().leadId;
    if (open && (leadIds === null || leadIds.has(open))) void useLeadStore.getState().reload();
  };

  const noteChanged = (leadIds: readonly string[] | null) => {
    if (leadIds === null) changed = null;
    else if (changed) for (const id of leadIds) changed.add(id);
    timer ??= setTimeout(applyChanges, CHANGE_BATCH_MS);
  };

  const offs = [
    bridge.on('sync.status', (status) => useStatusStore.getState().applyStatus(status)),
    bridge.on('sync.progress', (progress) => {
      useStatusStore.getState().applyProgress(progress);
      // A finished resource (the leads, say) is worth showing before the whole sync ends.
      if (progress.state === 'done') noteChanged(null);
    }),
    bridge.on('workspace.changed', ({ leadIds }) => noteChanged(leadIds)),
    // A screen pop or a clicked notification: bring the caller's lead up in the workspace.
    bridge.on('lead.show', ({ leadId }) => showLead(leadId)),
    bridge.on('pop', (pop) => showLead(pop.lead?.id ?? null)),
    // Another account means other leads, groups and tags: start over, filters included.
    bridge.on('account.changed', loadEverything),
    useWorkspaceStore.subscribe((state, previous) => {
      if (state.overview !== previous.overview) useQueueStore.getState().syncCount();
    }),
  ];
  loadEverything();

  return () => {
    if (timer) clearTimeout(timer);
    for (const off of offs) off();
  };
}
