import { useState, type FormEvent } from 'react';
import { FOCUS_IDS } from '../../app/focus';
import { useLeadStore } from '../../state/lead-store';
import { useCapability, useProviderName } from '../../state/workspace-store';
import { ActionError } from './ActionError';

const MAX_NOTE = 10_000;

/**
 * Says where a note will live before the agent types it: at the provider, or on this computer
 * only. Main says so per lead (lead.open's notesGoTo): a provider that stores notes may still
 * not take them for this lead (one that keeps them only on its contacts, say).
 */
export function NoteComposer() {
  const remote = useCapability('notes.write');
  const providerName = useProviderName();
  const notesGoTo = useLeadStore((state) => state.view?.notesGoTo ?? null);
  const where =
    notesGoTo === 'provider' || (notesGoTo === null && remote)
      ? `Saved to ${providerName}.`
      : remote
        ? `Notes on this lead stay on this computer: ${providerName} keeps notes only for its contacts.`
        : `Notes stay on this computer: ${providerName} cannot store them.`;
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
      <p id="note-where" className="small muted">
        {where}
      </p>
      <textarea
        id={FOCUS_IDS.note}
        rows={3}
        aria-describedby="note-where"
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
