import { parseArgs } from 'node:util';
import type { CommandContext } from '../context';
import { deliveryOf, describeDelivery, failIfRejected, providerNameOf } from '../delivery-report';
import { UsageError } from '../output';
import { withWorkspace } from '../workspace-session';

/** `tag add|remove LEAD_ID TAG...`: applied to the cache at once, queued, then pushed. */
export async function tagCommand(ctx: CommandContext): Promise<number> {
  const { positionals } = parseArgs({ args: ctx.args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  const [action, leadId, ...tags] = positionals;
  if ((action !== 'add' && action !== 'remove') || !leadId || tags.length === 0) {
    throw new UsageError('usage: callside tag add|remove LEAD_ID TAG... [--json]   (TAG: a tag id or exact title)');
  }
  return withWorkspace(ctx, async ({ cache, sync, actions }) => {
    const { lead, opId } = await actions.changeTags(leadId, action, tags);
    const delivery = await deliveryOf(cache, opId, await sync.push());
    failIfRejected(delivery, opId);
    const provider = await providerNameOf(sync);
    const current = (await cache.leads.get(leadId)) ?? lead;
    ctx.output.result(
      { lead: current, opId, ...delivery },
      () =>
        `Lead ${leadId} tags: ${current.tags.map((t) => t.title).join(', ') || '(none)'}; ${describeDelivery(delivery, provider)}.`,
    );
    return 0;
  });
}
