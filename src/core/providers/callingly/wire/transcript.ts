import type { TranscriptTurn } from '../../../../shared/domain';

const SPEAKER_LINE = /^\s*(Speaker\s+[^:\r\n]{1,20}?)\s*:\s?(.*)$/i;

/**
 * "Speaker A: Hello this is a call..." [CL:105] as turns: each `Speaker X:` line starts one;
 * other lines continue the turn before them (or open one with no speaker when none came yet).
 */
export function transcriptTurns(text: string): TranscriptTurn[] {
  const turns: TranscriptTurn[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = SPEAKER_LINE.exec(line);
    if (match) {
      turns.push({ speaker: (match[1] ?? '').replace(/\s+/g, ' '), text: (match[2] ?? '').trim() });
      continue;
    }
    if (line.trim() === '') continue;
    const last = turns[turns.length - 1];
    if (last) last.text = last.text === '' ? line.trim() : `${last.text}\n${line.trim()}`;
    else turns.push({ speaker: '', text: line.trim() });
  }
  return turns;
}
