import type { CampaignBreakdown } from '../../../../shared/contract/tray-schemas';
import { percent } from './metric-format';

/** My figures per campaign, with the dispositions I logged in each (getDashboardMemberDatabyCampaign). */
export function CampaignsPanel({ breakdown }: { breakdown: CampaignBreakdown }) {
  const mine = breakdown.campaigns.filter((row) => row.me && row.me.outboundCalls + row.me.inboundCalls > 0);
  const rows = breakdown.meMatched ? mine : breakdown.campaigns;
  const quiet = breakdown.campaigns.length - rows.length;

  return (
    <div className="tray-panel-body">
      {!breakdown.meMatched && breakdown.campaigns.length > 0 && (
        <p className="muted small">
          Pick yourself on the Today tab to see your own figures; these are the team&apos;s.
        </p>
      )}
      {breakdown.campaigns.length === 0 && <p className="muted">No campaigns for this day.</p>}
      <ul className="tray-campaigns" aria-label="Campaigns">
        {rows.map((row) => (
          <li key={row.id} className="tray-campaign">
            <h3>{row.title}</h3>
            {row.me ? (
              <>
                <p className="small">
                  {row.me.outboundCalls} out · {row.me.inboundCalls} in · {row.me.answeredCalls} answered (
                  {percent(row.me.answerRate)}) · {row.me.conversations} conversations · {row.me.appointments}{' '}
                  appointments
                </p>
                {row.me.dispositions.length > 0 ? (
                  <ul className="tray-dispo-list" aria-label={`Dispositions in ${row.title}`}>
                    {row.me.dispositions.map((d) => (
                      <li key={d.title}>
                        <span>{d.title}</span> <strong>{d.count}</strong>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted small">No dispositions logged.</p>
                )}
              </>
            ) : (
              <p className="small">
                Team: {row.team.outboundCalls} out · {row.team.answeredCalls} answered · {row.team.appointments}{' '}
                appointments ({row.team.agents} agents)
              </p>
            )}
          </li>
        ))}
      </ul>
      {breakdown.meMatched && quiet > 0 && (
        <p className="muted small">
          {quiet} {quiet === 1 ? 'campaign' : 'campaigns'} without your calls on this day.
        </p>
      )}
    </div>
  );
}
