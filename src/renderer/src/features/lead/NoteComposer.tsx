import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FOCUS_IDS, focusTarget } from '../../app/focus';
import { discardDraft, flushDraft, loadDraft, queueDraft, useDraftStore } from '../../state/draft-store';
import { useLeadStore } from '../../state/lead-store';
import { useCapability, useProviderName } from '../../state/workspace-store';
import { ActionError } from './ActionError';

const MAX_NOTE = 10_000;

/**
 * Says where a note will live before the agent types it: at the provider, or on this computer
 * only. Main says so per lead (lead.open's notesGoTo): a provider that stores notes may still
 * not take them for this lead (one that keeps them only on its contacts, say).
 *
 * What the agent types is a draft of this lead until it is saved as a note or discarded: it is
 * kept by main as they type and comes back when the lead is opened again, in any window.
 */
export function NoteComposer({ leadId }: { leadId: string }) {
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
  const draft = useDraftStore((state) => state.status[leadId] ?? null);
  const [text, setText] = useState('');
  /** Once the agent has typed here, a draft arriving late must not overwrite it. */
  const typed = useRef(false);

  useEffect(() => {
    let current = true;
    void loadDraft(leadId).then((kept) => {
      if (current && kept && !typed.current) setText(kept);
    });
    return () => {
      current = false;
      // Leaving the lead (n, another row, a screen pop, Esc): what was typed is sent now.
      void flushDraft(leadId);
    };
  }, [leadId]);

  const change = (value: string) => {
    typed.current = true;
    setText(value);
    queueDraft(leadId, value);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!text.trim()) return;
    if (await addNote(text.trim())) {
      setText('');
      await discardDraft(leadId);
    }
  };

  const discard = () => {
    typed.current = true;
    setText('');
    void discardDraft(leadId);
    focusTarget('note');
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
        onChange={(event) => change(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
        }}
      />
      <div className="note-composer-actions">
        <p className="small muted draft-status" role="status">
          {text.trim() && draft?.state === 'saved' ? 'Draft saved' : ''}
          {draft?.state === 'failed' ? `Draft not saved: ${draft.message}` : ''}
        </p>
        {text.trim() !== '' && (
          <button type="button" onClick={discard} disabled={busy}>
            Discard draft
          </button>
        )}
        <button type="submit" className="primary" disabled={busy || !text.trim()}>
          {busy ? 'Saving…' : 'Add note'}
        </button>
      </div>
      <ActionError action="note" />
    </form>
  );
}
