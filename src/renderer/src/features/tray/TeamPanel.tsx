import { useState } from 'react';
import type { MetricsBoard } from '../../../../shared/contract/tray-schemas';
import { METRIC_LABELS, type CountMetric } from './metric-format';

const RANK_BY: CountMetric[] = [
  'appointments',
  'conversations',
  'talkMinutes',
  'answeredCalls',
  'outboundCalls',
  'prospects',
];

/** The team leaderboard of the day, ranked by a figure the agent picks. */
export function TeamPanel({ board }: { board: MetricsBoard }) {
  const offered = RANK_BY.filter((metric) => !board.hidden.includes(metric));
  const [picked, setRankBy] = useState<CountMetric>('appointments');
  // A figure the provider cannot give ranks no one.
  const rankBy = offered.includes(picked) ? picked : (offered[0] ?? 'outboundCalls');
  const ranked = [...board.agents].sort(
    (a, b) => b[rankBy] - a[rankBy] || b.talkMinutes - a.talkMinutes || a.agentName.localeCompare(b.agentName),
  );

  return (
    <div className="tray-panel-body">
      <label className="field tray-inline-field">
        <span>Rank by</span>
        <select value={rankBy} onChange={(event) => setRankBy(event.target.value as CountMetric)}>
          {offered.map((metric) => (
            <option key={metric} value={metric}>
              {METRIC_LABELS[metric]}
            </option>
          ))}
        </select>
      </label>
      {ranked.length === 0 ? (
        <p className="muted">No agent has figures for this day.</p>
      ) : (
        <table className="tray-table">
          <caption className="visually-hidden">Leaderboard by {METRIC_LABELS[rankBy].toLowerCase()}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Agent</th>
              <th scope="col" className="num">
                {METRIC_LABELS[rankBy]}
              </th>
              <th scope="col" className="num">
                Calls
              </th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((agent, index) => {
              const mine = board.me?.agentId === agent.agentId;
              return (
                <tr key={agent.agentId} className={mine ? 'mine' : undefined} aria-current={mine ? 'true' : undefined}>
                  <td>{index + 1}</td>
                  <th scope="row">
                    {agent.agentName}
                    {mine && <span className="pill tray-you">you</span>}
                  </th>
                  <td className="num">{agent[rankBy]}</td>
                  <td className="num">{agent.outboundCalls + agent.inboundCalls}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
