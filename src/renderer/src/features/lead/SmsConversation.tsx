import type { Activity } from '../../../../shared/domain';
import { formatTime, plural } from '../../lib/format';

/** Text messages as a conversation: the lead's on the left, ours on the right. */
export function SmsConversation({ messages, timeZone }: { messages: Activity[]; timeZone: string }) {
  return (
    <li className="event event-sms">
      <div className="event-head">
        <span className="event-kind">Text messages</span>
        <span className="muted small">{plural(messages.length, 'message', 'messages')}</span>
      </div>
      <ol className="bubbles" aria-label="Text conversation">
        {messages.map((message) => (
          <li key={message.id} className={`bubble ${message.direction === 'inbound' ? 'in' : 'out'}`}>
            <span className="visually-hidden">{message.direction === 'inbound' ? 'Received: ' : 'Sent: '}</span>
            <span className="bubble-text">{message.text ?? ''}</span>
            <time className="bubble-time" dateTime={message.at}>
              {formatTime(message.at, timeZone, 'short')}
            </time>
          </li>
        ))}
      </ol>
    </li>
  );
}
