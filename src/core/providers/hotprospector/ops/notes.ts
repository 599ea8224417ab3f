import type { NoteAddPayload } from '../../../sync/outbox/op-kinds';
import type { HpDelivery } from './index';

/**
 * Hot Prospector has no Method that writes a note, so a note made in Callside stays in the
 * cache, marked local, and is shown beside the remote ones. Its op is completed locally as
 * "kept local": never sent, never lost.
 */
export const noteAddDelivery: HpDelivery<NoteAddPayload> = {
  remote: false,
  async send() {
    return { keptLocal: true };
  },
};
