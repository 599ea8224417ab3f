import { useState } from 'react';
import type { OutboxEntryView } from '../../../../shared/contract/workspace-schemas';
import type { Lead } from '../../../../shared/domain';
import { formatTime, humanize, leadName, plural } from '../../lib/format';
import type { WorkspaceOverview } from '../../lib/types';
import { useLeadStore } from '../../state/lead-store';
import { useQueueStore } from '../../state/queue-store';
import { useStatusStore } from '../../state/status-store';
import { groupTitle, useProviderName, useWorkspaceStore } from '../../state/workspace-store';

const KIND_LABELS: Record<string, string> = {
  'tag.add': 'Add tag',
  'tag.remove': 'Remove tag',
  'lead.update': 'Field change',
  'lead.move': 'Move to group',
  'lead.copy': 'Copy to group',
  'lead.unsubscribe': 'Unsubscribe',
  'lead.add': 'New lead',
  'note.add': 'Note',
};

/** A short, text-only summary of what the op carries; ids become the names the agent knows. */
function summary(payload: unknown, overview: WorkspaceOverview | null): string {
  if (typeof payload !== 'object' || payload === null) return '';
  const record = payload as Record<string, unknown>;
  if (typeof record.text === 'string') return record.text.length > 80 ? `${record.text.slice(0, 79)}…` : record.text;
  if (Array.isArray(record.tagIds)) {
    return record.tagIds
      .filter((id): id is string => typeof id === 'string')
      .map((id) => overview?.tags.find((tag) => tag.id === id)?.title ?? id)
      .join(', ');
  }
  if (typeof record.groupId === 'string') return groupTitle(overview, record.groupId);
  return '';
}

/**
 * The lead's name when the renderer already holds that lead (the open one, or a row of the
 * list that is loaded); null otherwise, and the item falls back to the id. No extra bridge call.
 */
function knownLead(leadId: string, open: Lead | undefined, pages: ReadonlyMap<number, readonly Lead[]>): Lead | null {
  if (open?.id === leadId) return open;
  for (const page of pages.values()) {
    const found = page.find((lead) => lead.id === leadId);
    if (found) return found;
  }
  return null;
}

function useLeadLabel(leadId: string | null, named: string | undefined): string | null {
  const open = useLeadStore((state) => state.view?.lead);
  const pages = useQueueStore((state) => state.pages);
  if (leadId === null) return null;
  const lead = knownLead(leadId, open, pages);
  // Main names the lead from the cache; the id is the last resort (a lead no longer cached).
  return lead ? leadName(lead) : (named ?? `Lead ${leadId}`);
}

/** What happened to the op so far, in the agent's words. */
function statusLine(op: OutboxEntryView, failed: boolean, providerName: string): string | null {
  const tries = plural(op.attempts, 'time', 'times');
  if (failed) {
    const reason = op.lastError ?? `${providerName} did not accept it.`;
    return `Not sent. ${reason}${op.attempts > 1 && !reason.startsWith('Gave up') ? ` (tried ${tries})` : ''}`;
  }
  if (op.attempts === 0) return null;
  const last = op.lastError ? ` Last try: ${op.lastError}` : '';
  return `Not sent yet: tried ${tries}.${last} Callside tries again on its own; Sync now tries at once.`;
}

export function OutboxItem({ op, failed, timeZone }: { op: OutboxEntryView; failed: boolean; timeZone: string }) {
  const retry = useStatusStore((state) => state.retry);
  const discard = useStatusStore((state) => state.discard);
  const label = KIND_LABELS[op.kind] ?? humanize(op.kind.replace(/\./g, ' '));
  const overview = useWorkspaceStore((state) => state.overview);
  const providerName = useProviderName();
  const leadLabel = useLeadLabel(op.leadId, op.leadName);
  const [confirming, setConfirming] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const detail = summary(op.payload, overview);
  const status = statusLine(op, failed, providerName);
  const action = label.toLowerCase();

  const confirmDiscard = async () => {
    setDiscarding(true);
    try {
      await discard(op.id);
    } finally {
      setDiscarding(false);
      setConfirming(false);
    }
  };

  return (
    <li className={`outbox-op ${failed ? 'failed' : ''}`} aria-label={`${label}${leadLabel ? `, ${leadLabel}` : ''}`}>
      <div className="outbox-op-head">
        <strong>{label}</strong>
        {leadLabel && <span className="small">{leadLabel}</span>}
        <time className="muted small" dateTime={op.createdAt}>
          {formatTime(op.createdAt, timeZone)}
        </time>
      </div>
      {detail && <p className="small outbox-op-detail">{detail}</p>}
      {status && <p className={`small ${failed ? 'error-text' : 'muted'}`}>{status}</p>}
      {confirming ? (
        <div className="outbox-op-confirm" role="group" aria-label={`Discard ${action}?`}>
          <p className="small">
            Discard this change? Callside will not send it to {providerName}, and
            {leadLabel ? ` ${leadLabel}` : ' the lead'} shows {providerName}&apos;s version again once Callside has
            synced.
          </p>
          <div className="outbox-op-actions">
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              Keep it
            </button>
            <button type="button" className="danger" disabled={discarding} onClick={() => void confirmDiscard()}>
              {discarding ? 'Discarding…' : 'Discard change'}
            </button>
          </div>
        </div>
      ) : (
        <div className="outbox-op-actions">
          {failed && (
            <button type="button" onClick={() => void retry(op.id)} aria-label={`Retry ${action}`}>
              Retry
            </button>
          )}
          {failed ? (
            <button
              type="button"
              className="danger"
              onClick={() => void discard(op.id)}
              aria-label={`Discard ${action}`}
            >
              Discard
            </button>
          ) : (
            <button
              type="button"
              className="danger"
              onClick={() => setConfirming(true)}
              aria-label={`Discard ${action}…`}
            >
              Discard…
            </button>
          )}
        </div>
      )}
    </li>
  );
}
