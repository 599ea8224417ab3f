import type { HotProspectorClient } from '../../../providers/hotprospector/client';
import { noteAddSchema, type NoteAddPayload } from '../op-kinds';
import type { OpHandler } from './handler';

/**
 * Hot Prospector has no Method that writes a note, so a note made in Callside stays in the
 * cache, marked local, and is shown beside the remote ones. Its op is completed locally as
 * "kept local": never sent, never lost. A provider that can store notes would send it here.
 */
export function providerStoresNotes(_client: HotProspectorClient): boolean {
  return false;
}

export const noteAddHandler: OpHandler<NoteAddPayload> = {
  payload: noteAddSchema,
  remote: false,
  async send(_payload, ctx) {
    if (providerStoresNotes(ctx.client)) throw new Error('No provider that stores notes is supported yet.');
    return { keptLocal: true };
  },
  async settle(tx, _op, payload) {
    // Stays origin 'local'; 'synced' means there is nothing left to deliver.
    await tx.notes.confirmLocal(payload.localNoteId);
  },
  async reject(tx, _op, payload) {
    await tx.notes.setSyncState(payload.localNoteId, 'failed');
  },
  async requeue(tx, _op, payload) {
    await tx.notes.setSyncState(payload.localNoteId, 'pending');
  },
};
