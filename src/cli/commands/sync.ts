import { parseArgs } from 'node:util';
import type { SyncProgress } from '../../core/sync';
import type { CommandContext } from '../context';
import type { Output } from '../output';
import { withWorkspace } from '../workspace-session';

/** `sync [--full]`: pushes the outbox, then pulls; counts per resource on stdout, progress on stderr. */
export async function syncCommand(ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args: ctx.args,
    options: { full: { type: 'boolean', default: false }, json: { type: 'boolean' } },
    strict: true,
  });
  const full = values.full ?? false;
  return withWorkspace(ctx, async ({ sync }) => {
    const { pushed, pulled } = await sync.run({ full, onProgress: progressPrinter(ctx.output) });
    const stoppedBy = pushed.stoppedBy ? { code: pushed.stoppedBy.code, message: pushed.stoppedBy.message } : null;
    // Changes left queued are not a failed sync (the pull still ran), but the agent should know why.
    if (stoppedBy) ctx.output.notice(`sync: outbox ${stopWord(stoppedBy.code)}: ${stoppedBy.message}`);
    const result = {
      full,
      counts: pulled.counts,
      outbox: {
        delivered: pushed.delivered,
        keptLocal: pushed.keptLocal,
        rejected: pushed.rejected,
        pending: pushed.pending,
        failed: pushed.failed,
        /** Why changes were left queued ('busy': another Callside process is delivering them); null when none were. */
        stoppedBy,
      },
      lastSyncAt: pulled.completedAt,
    };
    ctx.output.result(result, () =>
      [
        `Synced${full ? ' (full)' : ''} at ${result.lastSyncAt}.`,
        ...Object.entries(result.counts).map(([resource, count]) => `  ${resource.padEnd(16)} ${count}`),
        `  outbox: ${pushed.delivered} sent, ${pushed.keptLocal} kept local, ${pushed.pending} waiting, ${pushed.failed} rejected`,
        ...(stoppedBy ? [`  waiting because: ${stoppedBy.message}`] : []),
      ].join('\n'),
    );
    return 0;
  });
}

/** 'busy': another Callside process holds the outbox; anything else stopped delivery here. */
function stopWord(code: string): string {
  return code === 'busy' ? 'busy' : `stopped (${code})`;
}

/**
 * One stderr line when a resource starts and ends, and at most one a second while it runs:
 * enough to follow a long sync without flooding a log.
 */
function progressPrinter(output: Output): (progress: SyncProgress) => void {
  const lastLine = new Map<string, number>();
  return (progress) => {
    const now = Date.now();
    const previous = lastLine.get(progress.resource);
    if (progress.state === 'running' && previous !== undefined && now - previous < 1000) return;
    lastLine.set(progress.resource, now);
    const count = progress.total === null ? `${progress.done}` : `${progress.done}/${progress.total}`;
    const eta = progress.state === 'running' && progress.etaSec !== null ? ` (about ${progress.etaSec} s left)` : '';
    output.notice(`sync: ${progress.resource} ${progress.state} ${count}${eta}`);
  };
}
