import type { Activity } from '../../../../shared/domain';
import { formatDuration, formatTime, humanize } from '../../lib/format';
import { safeHttpsUrl } from '../../lib/links';
import { RecordingPlayer } from './RecordingPlayer';
import { directionLabel } from './timeline-entries';

export function CallItem({ call, timeZone }: { call: Activity; timeZone: string }) {
  // A link that expires is played through main, which never hands out a stale one.
  const expiring = Boolean(call.recordingExpiresAt);
  const recording = expiring ? null : safeHttpsUrl(call.recordingUrl);
  const title = `${directionLabel(call.direction)} call`.trim();
  return (
    <li className={`event event-call ${call.direction ?? ''}`}>
      <div className="event-head">
        <span className="event-kind">{title}</span>
        <time dateTime={call.at}>{formatTime(call.at, timeZone)}</time>
      </div>
      <div className="event-body">
        {/* A missed call's "0s" says nothing the status does not. */}
        {call.durationSec !== null && call.durationSec > 0 && <span>{formatDuration(call.durationSec)}</span>}
        {call.status && <span className="pill pill-muted">{humanize(call.status)}</span>}
        {/* Who took or made it, where the provider says (provider text: rendered as text). */}
        {call.agentName && <span className="muted">{call.agentName}</span>}
        {expiring && <RecordingPlayer activity={call} />}
        {recording && (
          // The one provider URL we link: checked to be https first (lib/links.ts).
          <a href={recording} target="_blank" rel="noreferrer noopener">
            Play recording
          </a>
        )}
      </div>
    </li>
  );
}
