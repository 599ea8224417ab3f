import { useQueueStore } from '../../state/queue-store';
import { LeadList } from './LeadList';
import { QueueEmpty } from './QueueEmpty';
import { QueueFilters } from './QueueFilters';
import { OrderSwitch } from './OrderSwitch';
import { QueueHints } from './QueueHints';
import { QueueSummary } from './QueueSummary';
import { SearchBox } from './SearchBox';

export function QueuePane() {
  const error = useQueueStore((state) => state.error);
  const empty = useQueueStore((state) => state.count === 0 && !state.loading);

  return (
    <section className="queue-pane" aria-label="Lead queue">
      <div className="queue-controls">
        <SearchBox />
        <QueueFilters />
        <div className="queue-meta">
          <OrderSwitch />
          <QueueSummary />
        </div>
      </div>
      {error && (
        <p role="alert" className="error-text queue-error">
          {error}
        </p>
      )}
      {empty ? <QueueEmpty /> : <LeadList />}
      <QueueHints />
    </section>
  );
}
