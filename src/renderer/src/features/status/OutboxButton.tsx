import { useState } from 'react';
import { formatCount } from '../../lib/format';
import { useStatusStore } from '../../state/status-store';
import { OutboxDialog } from './OutboxDialog';

export function OutboxButton() {
  const pending = useStatusStore((state) => state.sync?.pending ?? 0);
  const failed = useStatusStore((state) => state.sync?.failed ?? 0);
  const [open, setOpen] = useState(false);

  const text =
    failed > 0
      ? `Outbox: ${formatCount(pending)} pending, ${formatCount(failed)} failed`
      : `Outbox: ${formatCount(pending)} pending`;
  return (
    <>
      <button
        type="button"
        className={`small-button outbox-button${failed > 0 ? ' has-failed' : pending > 0 ? ' has-pending' : ''}`}
        onClick={() => setOpen(true)}
      >
        {text}
      </button>
      <OutboxDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
