import { useQueueStore } from '../../state/queue-store';
import { useStatusStore } from '../../state/status-store';

/** Says why the list is empty: nothing matches, or nothing has been synced yet. */
export function QueueEmpty() {
  const filters = useQueueStore((state) => state.filters);
  const setFilters = useQueueStore((state) => state.setFilters);
  const syncing = useStatusStore((state) => Boolean(state.sync?.running) || state.requested);
  const filtered = Boolean(filters.search.trim() || filters.tag || filters.groupId);

  if (filtered) {
    return (
      <div className="queue-empty">
        <p>No leads match these filters.</p>
        <button type="button" onClick={() => setFilters({ search: '', tag: null, groupId: null })}>
          Clear filters
        </button>
      </div>
    );
  }
  return (
    <div className="queue-empty">
      <p>{syncing ? 'Fetching leads from the provider…' : 'No leads in this workspace yet.'}</p>
    </div>
  );
}
