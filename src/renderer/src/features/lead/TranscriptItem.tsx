import type { Activity } from '../../../../shared/domain';
import { formatTime, plural } from '../../lib/format';

/** Collapsed by default: a transcript is long, and the agent opens the one they need. */
export function TranscriptItem({ transcript, timeZone }: { transcript: Activity; timeZone: string }) {
  const turns = transcript.turns ?? [];
  return (
    <li className="event event-transcript">
      <details>
        <summary>
          <span className="event-kind">Call transcript</span>
          <span className="muted small">{turns.length > 0 ? plural(turns.length, 'turn', 'turns') : ''}</span>
          <time dateTime={transcript.at}>{formatTime(transcript.at, timeZone)}</time>
        </summary>
        {turns.length > 0 ? (
          <ol className="turns" aria-label="Transcript">
            {turns.map((turn, index) => (
              <li key={index} className="turn">
                <span className="turn-speaker">{turn.speaker}</span>
                <span className="turn-text">{turn.text}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="transcript-text">{transcript.text ?? 'No transcript text.'}</p>
        )}
      </details>
    </li>
  );
}
