import type { Activity } from '../../../../shared/domain';
import { useTimeZone } from '../../state/settings-store';
import { CallItem } from './CallItem';
import { NoteEventItem } from './NoteEventItem';
import { RvmItem } from './RvmItem';
import { SmsConversation } from './SmsConversation';
import { toEntries } from './timeline-entries';
import { TranscriptItem } from './TranscriptItem';

/** Calls, texts, voicemail drops, notes and transcripts in one list, newest first. */
export function Timeline({ timeline }: { timeline: Activity[] }) {
  const timeZone = useTimeZone();
  const entries = toEntries(timeline);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h3 id="timeline-title">Timeline</h3>
      {entries.length === 0 ? (
        <p className="muted small">No calls, texts or voicemail drops yet.</p>
      ) : (
        <ol className="timeline" aria-label="Timeline">
          {entries.map((entry) => {
            if (entry.type === 'sms') {
              return <SmsConversation key={entry.key} messages={entry.messages} timeZone={timeZone} />;
            }
            const { activity } = entry;
            switch (activity.kind) {
              case 'call':
                return <CallItem key={entry.key} call={activity} timeZone={timeZone} />;
              case 'rvm':
                return <RvmItem key={entry.key} drop={activity} timeZone={timeZone} />;
              case 'transcript':
                return <TranscriptItem key={entry.key} transcript={activity} timeZone={timeZone} />;
              default:
                return <NoteEventItem key={entry.key} note={activity} timeZone={timeZone} />;
            }
          })}
        </ol>
      )}
    </section>
  );
}
