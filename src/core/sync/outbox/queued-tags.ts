import type { CacheRepositories } from '../../cache';
import { OP_KIND, leadAddSchema, tagOpSchema } from './op-kinds';

/** Tag ids that pending or rejected ops put on a lead (tag adds, new leads with tags). */
export async function tagsInQueuedChanges(tx: Pick<CacheRepositories, 'outbox'>): Promise<Set<string>> {
  const ops = [...(await tx.outbox.listPending()), ...(await tx.outbox.listFailed())];
  const ids = new Set<string>();
  for (const op of ops) {
    if (op.kind === OP_KIND.tagAdd) {
      for (const id of tagOpSchema.safeParse(op.payload).data?.tagIds ?? []) ids.add(id);
    } else if (op.kind === OP_KIND.leadAdd) {
      for (const id of leadAddSchema.safeParse(op.payload).data?.tagIds ?? []) ids.add(id);
    }
  }
  return ids;
}
