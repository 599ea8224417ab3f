import { memo } from 'react';
import type { Lead } from '../../../../shared/domain';
import { leadName } from '../../lib/format';

interface LeadRowProps {
  index: number;
  lead: Lead | undefined;
  count: number;
  selected: boolean;
  open: boolean;
  top: number;
  height: number;
  onPick(index: number, lead: Lead): void;
}

const MAX_ROW_TAGS = 3;

/**
 * One queue row. Provider text (names, companies) goes in as React text children only, so
 * markup in a lead's name shows as the characters it is. Rows whose page has not arrived yet
 * are placeholders of the same height, so the scrollbar never jumps.
 */
export const LeadRow = memo(function LeadRow({
  index,
  lead,
  count,
  selected,
  open,
  top,
  height,
  onPick,
}: LeadRowProps) {
  const position = { transform: `translateY(${top}px)`, height: `${height}px` };
  if (!lead) {
    return (
      <div
        className="lead-row placeholder"
        role="option"
        aria-selected={selected}
        aria-busy="true"
        aria-posinset={index + 1}
        aria-setsize={count}
        id={`lead-row-${index}`}
        style={position}
      >
        <span className="skeleton" aria-hidden="true" />
        <span className="visually-hidden">Loading lead {index + 1}</span>
      </div>
    );
  }
  const extraTags = lead.tags.length - MAX_ROW_TAGS;
  const title = leadName(lead);
  // A caller known only by number (a phone system's lead) has the number as its name: not twice.
  const detail = [lead.company, lead.phone || lead.mobile].filter((part) => part && part !== title).join(' · ');
  return (
    <div
      className={`lead-row${selected ? ' selected' : ''}${open ? ' open' : ''}`}
      role="option"
      aria-selected={selected}
      aria-current={open ? 'true' : undefined}
      aria-posinset={index + 1}
      aria-setsize={count}
      id={`lead-row-${index}`}
      style={position}
      onClick={() => onPick(index, lead)}
    >
      <span className="lead-row-name">
        {title}
        {lead.unsubscribed && <span className="pill pill-muted">Unsubscribed</span>}
      </span>
      <span className="lead-row-detail">{detail || lead.email}</span>
      {lead.tags.length > 0 && (
        <span className="lead-row-tags">
          {lead.tags.slice(0, MAX_ROW_TAGS).map((tag) => (
            <span key={tag.id} className="pill">
              {tag.title}
            </span>
          ))}
          {extraTags > 0 && <span className="pill pill-muted">+{extraTags}</span>}
        </span>
      )}
    </div>
  );
});
