import type { Activity } from '../../../../shared/domain';
import { formatTime } from '../../lib/format';

/** A note as it appears in the provider's activity log. */
export function NoteEventItem({ note, timeZone }: { note: Activity; timeZone: string }) {
  return (
    <li className="event event-note">
      <div className="event-head">
        <span className="event-kind">Note</span>
        <time dateTime={note.at}>{formatTime(note.at, timeZone)}</time>
      </div>
      {note.text && <p className="event-text">{note.text}</p>}
    </li>
  );
}
