import { useState, type FormEvent } from 'react';
import type { Lead } from '../../../../shared/domain';
import { useLeadStore } from '../../state/lead-store';
import { useWorkspaceStore } from '../../state/workspace-store';
import { ActionError } from './ActionError';

/** Move the lead to another group, or copy it there and keep it where it is. */
export function GroupSection({ lead }: { lead: Lead }) {
  const groups = useWorkspaceStore((state) => state.overview?.groups ?? []);
  const move = useLeadStore((state) => state.move);
  const busy = useLeadStore((state) => state.busy === 'move');
  const [groupId, setGroupId] = useState('');
  const [mode, setMode] = useState<'move' | 'copy'>('move');
  const [done, setDone] = useState<string | null>(null);

  const targets = groups.filter((group) => !lead.groupIds.includes(group.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!groupId) return;
    const title = groups.find((group) => group.id === groupId)?.title ?? groupId;
    if (await move(groupId, mode)) {
      setDone(`${mode === 'move' ? 'Moved' : 'Copied'} to ${title}.`);
      setGroupId('');
    }
  };

  return (
    <section className="panel" aria-labelledby="group-title">
      <h3 id="group-title">Group</h3>
      <form className="inline-form wrap" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span>Target group</span>
          <select value={groupId} onChange={(event) => setGroupId(event.target.value)}>
            <option value="">Choose a group…</option>
            {targets.map((group) => (
              <option key={group.id} value={group.id}>
                {group.title}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="segmented">
          <legend className="visually-hidden">Move or copy</legend>
          <label>
            <input type="radio" name="move-mode" checked={mode === 'move'} onChange={() => setMode('move')} />
            Move
          </label>
          <label>
            <input type="radio" name="move-mode" checked={mode === 'copy'} onChange={() => setMode('copy')} />
            Copy
          </label>
        </fieldset>
        <button type="submit" disabled={busy || !groupId}>
          {busy ? 'Saving…' : mode === 'move' ? 'Move lead' : 'Copy lead'}
        </button>
      </form>
      {done && (
        <p role="status" className="small muted">
          {done}
        </p>
      )}
      <ActionError action="move" />
    </section>
  );
}
