import type { Note } from '../../../../shared/domain';

const LABELS: Record<Note['syncState'], string> = { synced: 'Synced', pending: 'Pending', failed: 'Failed' };

/**
 * Where a note stands with the provider, so the agent never assumes a queued note is saved
 * there. A local note that is "synced" was settled without the provider: Hot Prospector has
 * no Method to store notes, so it lives in Callside only, and the badge says exactly that.
 */
export function SyncBadge({ note }: { note: Pick<Note, 'syncState' | 'origin'> }) {
  if (note.origin === 'local' && note.syncState === 'synced') {
    return (
      <span className="badges">
        <span className="pill pill-muted" title="The provider cannot store notes; this one is kept in Callside.">
          Saved in Callside
        </span>
      </span>
    );
  }
  return (
    <span className="badges">
      <span className={`pill sync-${note.syncState}`}>{LABELS[note.syncState]}</span>
      <span className="pill pill-muted">{note.origin === 'local' ? 'Local' : 'Remote'}</span>
    </span>
  );
}
