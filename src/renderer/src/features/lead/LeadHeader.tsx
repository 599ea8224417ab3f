import type { Lead } from '../../../../shared/domain';
import { leadName } from '../../lib/format';
import { isDoNotCall, leadLocalTime } from '../../lib/lead-local-time';
import { useLeadStore } from '../../state/lead-store';
import { groupTitle, useWorkspaceStore } from '../../state/workspace-store';
import { PhoneActions } from './PhoneActions';

export function LeadHeader({ lead }: { lead: Lead }) {
  const overview = useWorkspaceStore((state) => state.overview);
  const close = useLeadStore((state) => state.close);
  const place = [lead.city, lead.state].filter(Boolean).join(', ');
  const subtitle = [lead.company, place].filter(Boolean).join(' · ');
  const doNotCall = isDoNotCall(lead);
  const local = leadLocalTime(lead);

  return (
    <header className="lead-header">
      <button type="button" className="back-button" onClick={close}>
        ← Back to queue
      </button>
      <h2 id="lead-heading" className="lead-name">
        {leadName(lead)}
      </h2>
      {subtitle && <p className="lead-subtitle">{subtitle}</p>}
      {local && (
        <p className="lead-local-time small">
          Their time: <strong>{local.time}</strong>
          {!local.withinCallingHours && (
            <span className="pill pill-warn" role="note">
              Outside calling hours there (8:00–21:00)
            </span>
          )}
        </p>
      )}
      <div className="lead-badges">
        {lead.unsubscribed && <span className="pill pill-warn">Unsubscribed</span>}
        {lead.groupIds.map((id) => (
          <span key={id} className="pill pill-muted">
            {groupTitle(overview, id)}
          </span>
        ))}
      </div>
      <div className="phones">
        {lead.phone && (
          <PhoneActions
            key={`${lead.id}:phone`}
            leadId={lead.id}
            label="Phone"
            phone={lead.phone}
            doNotCall={doNotCall}
          />
        )}
        {lead.mobile && lead.mobile !== lead.phone && (
          <PhoneActions
            key={`${lead.id}:mobile`}
            leadId={lead.id}
            label="Mobile"
            phone={lead.mobile}
            doNotCall={doNotCall}
          />
        )}
        {!lead.phone && !lead.mobile && <p className="muted small">No phone number on file.</p>}
      </div>
    </header>
  );
}
