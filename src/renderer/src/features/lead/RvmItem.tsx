import type { Activity } from '../../../../shared/domain';
import { formatDuration, formatTime, humanize } from '../../lib/format';

/** A ringless voicemail drop. */
export function RvmItem({ drop, timeZone }: { drop: Activity; timeZone: string }) {
  return (
    <li className="event event-rvm">
      <div className="event-head">
        <span className="event-kind">Voicemail drop</span>
        <time dateTime={drop.at}>{formatTime(drop.at, timeZone)}</time>
      </div>
      <div className="event-body">
        {drop.durationSec !== null && <span>{formatDuration(drop.durationSec)}</span>}
        {drop.status && <span className="pill pill-muted">{humanize(drop.status)}</span>}
      </div>
    </li>
  );
}
