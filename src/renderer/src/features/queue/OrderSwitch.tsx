import type { LeadOrder } from '../../lib/types';
import { useQueueStore } from '../../state/queue-store';

const ORDERS: Array<{ value: LeadOrder; label: string }> = [
  { value: 'queue', label: 'New first' },
  { value: 'name', label: 'Name' },
];

/** Queue order (new and never-called leads first, the default) or alphabetical. */
export function OrderSwitch() {
  const order = useQueueStore((state) => state.filters.order);
  const setFilters = useQueueStore((state) => state.setFilters);
  return (
    <fieldset className="segmented order-switch">
      <legend className="order-legend">Order</legend>
      {ORDERS.map((option) => (
        <label key={option.value}>
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
