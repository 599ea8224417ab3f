import type { PopResult } from '../../../../shared/contract/tray-schemas';
import { formatTime, leadName } from '../../lib/format';
import { clockTime } from './metric-format';
import { useTrayStore } from './tray-store';

const ACTIVITY_WORDS: Record<string, string> = {
  call: 'Call',
  sms: 'SMS',
  rvm: 'Voicemail drop',
  note: 'Note',
  transcript: 'Transcript',
};

/**
 * The screen pop: who is calling, from the cache, the moment the softphone hands over the
 * number. An unknown number offers to start a lead with it.
 */
export function PopCard({ pop, timeZone }: { pop: PopResult; timeZone: string }) {
  const dismiss = useTrayStore((state) => state.dismissPop);
  const openLead = useTrayStore((state) => state.openLead);
  const createLead = useTrayStore((state) => state.createLead);
  const notice = useTrayStore((state) => state.popNotice);
  const lead = pop.lead;
  const number = pop.e164 ?? pop.phone;

  return (
    <section className="tray-pop" role="region" aria-label="Screen pop" aria-live="assertive">
      <div className="tray-pop-head">
        <span className="tray-pop-kicker">Caller · {clockTime(pop.at, timeZone)}</span>
        <button type="button" className="tray-link" onClick={dismiss}>
          Dismiss
        </button>
      </div>
      {lead ? (
        <>
          <h2 className="tray-pop-name">{leadName(lead)}</h2>
          <p className="tray-pop-line mono">{number}</p>
          {(lead.company || lead.city || lead.state) && (
            <p className="tray-pop-line muted">
              {[lead.company, [lead.city, lead.state].filter(Boolean).join(', ')].filter(Boolean).join(' · ')}
            </p>
          )}
          {lead.tags.length > 0 && (
            <ul className="tray-tags" aria-label="Tags">
              {lead.tags.slice(0, 6).map((tag) => (
                <li key={tag.id} className="pill">
                  {tag.title}
                </li>
              ))}
            </ul>
          )}
          {lead.unsubscribed && <p className="pill pill-warn">Unsubscribed</p>}
          {pop.recent.length > 0 && (
            <ul className="tray-pop-recent" aria-label="Latest activity">
              {pop.recent.map((activity) => (
                <li key={activity.id}>
                  <span className="muted">{formatTime(activity.at, timeZone, 'short')}</span>{' '}
                  {ACTIVITY_WORDS[activity.kind] ?? activity.kind}
                  {activity.direction ? ` (${activity.direction})` : ''}
                  {activity.text ? `: ${activity.text.slice(0, 80)}` : activity.status ? `: ${activity.status}` : ''}
                </li>
              ))}
            </ul>
          )}
          <div className="tray-actions">
            <button type="button" className="primary" onClick={() => void openLead(lead.id)}>
              Open lead
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 className="tray-pop-name">Unknown number</h2>
          <p className="tray-pop-line mono">{number}</p>
          <p className="tray-pop-line muted small">
            {pop.e164 ? 'No lead in Callside has this number.' : 'This does not look like a phone number.'}
          </p>
          {pop.e164 && (
            <div className="tray-actions">
              <button type="button" className="primary" onClick={() => void createLead(pop.e164 ?? pop.phone)}>
                Create lead
              </button>
            </div>
          )}
        </>
      )}
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'notice-ok' : 'alert'}>
          {notice.message}
        </p>
      )}
    </section>
  );
}
