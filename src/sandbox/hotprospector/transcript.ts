import { createRng, deriveSeed } from '../random';
import { AGENT_LINES, LEAD_LINES } from './seed-corpus';
import type { SbCall, SbLead, SbMember } from './types';

/**
 * A call's transcript, rendered on demand from the run seed and the call id: the same call
 * always says the same words, and a 500k-row dataset does not carry 100k transcripts in memory.
 */

export interface Turn {
  role: 'agent' | 'lead';
  text: string;
  startMs: number;
  endMs: number;
  confidence: number;
}

export function transcriptTurns(
  seed: number,
  call: SbCall,
  lead: SbLead | undefined,
  member: SbMember | undefined,
): Turn[] {
  const rng = createRng(deriveSeed(seed, 'transcript', call.id));
  const fill = (line: string): string =>
    line.replace('{agent}', member?.firstName ?? 'the agent').replace('{name}', lead?.firstName ?? 'there');
  const count = Math.max(2, Math.min(8, Math.floor(call.durationSec / 20) + rng.int(0, 2)));
  const slot = Math.floor((call.durationSec * 1000) / count);
  const turns: Turn[] = [];
  // Each side walks its pool in order, skipping a line now and then, so the talk reads naturally.
  const position = { agent: 0, lead: 0 };
  for (let i = 0; i < count; i++) {
    const role = i % 2 === 0 ? 'agent' : 'lead';
    const pool = role === 'agent' ? AGENT_LINES : LEAD_LINES;
    const index = Math.min(pool.length - 1, position[role]);
    position[role] += rng.chance(0.25) ? 2 : 1;
    turns.push({
      role,
      text: fill(pool[index] ?? ''),
      startMs: i * slot,
      endMs: (i + 1) * slot,
      confidence: Math.round((0.9 + rng.next() * 0.09) * 100) / 100,
    });
  }
  return turns;
}
