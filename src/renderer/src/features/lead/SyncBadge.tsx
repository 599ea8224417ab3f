import type { Note } from '../../../../shared/domain';

const LABELS: Record<Note['syncState'], string> = { synced: 'Synced', pending: 'Pending', failed: 'Failed' };

/** Where a note stands with the provider, so the agent never assumes a queued note is saved there. */
export function SyncBadge({ note }: { note: Pick<Note, 'syncState' | 'origin'> }) {
  return (
    <span className="badges">
      <span className={`pill sync-${note.syncState}`}>{LABELS[note.syncState]}</span>
      <span className="pill pill-muted">{note.origin === 'local' ? 'Local' : 'Remote'}</span>
    </span>
  );
}
