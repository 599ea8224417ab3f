import type { LeadOrder } from '../../lib/types';
import { useQueueStore } from '../../state/queue-store';

/** Each label says what the order does; the title adds the rest of the queue order's rule. */
const ORDERS: Array<{ value: LeadOrder; label: string; title: string }> = [
  {
    value: 'queue',
    label: 'Newest leads first',
    title: 'Leads never called, newest first; then the ones contacted longest ago',
  },
  { value: 'name', label: 'A–Z by name', title: 'Alphabetical by first and last name' },
];

/** Queue order (new and never-called leads first, the default) or alphabetical. */
export function OrderSwitch() {
  const order = useQueueStore((state) => state.filters.order);
  const setFilters = useQueueStore((state) => state.setFilters);
  return (
    <fieldset className="segmented order-switch">
      <legend className="order-legend">Order</legend>
      {ORDERS.map((option) => (
        <label key={option.value} title={option.title}>
          <input
            type="radio"
            name="queue-order"
            checked={order === option.value}
            onChange={() => setFilters({ order: option.value })}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
