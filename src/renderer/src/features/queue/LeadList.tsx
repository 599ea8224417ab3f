import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lead } from '../../../../shared/domain';
import { FOCUS_IDS } from '../../app/focus';
import { formatCount } from '../../lib/format';
import { useLeadStore } from '../../state/lead-store';
import { leadAt, useQueueStore } from '../../state/queue-store';
import { LeadRow } from './LeadRow';

/** Row height in rem: rows scale with the agent's font size and zoom, and stay uniform. */
const ROW_REM = 4.25;

function useRowHeight(): number {
  const [height] = useState(() => {
    const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    return Math.round(rootPx * ROW_REM);
  });
  return height;
}

/**
 * The queue: a listbox virtualized with @tanstack/react-virtual. Only the rows on screen (plus
 * a few) exist in the DOM, and the pages they need are fetched as they come into view, so
 * 100,000 leads cost what 30 do. Focus stays on the listbox; the selected row is announced
 * through aria-activedescendant.
 */
export function LeadList() {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = useRowHeight();
  const count = useQueueStore((state) => state.count);
  const pages = useQueueStore((state) => state.pages);
  const generation = useQueueStore((state) => state.generation);
  const selectedIndex = useQueueStore((state) => state.selectedIndex);
  const ensureRange = useQueueStore((state) => state.ensureRange);
  const select = useQueueStore((state) => state.select);
  const noteOpened = useQueueStore((state) => state.noteOpened);
  const complete = useQueueStore((state) => state.complete);
  const atEnd = useQueueStore((state) => state.atEnd);
  const filtered = useQueueStore((state) => Boolean(state.filters.search.trim() || state.filters.tag));
  const openLeadId = useLeadStore((state) => state.leadId);
  const open = useLeadStore((state) => state.open);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (last >= 0) ensureRange(first, last);
  }, [first, last, generation, count, ensureRange]);

  // A new query starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [generation]);

  useEffect(() => {
    if (count > 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, count, virtualizer]);

  // Whatever opened the lead (a click, Enter, n, a screen pop), n continues from the rows that
  // followed it as the list stood then.
  useEffect(() => {
    noteOpened(openLeadId);
  }, [openLeadId, noteOpened]);

  const showEnd = complete && count > 0 && (atEnd || last >= count - 1);
  const total = filtered
    ? count === 1
      ? '1 match'
      : `${formatCount(count)} matches`
    : count === 1
      ? '1 lead'
      : `${formatCount(count)} leads`;

  const onPick = useCallback(
    (index: number, lead: Lead) => {
      select(index);
      void open(lead.id);
    },
    [select, open],
  );

  return (
    <>
      <div
        ref={scrollRef}
        id={FOCUS_IDS.list}
        className="lead-list"
        role="listbox"
        aria-label="Leads"
        tabIndex={0}
        aria-activedescendant={count > 0 ? `lead-row-${selectedIndex}` : undefined}
      >
        <div className="lead-list-inner" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {items.map((item) => {
            const lead = leadAt({ pages }, item.index);
            return (
              <LeadRow
                key={item.key}
                index={item.index}
                lead={lead}
                count={count}
                selected={item.index === selectedIndex}
                open={lead !== undefined && lead.id === openLeadId}
                top={item.start}
                height={item.size}
                onPick={onPick}
              />
            );
          })}
        </div>
      </div>
      {/* Outside the listbox (only options belong in it); a status, so n at the end is announced. */}
      <p className={`queue-summary queue-end${atEnd ? ' reached' : ''}`} role="status" aria-label="End of the list">
        {showEnd ? `End of the list — ${total}` : ''}
      </p>
    </>
  );
}
