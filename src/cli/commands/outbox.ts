import { parseArgs } from 'node:util';
import type { OutboxLists } from '../../core/services/sync-service';
import { CallsideError } from '../../shared/errors';
import type { CommandContext } from '../context';
import { UsageError } from '../output';
import { withWorkspace } from '../workspace-session';

/**
 * `outbox`: the changes waiting to be sent and those Hot Prospector rejected.
 * `outbox retry ID`: puts a rejected change back in line and tries to send it now.
 * `outbox discard ID`: gives up on a change, rejected or still waiting (unless its request is
 * on the wire this moment: then it fails with code 'busy' and can be tried again shortly).
 */
export async function outboxCommand(ctx: CommandContext): Promise<number> {
  const { positionals } = parseArgs({ args: ctx.args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  const [action, id, ...extra] = positionals;
  if (extra.length > 0 || (action !== undefined && (!['retry', 'discard'].includes(action) || !id))) {
    throw new UsageError('usage: callside outbox [retry ID | discard ID] [--json]');
  }
  return withWorkspace(ctx, async ({ sync }) => {
    if (action === 'retry' && id) {
      if (!(await sync.retry(id))) throw new CallsideError('not_found', `No rejected change has the id ${id}.`);
      await sync.push();
    } else if (action === 'discard' && id) {
      if (!(await sync.discard(id))) {
        throw new CallsideError('not_found', `No change in the outbox has the id ${id} (already sent or discarded).`);
      }
      ctx.output.notice(`Discarded ${id}: it will not be sent. The next sync brings back Hot Prospector's version.`);
    }
    const lists = await sync.outbox();
    ctx.output.result(lists, () => describe(lists));
    return 0;
  });
}

function describe(lists: OutboxLists): string {
  const line = (op: OutboxLists['pending'][number]) =>
    `  ${op.id}  ${op.kind.padEnd(16)} lead ${op.leadId ?? '-'}  tries ${op.attempts}${op.lastError ? `  ${op.lastError}` : ''}`;
  return [
    `${lists.pending.length} waiting to be sent`,
    ...lists.pending.map(line),
    `${lists.failed.length} rejected (retry or discard them)`,
    ...lists.failed.map(line),
  ].join('\n');
}
