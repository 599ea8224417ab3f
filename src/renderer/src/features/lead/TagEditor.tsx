import { useState, type FormEvent } from 'react';
import type { Lead } from '../../../../shared/domain';
import { FOCUS_IDS } from '../../app/focus';
import { useLeadStore } from '../../state/lead-store';
import { useCapability, useProviderName, useWorkspaceStore } from '../../state/workspace-store';
import { ActionError } from './ActionError';

/**
 * The lead's tags, each removable, and a field that offers the account's other tags; read-only,
 * and saying so, where the provider does not let Callside change tags.
 */
export function TagEditor({ lead }: { lead: Lead }) {
  const canWrite = useCapability('tags.write');
  const providerName = useProviderName();
  const accountTags = useWorkspaceStore((state) => state.overview?.tags ?? []);
  const changeTags = useLeadStore((state) => state.changeTags);
  const busy = useLeadStore((state) => state.busy === 'tags');
  const [text, setText] = useState('');

  const onLead = new Set(lead.tags.map((tag) => tag.id));
  const offered = accountTags.filter((tag) => !onLead.has(tag.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = text.trim();
    if (!wanted) return;
    // The bridge takes an id or an exact title; a title typed in another case still finds its tag.
    const known = accountTags.find((tag) => tag.title.toLowerCase() === wanted.toLowerCase());
    if (await changeTags('add', [known?.id ?? wanted])) setText('');
  };

  return (
    <section className="panel" aria-labelledby="tags-title">
      <h3 id="tags-title">Tags</h3>
      {lead.tags.length === 0 ? (
        <p className="muted small">No tags yet.</p>
      ) : (
        <ul className="tag-list" aria-label="Tags on this lead">
          {lead.tags.map((tag) => (
            <li key={tag.id} className="tag-chip">
              <span>{tag.title}</span>
              {canWrite && (
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove tag ${tag.title}`}
                  disabled={busy}
                  onClick={() => void changeTags('remove', [tag.id])}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!canWrite && (
        <p className="small muted" role="note">
          {providerName} does not let Callside change tags.
        </p>
      )}
      {canWrite && (
        <form className="inline-form" onSubmit={(event) => void submit(event)}>
          <label htmlFor={FOCUS_IDS.tags} className="visually-hidden">
            Add tag
          </label>
          <input
            id={FOCUS_IDS.tags}
            list="account-tags"
            placeholder="Add a tag…  ( t )"
            autoComplete="off"
            value={text}
            maxLength={200}
            onChange={(event) => setText(event.target.value)}
          />
          <datalist id="account-tags">
            {offered.map((tag) => (
              <option key={tag.id} value={tag.title} />
            ))}
          </datalist>
          <button type="submit" disabled={busy || !text.trim()}>
            {busy ? 'Saving…' : 'Add tag'}
          </button>
        </form>
      )}
      <ActionError action="tags" />
    </section>
  );
}
