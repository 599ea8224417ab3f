import type { Note } from '../../../../shared/domain';
import { formatTime, humanize } from '../../lib/format';
import { SyncBadge } from './SyncBadge';

export function NoteItem({ note, timeZone }: { note: Note; timeZone: string }) {
  return (
    <li className={`note note-${note.syncState}`}>
      <div className="note-meta">
        <time dateTime={note.at}>{formatTime(note.at, timeZone)}</time>
        {note.kind && note.kind !== 'note' && <span className="muted">{humanize(note.kind)}</span>}
        <SyncBadge note={note} />
      </div>
      <p className="note-text">{note.text}</p>
    </li>
  );
}
