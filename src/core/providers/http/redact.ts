import { CallsideError, toCallsideError } from '../../../shared/errors';

/** Replaces every known secret in a text; used on anything the server wrote before we repeat it. */
export type Redact = (text: string) => string;

const PLACEHOLDER = '[redacted]';
// Very short values would blank out ordinary words; real keys and tokens are far longer.
const MIN_SECRET_LENGTH = 6;

export function createRedactor(secrets: () => Iterable<string | null | undefined>): Redact {
  return (text) => {
    let result = text;
    for (const secret of secrets()) {
      if (secret && secret.length >= MIN_SECRET_LENGTH) result = result.split(secret).join(PLACEHOLDER);
    }
    return result;
  };
}

/**
 * The last line of defence before an error leaves the transport: whatever produced it, its
 * message must not carry the API key or a token. The cause is dropped when we rewrite, since
 * it may hold the same text.
 */
export function redactError(error: unknown, redact: Redact): CallsideError {
  const typed = toCallsideError(error);
  const clean = redact(typed.message);
  if (clean === typed.message && typed.code !== 'internal') return typed;
  return new CallsideError(typed.code, clean, { retryable: typed.retryable });
}
