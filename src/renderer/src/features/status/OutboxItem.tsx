import type { OutboxOp } from '../../../../shared/domain';
import { formatTime, humanize } from '../../lib/format';
import type { WorkspaceOverview } from '../../lib/types';
import { useStatusStore } from '../../state/status-store';
import { groupTitle, useWorkspaceStore } from '../../state/workspace-store';

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

export function OutboxItem({ op, failed, timeZone }: { op: OutboxOp; failed: boolean; timeZone: string }) {
  const retry = useStatusStore((state) => state.retry);
  const discard = useStatusStore((state) => state.discard);
  const label = KIND_LABELS[op.kind] ?? humanize(op.kind.replace(/\./g, ' '));
  const overview = useWorkspaceStore((state) => state.overview);
  const detail = summary(op.payload, overview);
  return (
    <li className={`outbox-op ${failed ? 'failed' : ''}`}>
      <div className="outbox-op-head">
        <strong>{label}</strong>
        {op.leadId && <span className="muted small">lead {op.leadId}</span>}
        <time className="muted small" dateTime={op.createdAt}>
          {formatTime(op.createdAt, timeZone)}
        </time>
      </div>
      {detail && <p className="small outbox-op-detail">{detail}</p>}
      {op.lastError && (
        <p className={`small ${failed ? 'error-text' : 'muted'}`}>
          {failed ? 'Rejected: ' : `Attempt ${op.attempts} failed: `}
          {op.lastError}
        </p>
      )}
      {failed && (
        <div className="outbox-op-actions">
          <button type="button" onClick={() => void retry(op.id)} aria-label={`Retry ${label.toLowerCase()}`}>
            Retry
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => void discard(op.id)}
            aria-label={`Discard ${label.toLowerCase()}`}
          >
            Discard
          </button>
        </div>
      )}
    </li>
  );
}
