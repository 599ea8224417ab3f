import { CallsideError } from '../../../../shared/errors';
import type { CacheRepositories } from '../../../cache';
import { recordLeadAlias } from '../lead-alias';
import {
  leadAddSchema,
  leadCopySchema,
  leadMoveSchema,
  leadUnsubscribeSchema,
  leadUpdateSchema,
  noteAddSchema,
  OP_KIND,
  tagOpSchema,
  type OpKind,
} from '../op-kinds';
import type { OpBookkeeping } from './handler';

/**
 * What every op kind means locally, whichever provider delivers it: its payload, and the cache
 * bookkeeping when it is confirmed, rejected, put back in line or discarded.
 */
export const BOOKKEEPING: { [K in OpKind]: OpBookkeeping<unknown> } = {
  [OP_KIND.tagAdd]: book({ payload: tagOpSchema }),
  [OP_KIND.tagRemove]: book({ payload: tagOpSchema }),
  [OP_KIND.leadUpdate]: book({ payload: leadUpdateSchema }),
  [OP_KIND.leadMove]: book({ payload: leadMoveSchema }),
  [OP_KIND.leadCopy]: book({ payload: leadCopySchema }),
  [OP_KIND.leadUnsubscribe]: book({ payload: leadUnsubscribeSchema }),
  [OP_KIND.leadAdd]: book({
    payload: leadAddSchema,
    async settle(tx, op, _payload, confirmation) {
      const localId = op.leadId;
      const leadId = confirmation.createdLeadId;
      if (!localId || !leadId) throw new CallsideError('internal', 'A created lead came back without its ids.');
      await adoptProviderId(tx, localId, leadId);
    },
    async discard(tx, op) {
      // The lead was never created at the provider: its local copy would otherwise stay forever.
      if (op.leadId) await tx.leads.remove([op.leadId]);
    },
  }),
  [OP_KIND.noteAdd]: book({
    payload: noteAddSchema,
    async settle(tx, _op, payload) {
      // Stays origin 'local' when kept local; 'synced' means there is nothing left to deliver.
      await tx.notes.confirmLocal(payload.localNoteId);
    },
    async reject(tx, _op, payload) {
      await tx.notes.setSyncState(payload.localNoteId, 'failed');
    },
    async requeue(tx, _op, payload) {
      await tx.notes.setSyncState(payload.localNoteId, 'pending');
    },
  }),
};

/** Each kind's bookkeeping typed by its own payload, stored beside the others'. */
function book<P>(bookkeeping: OpBookkeeping<P>): OpBookkeeping<unknown> {
  return bookkeeping as OpBookkeeping<unknown>;
}

/** The local lead becomes the provider's: same data under the provider's id, notes moved along. */
async function adoptProviderId(tx: CacheRepositories, localId: string, leadId: string): Promise<void> {
  await recordLeadAlias(tx, localId, leadId);
  const local = await tx.leads.get(localId);
  if (!local) return;
  const notes = await tx.notes.listForLead(localId, Number.MAX_SAFE_INTEGER);
  await tx.leads.remove([localId]);
  if (!(await tx.leads.get(leadId))) await tx.leads.upsertPage([{ ...local, id: leadId }]);
  await tx.notes.restore(notes.map((note) => ({ ...note, leadId })));
}
