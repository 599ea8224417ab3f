import { useState } from 'react';
import type { Lead } from '../../../../shared/domain';
import { Dialog } from '../../components/Dialog';
import { leadName } from '../../lib/format';
import { useLeadStore } from '../../state/lead-store';
import { ActionError } from './ActionError';

/** Unsubscribing cannot be taken back from here, so it asks first. */
export function UnsubscribeSection({ lead }: { lead: Lead }) {
  const unsubscribe = useLeadStore((state) => state.unsubscribe);
  const busy = useLeadStore((state) => state.busy === 'unsubscribe');
  const [confirming, setConfirming] = useState(false);

  const confirm = async () => {
    await unsubscribe();
    setConfirming(false);
  };

  return (
    <section className="panel" aria-labelledby="unsubscribe-title">
      <h3 id="unsubscribe-title">Contact permission</h3>
      {lead.unsubscribed ? (
        <p className="small">This lead is unsubscribed: no calls or texts.</p>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Unsubscribe…
        </button>
      )}
      <ActionError action="unsubscribe" />
      <Dialog open={confirming} title="Unsubscribe this lead?" onClose={() => setConfirming(false)}>
        <p>
          <strong>{leadName(lead)}</strong> will be marked as unsubscribed with the provider and will no longer be
          called or texted from campaigns.
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={() => setConfirming(false)} autoFocus>
            Cancel
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
            {busy ? 'Unsubscribing…' : 'Unsubscribe'}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
