import { useState, type FormEvent } from 'react';
import { FOCUS_IDS } from '../../app/focus';
import { useLeadStore } from '../../state/lead-store';
import { ActionError } from './ActionError';

const MAX_NOTE = 10_000;

export function NoteComposer() {
  const addNote = useLeadStore((state) => state.addNote);
  const busy = useLeadStore((state) => state.busy === 'note');
  const [text, setText] = useState('');

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!text.trim()) return;
    if (await addNote(text.trim())) setText('');
  };

  return (
    <form className="note-composer" onSubmit={(event) => void submit(event)}>
      <label htmlFor={FOCUS_IDS.note} className="visually-hidden">
        New note
      </label>
      <textarea
        id={FOCUS_IDS.note}
        rows={3}
        maxLength={MAX_NOTE}
        placeholder="Write a note…  ( e )   Ctrl+Enter saves"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
        }}
      />
      <div className="note-composer-actions">
        <button type="submit" className="primary" disabled={busy || !text.trim()}>
          {busy ? 'Saving…' : 'Add note'}
        </button>
      </div>
      <ActionError action="note" />
    </form>
  );
}
