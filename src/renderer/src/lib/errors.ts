import { isCallsideError } from '../../../shared/errors';

const FALLBACK = 'Callside could not do that. Try again in a moment.';
const MAX_LENGTH = 240;

/**
 * One short sentence for the agent. Core already words its errors for people; this keeps only
 * the first line and a bounded length, so a message can never turn into a wall of stack text.
 */
export function messageOf(error: unknown): string {
  if (!isCallsideError(error)) return FALLBACK;
  const firstLine = error.message.split('\n', 1)[0]?.trim() ?? '';
  if (!firstLine) return FALLBACK;
  return firstLine.length > MAX_LENGTH ? `${firstLine.slice(0, MAX_LENGTH - 1)}…` : firstLine;
}
