import type { Note } from '../../../../shared/domain';
import { useLeadStore } from '../../state/lead-store';
import { useTimeZone } from '../../state/settings-store';
import { NoteComposer } from './NoteComposer';
import { NoteItem } from './NoteItem';

export function NotesSection({ notes }: { notes: Note[] }) {
  const timeZone = useTimeZone();
  const leadId = useLeadStore((state) => state.view?.lead.id ?? null);
  return (
    <section className="panel" aria-labelledby="notes-title">
      <h3 id="notes-title">Notes</h3>
      {/* Keyed: another lead's composer starts from that lead's own draft. */}
      {leadId && <NoteComposer key={leadId} leadId={leadId} />}
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
