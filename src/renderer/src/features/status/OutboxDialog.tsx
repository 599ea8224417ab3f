import { useEffect } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { useTimeZone } from '../../state/settings-store';
import { useStatusStore } from '../../state/status-store';
import { OutboxItem } from './OutboxItem';

/**
 * Changes waiting for the provider, and those it refused or Callside gave up on, with what to do
 * about each: any of them can be discarded, a waiting one after the agent confirms it.
 */
export function OutboxDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const outbox = useStatusStore((state) => state.outbox);
  const error = useStatusStore((state) => state.outboxError);
  const loadOutbox = useStatusStore((state) => state.loadOutbox);
  const forgetOutbox = useStatusStore((state) => state.forgetOutbox);
  const timeZone = useTimeZone();

  useEffect(() => {
    if (!open) return;
    void loadOutbox();
    return forgetOutbox;
  }, [open, loadOutbox, forgetOutbox]);

  return (
    <Dialog open={open} title="Outbox" onClose={onClose} className="outbox-dialog">
      <Alert message={error} />
      {outbox && outbox.failed.length > 0 && (
        <section aria-labelledby="outbox-failed-title">
          <h3 id="outbox-failed-title">Not sent: retry or discard</h3>
          <ul className="outbox-list" aria-label="Failed changes">
            {outbox.failed.map((op) => (
              <OutboxItem key={op.id} op={op} failed timeZone={timeZone} />
            ))}
          </ul>
        </section>
      )}
      {outbox && (
        <section aria-labelledby="outbox-pending-title">
          <h3 id="outbox-pending-title">Waiting to be sent</h3>
          {outbox.pending.length === 0 ? (
            <p className="muted small">Nothing waiting to be sent.</p>
          ) : (
            <ul className="outbox-list" aria-label="Pending changes">
              {outbox.pending.map((op) => (
                <OutboxItem key={op.id} op={op} failed={false} timeZone={timeZone} />
              ))}
            </ul>
          )}
        </section>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
