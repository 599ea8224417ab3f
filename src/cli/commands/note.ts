import { parseArgs } from 'node:util';
import type { CommandContext } from '../context';
import { deliveryOf, describeDelivery, failIfRejected } from '../delivery-report';
import { UsageError } from '../output';
import { withWorkspace } from '../workspace-session';

/** `note add LEAD_ID TEXT`: kept in the cache as a local note; queued where the provider stores notes. */
export async function noteCommand(ctx: CommandContext): Promise<number> {
  const { positionals } = parseArgs({ args: ctx.args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  const [action, leadId, ...words] = positionals;
  const text = words.join(' ');
  if (action !== 'add' || !leadId || text.trim() === '') {
    throw new UsageError('usage: callside note add LEAD_ID TEXT [--json]');
  }
  return withWorkspace(ctx, async ({ cache, sync, actions }) => {
    const { note, opId } = await actions.addNote(leadId, text);
    const session = await (await sync.workspace()).session().catch(() => null);
    // Where the provider cannot store notes, a note's op is done once it is settled locally.
    const lead = await cache.leads.get(leadId);
    const stores = (session?.capabilities.has('notes.write') ?? false) && !(lead && session?.notesStayLocal?.(lead));
    const delivery = await deliveryOf(cache, opId, await sync.push(), stores ? 'delivered' : 'kept_local');
    failIfRejected(delivery, opId);
    const provider = session?.name ?? 'the provider';
    const current = (await cache.notes.listForLead(leadId)).find((n) => n.id === note.id) ?? note;
    ctx.output.result(
      { note: current, opId, ...delivery },
      () => `Note added to lead ${leadId}; ${describeDelivery(delivery, provider)}.`,
    );
    return 0;
  });
}
