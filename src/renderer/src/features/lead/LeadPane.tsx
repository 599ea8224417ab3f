import { useEffect, useRef } from 'react';
import { Alert } from '../../components/Alert';
import { useLeadStore } from '../../state/lead-store';
import { LeadDetail } from './LeadDetail';

export function LeadPane() {
  const state = useLeadStore((s) => s.state);
  const view = useLeadStore((s) => s.view);
  const loadError = useLeadStore((s) => s.loadError);
  const shownId = view?.lead.id;
  const paneRef = useRef<HTMLElement>(null);

  // Another lead starts at its top, not wherever the previous one was scrolled to.
  useEffect(() => {
    paneRef.current?.scrollTo({ top: 0 });
  }, [shownId]);

  return (
    <section ref={paneRef} className="lead-pane" aria-label="Lead" aria-busy={state === 'loading'}>
      {state === 'idle' && (
        <div className="lead-empty">
          <p>Pick a lead from the queue.</p>
          <p className="muted small">
            <kbd>Enter</kbd> opens the highlighted lead, <kbd>n</kbd> goes to the next one.
          </p>
        </div>
      )}
      {state === 'loading' && !view && (
        <p role="status" className="lead-empty">
          Opening lead…
        </p>
      )}
      {state === 'missing' && (
        <p role="status" className="lead-empty">
          This lead is no longer in the workspace.
        </p>
      )}
      {state === 'error' && <Alert message={loadError} className="lead-empty" />}
      {(state === 'ready' || state === 'loading') && view && <LeadDetail key={view.lead.id} view={view} />}
    </section>
  );
}
