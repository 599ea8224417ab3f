import type { GoalProgress, MetricsBoard } from '../../../../shared/contract/tray-schemas';
import type { AgentMetrics } from '../../../../shared/domain';
import { clockTime, dayLabel, hoursMinutes, METRIC_LABELS, percent, type CountMetric } from './metric-format';
import { DoNotDisturb } from './DoNotDisturb';
import { useProviderName } from '../../state/workspace-store';
import { useTrayStore } from './tray-store';
import { WhoAmI } from './WhoAmI';

interface Tile {
  /** The AgentMetrics field it shows, when it shows one (the board may list it as hidden). */
  field?: string;
  label: string;
  value: string;
  goal?: GoalProgress;
}

function tiles(me: AgentMetrics, board: MetricsBoard): Tile[] {
  const goals = new Map(board.goals.map((goal) => [goal.metric as CountMetric, goal]));
  const count = (metric: CountMetric): Tile => {
    const goal = goals.get(metric);
    return { field: metric, label: METRIC_LABELS[metric], value: String(me[metric]), ...(goal ? { goal } : {}) };
  };
  const hidden = new Set(board.hidden);
  const all: Tile[] = [
    count('outboundCalls'),
    count('inboundCalls'),
    count('answeredCalls'),
    { field: 'answerRate', label: 'Answer rate', value: percent(me.answerRate) },
    count('talkMinutes'),
    count('conversations'),
    { field: 'conversionRate', label: 'Conversion rate', value: percent(me.conversionRate) },
    count('prospects'),
    count('appointments'),
    count('sms'),
    { field: 'loggedInSec', label: 'Logged in', value: hoursMinutes(me.loggedInSec) },
    {
      label: 'First / last call',
      value: me.firstCall
        ? `${clockTime(me.firstCall, board.timezone)} – ${clockTime(me.lastCall, board.timezone)}`
        : '–',
    },
  ];
  // A figure the provider cannot give is left out, never shown as 0.
  return all.filter((tile) => tile.field === undefined || !hidden.has(tile.field));
}

/** My day: every figure of getMemberDashboardData, with my progress on each goal. */
export function TodayPanel({ board }: { board: MetricsBoard }) {
  const selectDate = useTrayStore((state) => state.selectDate);
  const pickedId = useTrayStore((state) => state.settings?.agent.agentId ?? null);
  const pickedEmail = useTrayStore((state) => state.settings?.agent.email ?? '');
  const provider = useProviderName();
  const me = board.me;
  // Nobody picked and no e-mail, yet matched by id: the account names its own user (Hipcall's uid).
  const byAccount = board.meMatchedBy === 'id' && pickedId === null && pickedEmail.trim() === '';

  return (
    <div className="tray-panel-body">
      {!board.isToday && (
        <p className="tray-day">
          Showing <strong>{dayLabel(board.date, 'long')}</strong>{' '}
          <button type="button" className="tray-link" onClick={() => selectDate(null)}>
            Back to today
          </button>
        </p>
      )}
      {board.isToday && <DoNotDisturb meId={me?.agentId ?? pickedId} timeZone={board.timezone} />}
      {!me && board.agents.length > 0 && (
        <div className="tray-whoami">
          <p className="small">Pick yourself from the team to see your own figures and goals.</p>
          <WhoAmI agents={board.agents} />
        </div>
      )}
      {!me && board.agents.length === 0 && (
        <p className="muted">{board.source === 'none' ? 'No figures yet.' : 'Nobody has made a call on this day.'}</p>
      )}
      {me && (
        <>
          <h2 className="tray-me">
            {me.agentName}
            {board.meMatchedBy === 'email' && <span className="muted small"> (by e-mail)</span>}
            {byAccount && <span className="muted small"> (your {provider} user)</span>}
          </h2>
          <ul className="tray-tiles" aria-label="My figures">
            {tiles(me, board).map((tile) => (
              <li key={tile.label} className={`tray-tile${tile.goal?.reached ? ' reached' : ''}`}>
                <span className="tray-tile-label">{tile.label}</span>
                <span className="tray-tile-value">{tile.value}</span>
                {tile.goal && (
                  <>
                    <progress
                      max={tile.goal.goal}
                      value={Math.min(tile.goal.value, tile.goal.goal)}
                      aria-label={`${tile.label} goal`}
                      aria-valuetext={`${tile.goal.value} of ${tile.goal.goal}`}
                    />
                    <span className="tray-tile-goal small">
                      {tile.goal.reached ? `Goal ${tile.goal.goal} reached` : `Goal ${tile.goal.goal}`}
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
          {me.dispositions.length > 0 && (
            <details className="tray-dispositions">
              <summary>Dispositions</summary>
              <ul aria-label="My dispositions">
                {me.dispositions.map((d) => (
                  <li key={d.title}>
                    {d.title} <strong>{d.count}</strong>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </div>
  );
}
