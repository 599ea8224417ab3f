import { CallsideError, type ErrorCode } from '../../../../shared/errors';

/**
 * Hot Prospector answers almost every failure with HTTP 200, `"response": "false"` and a
 * sentence. The sentence is all we have to tell "wrong key" from "no such lead", so the code is
 * chosen from its wording. Order matters: credential sentences also contain "Invalid", and
 * "No … found" sentences may also mention an id.
 */
const AUTH_PATTERNS = [
  /api_?uid|api_?key/i,
  /\btoken\b/i,
  /credential/i,
  /login email or password/i,
  /\bauthenticat/i,
  /\bunauthori[sz]ed\b/i,
];
const NOT_FOUND_PATTERNS = [/\bnot found\b/i, /^\s*no\b.*\bfound\b/i, /\bno such\b/i, /\bdoes not exist\b/i];
const REMOTE_PATTERNS = [/\bunable to\b/i, /\btry again\b/i, /\btemporar/i];

export function classifyRejection(message: string): ErrorCode {
  if (AUTH_PATTERNS.some((p) => p.test(message))) return 'auth';
  if (NOT_FOUND_PATTERNS.some((p) => p.test(message))) return 'not_found';
  if (REMOTE_PATTERNS.some((p) => p.test(message))) return 'remote';
  // Everything else is the server refusing what we sent: bad id, missing field, duplicate.
  return 'invalid_request';
}

/** Provider sentences are shown to people: keep them short and on one line. */
function tidy(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 197)}...` : oneLine;
}

/** The error for a `"response": "false"` answer. */
export function rejectionError(method: string, message: string): CallsideError {
  const text = tidy(message);
  const code = classifyRejection(text);
  const sentence =
    text === '' ? `Hot Prospector refused ${method} without saying why.` : `Hot Prospector refused ${method}: ${text}`;
  return new CallsideError(code, sentence, { retryable: code === 'remote' });
}

/**
 * The error for an answer we cannot read. `detail` names the place (`tag[0].TagId`) and what
 * was expected; it never carries the body, which may hold personal data.
 */
export function malformedAnswer(method: string, detail: string): CallsideError {
  return new CallsideError(
    'malformed',
    `Hot Prospector answered ${method} in a shape Callside cannot read: ${detail}.`,
  );
}

/** Thrown by the value parsers; the row reader turns it into a malformed-answer error. */
export class WireValueError extends Error {
  constructor(readonly expected: string) {
    super(`expected ${expected}`);
    this.name = 'WireValueError';
  }
}
