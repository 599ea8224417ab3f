import { parseArgs } from 'node:util';
import type { OutboxLists } from '../../main/core/services/sync-service';
import { CallsideError } from '../../shared/errors';
import type { CommandContext } from '../context';
import { UsageError } from '../output';
import { withWorkspace } from '../workspace-session';

/**
 * `outbox`: the changes waiting to be sent and those Hot Prospector rejected.
 * `outbox retry ID`: puts a rejected change back in line and tries to send it now.
 * `outbox discard ID`: gives up on a rejected change.
 */
export async function outboxCommand(ctx: CommandContext): Promise<number> {
  const { positionals } = parseArgs({ args: ctx.args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  const [action, id, ...extra] = positionals;
  if (extra.length > 0 || (action !== undefined && (!['retry', 'discard'].includes(action) || !id))) {
    throw new UsageError('usage: callside outbox [retry ID | discard ID] [--json]');
  }
  return withWorkspace(ctx, async ({ sync }) => {
    if (action && id) {
      const done = action === 'retry' ? await sync.retry(id) : await sync.discard(id);
      if (!done) throw new CallsideError('not_found', `No rejected change has the id ${id}.`);
      if (action === 'retry') await sync.push();
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
