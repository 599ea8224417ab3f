import type { Activity, TranscriptTurn } from '../../../../shared/domain';
import { readCall } from './activities';
import type { ReadContext } from './context';
import { isPlainObject, openJsonText } from './jsonText';
import type { WireRecord } from './record';

/**
 * FetchCallTranscripts rows are call rows plus the conversation, which the docs show three ways:
 * - V2: `message_data` as [{role, content}] and `message_data_raw` as "agent: …\nlead: …"
 * - V1: `message_data` as plain sentences and `message_data_raw` as JSON text
 *   {"messages":[{speaker, text, …}]}, which alone knows who spoke
 * - `transcript_text` as one block of text.
 * The richest form present wins.
 */

function turnFromObject(item: Record<string, unknown>): TranscriptTurn | null {
  const speaker = item.role ?? item.speaker ?? item.channel ?? '';
  const text = item.content ?? item.text ?? item.message;
  if (typeof text !== 'string') return null;
  return { speaker: String(speaker), text };
}

function turnsFromList(list: unknown): TranscriptTurn[] | null {
  if (!Array.isArray(list) || list.length === 0) return null;
  const turns: TranscriptTurn[] = [];
  for (const item of list) {
    const turn =
      typeof item === 'string' ? { speaker: '', text: item } : isPlainObject(item) ? turnFromObject(item) : null;
    if (turn === null) return null;
    turns.push(turn);
  }
  return turns;
}

/** "agent: Hi\nlead: Hello" → two turns; lines without a "speaker:" prefix join the previous turn. */
function turnsFromLines(text: string): TranscriptTurn[] | null {
  const turns: TranscriptTurn[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z][\w ]{0,30}?):\s?(.*)$/.exec(line);
    if (match) turns.push({ speaker: match[1] ?? '', text: match[2] ?? '' });
    else if (turns.length > 0 && line.trim() !== '') {
      const last = turns[turns.length - 1];
      if (last) last.text = `${last.text}\n${line}`;
    } else if (line.trim() !== '') return null;
  }
  return turns.length > 0 ? turns : null;
}

function rawMessages(value: unknown): unknown {
  const opened = openJsonText(value);
  return isPlainObject(opened) ? opened.messages : opened;
}

export function readTranscriptTurns(row: WireRecord): TranscriptTurn[] {
  const structured = turnsFromList(openJsonText(row.raw('message_data')));
  const hasSpeakers = structured?.some((turn) => turn.speaker !== '') ?? false;
  if (structured && hasSpeakers) return structured;

  const raw = row.raw('message_data_raw');
  const fromRaw = turnsFromList(rawMessages(raw)) ?? (typeof raw === 'string' ? turnsFromLines(raw) : null);
  if (fromRaw) return fromRaw;
  if (structured) return structured;
  return turnsFromLines(row.text('transcript_text')) ?? [];
}

export function readTranscript(row: WireRecord, ctx: ReadContext): Activity {
  const call = readCall(row, ctx);
  const turns = readTranscriptTurns(row);
  const text =
    row.optionalText('transcript_text') ?? (turns.length > 0 ? turns.map((turn) => turn.text).join('\n') : null);
  return {
    ...call,
    id: call.id.replace(/^call:/, 'transcript:'),
    kind: 'transcript',
    text,
    turns,
  };
}
