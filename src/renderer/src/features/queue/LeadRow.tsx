import { memo } from 'react';
import type { ListedLead } from '../../../../shared/contract/workspace-schemas';
import type { Lead } from '../../../../shared/domain';
import { leadName, plural } from '../../lib/format';

interface LeadRowProps {
  index: number;
  lead: ListedLead | undefined;
  count: number;
  selected: boolean;
  open: boolean;
  top: number;
  height: number;
  onPick(index: number, lead: Lead): void;
}

const MAX_ROW_TAGS = 3;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2 h ago": coarse on purpose, the agent wants to know whether it was today or last month. */
function ago(iso: string, now = Date.now()): string {
  const elapsed = now - Date.parse(iso);
  if (!Number.isFinite(elapsed)) return '';
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  if (elapsed < 60 * DAY) return plural(Math.floor(elapsed / DAY), 'day ago', 'days ago');
  return plural(Math.floor(elapsed / (30 * DAY)), 'month ago', 'months ago');
}

/** "Last contact 2 h ago · 3 calls" / "Never contacted"; nothing where the cache does not say. */
function contactLine(lead: ListedLead): string {
  if (lead.lastContactAt === undefined) return '';
  const calls = lead.calls ?? 0;
  if (lead.lastContactAt === null) return calls > 0 ? plural(calls, 'call', 'calls') : 'Never contacted';
  const parts = [`Last contact ${ago(lead.lastContactAt)}`];
  if (lead.calls !== undefined) parts.push(plural(calls, 'call', 'calls'));
  return parts.join(' · ');
}

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
  const contact = contactLine(lead);
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
      {/* One line for history and tags, so the row keeps three lines at its fixed height. */}
      {(contact || lead.tags.length > 0) && (
        <span className="lead-row-tags">
          {contact && <span className="lead-row-detail lead-row-contact">{contact}</span>}
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
