import { formatCount } from '../../lib/format';
import { useQueueStore } from '../../state/queue-store';
import { useCapability, useWorkspaceStore } from '../../state/workspace-store';

/**
 * Group and tag: the ways an agent narrows the day's list besides search, each only where the
 * provider has groups or tags (a phone system's leads have neither: no empty pickers).
 */
export function QueueFilters() {
  const overview = useWorkspaceStore((state) => state.overview);
  const filters = useQueueStore((state) => state.filters);
  const setFilters = useQueueStore((state) => state.setFilters);
  const groups = useCapability('groups.list');
  const tags = useCapability('tags.read');
  if (!groups && !tags) return null;

  return (
    <div className="filters">
      {groups && (
        <label className="field">
          <span>Group</span>
          <select
            value={filters.groupId ?? ''}
            onChange={(event) => setFilters({ groupId: event.target.value || null })}
          >
            <option value="">All groups{overview ? ` (${formatCount(overview.totalLeads)})` : ''}</option>
            {overview?.groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.title} ({formatCount(group.leadCount)})
              </option>
            ))}
          </select>
        </label>
      )}
      {tags && (
        <label className="field">
          <span>Tag</span>
          <select value={filters.tag ?? ''} onChange={(event) => setFilters({ tag: event.target.value || null })}>
            <option value="">Any tag</option>
            {overview?.tags.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.title}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
