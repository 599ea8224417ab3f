import type { Note } from '../../../../shared/domain';
import { useTimeZone } from '../../state/settings-store';
import { NoteComposer } from './NoteComposer';
import { NoteItem } from './NoteItem';

export function NotesSection({ notes }: { notes: Note[] }) {
  const timeZone = useTimeZone();
  return (
    <section className="panel" aria-labelledby="notes-title">
      <h3 id="notes-title">Notes</h3>
      <NoteComposer />
      {notes.length === 0 ? (
        <p className="muted small">No notes yet.</p>
      ) : (
        <ul className="notes" aria-label="Notes">
          {notes.map((note) => (
            <NoteItem key={note.id} note={note} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </section>
  );
}
