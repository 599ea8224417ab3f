import { parseArgs } from 'node:util';
import type { Dashboard } from '../../shared/domain';
import type { CommandContext } from '../context';
import { UsageError } from '../output';
import { todayIn } from '../../core/normalize/time';
import { unsupported } from '../../core/providers/port';

/** `metrics [--date YYYY-MM-DD]`: the team's day, native (getMemberDashboardData) or derived from calls. */
export async function metricsCommand(ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args: ctx.args,
    options: { date: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    throw new UsageError('--date must look like 2026-06-23.');
  }
  const core = ctx.openCore({ hostKind: 'cli', demo: false });
  const session = core.accounts.openSession();
  if (!session.dashboard) throw unsupported(session, 'share daily figures');
  const account = core.accounts.summary();
  const date = values.date ?? todayIn(account?.timezone ?? 'UTC');
  const board = await session.dashboard(date);
  const result: Dashboard = { date: board.date, lastUpdated: board.lastUpdated, agents: board.agents };
  ctx.output.result(result, () => renderBoard(result));
  return 0;
}

function renderBoard(board: Dashboard): string {
  const lines = [`${board.date}${board.lastUpdated ? ` (updated ${board.lastUpdated})` : ''}`];
  for (const agent of board.agents) {
    lines.push(
      `${agent.agentName.padEnd(24)} out ${agent.outboundCalls}  in ${agent.inboundCalls}  answered ${Math.round(
        agent.answerRate * 100,
      )}%  talk ${agent.talkMinutes} min  appts ${agent.appointments}`,
    );
  }
  if (board.agents.length === 0) lines.push('No activity recorded for this day.');
  return lines.join('\n');
}
