import { formatCount } from '../../lib/format';
import { useQueueStore } from '../../state/queue-store';

/** "2,010 leads" when the size is known; "200+ matches" while a search is still growing. */
export function QueueSummary() {
  const count = useQueueStore((state) => state.count);
  const complete = useQueueStore((state) => state.complete);
  const loading = useQueueStore((state) => state.loading);
  const filtered = useQueueStore((state) => Boolean(state.filters.search.trim() || state.filters.tag));

  let text: string;
  if (loading && count === 0) text = 'Loading leads…';
  else if (filtered && !complete) text = `${formatCount(Math.max(0, count - 1))}+ matches`;
  else if (filtered) text = count === 1 ? '1 match' : `${formatCount(count)} matches`;
  else text = count === 1 ? '1 lead' : `${formatCount(count)} leads`;

  return (
    <p className="queue-summary" role="status" aria-live="polite" aria-label="Lead count">
      {text}
    </p>
  );
}
