import { CallsideError } from '../../../../shared/errors';
import { decodeBody, type DecodedBody } from './decode';
import type { HttpAnswer } from './http';
import type { Redact } from '../../http/redact';
import { envelopeMessage, isCredentialRefusal } from './refusals';

const MAX_QUOTED = 200;

/** Server text repeated to a person: secrets scrubbed, length bounded. */
export function quote(text: string, redact: Redact): string {
  const clean = redact(text).replace(/\s+/g, ' ').trim();
  return clean.length > MAX_QUOTED ? `${clean.slice(0, MAX_QUOTED - 1)}…` : clean;
}

function describeBody(body: DecodedBody, status: number): string | null {
  switch (body.kind) {
    case 'html':
      return `Hot Prospector answered with an HTML page instead of data (HTTP ${status}).`;
    case 'empty':
      return `Hot Prospector sent an empty answer (HTTP ${status}).`;
    case 'truncated':
      return `Hot Prospector's answer was cut off or is not valid JSON (HTTP ${status}).`;
    case 'text':
      return `Hot Prospector answered with plain text instead of data (HTTP ${status}).`;
    default:
      return null;
  }
}

function routerError(
  body: { message: string | null },
  status: number,
  redact: Redact,
  retryable: boolean,
): CallsideError {
  const detail = body.message ? `: ${quote(body.message, redact)}` : '.';
  return new CallsideError('remote', `Hot Prospector's router refused the call (HTTP ${status})${detail}`, {
    retryable,
  });
}

export const CREDENTIALS_REFUSED =
  'Hot Prospector refused the API credentials (api_uId or api_key). Check them in the account settings.';

/**
 * Turns a fully read HTTP answer into the decoded JSON body, or the typed error it means.
 * Token refusals (V2) are recognized by the caller before this, since they lead to a refresh
 * rather than an error.
 */
export function interpretAnswer(
  answer: HttpAnswer,
  redact: Redact,
  // Callers that already looked at the body pass it in: transcript pages are large to parse twice.
  body: DecodedBody = decodeBody(answer.text, answer.contentType),
): unknown {
  const { status } = answer;
  const serverMessage = body.kind === 'json' ? envelopeMessage(body.value) : null;
  const detail = serverMessage ? `: ${quote(serverMessage, redact)}` : '.';

  if (status >= 500) {
    if (body.kind === 'php') throw routerError(body, status, redact, true);
    const message = describeBody(body, status) ?? `Hot Prospector failed on its side (HTTP ${status})${detail}`;
    throw new CallsideError('remote', message, { retryable: true });
  }
  if (status === 401 || status === 403 || (body.kind === 'json' && isCredentialRefusal(body.value))) {
    throw new CallsideError(
      'auth',
      body.kind === 'json' && isCredentialRefusal(body.value)
        ? CREDENTIALS_REFUSED
        : `Hot Prospector refused the credentials (HTTP ${status}).`,
    );
  }
  if (status === 429) {
    throw new CallsideError('remote', 'Hot Prospector is limiting requests right now (HTTP 429).', { retryable: true });
  }
  if (status >= 300 && status < 400) {
    throw new CallsideError(
      'remote',
      `Hot Prospector redirected the request elsewhere (HTTP ${status}). Check the API address in the account settings.`,
    );
  }
  if (status >= 400) {
    throw new CallsideError('invalid_request', `Hot Prospector rejected the request (HTTP ${status})${detail}`);
  }
  if (status < 200) {
    throw new CallsideError('malformed', `Hot Prospector sent an unexpected HTTP status (${status}).`);
  }

  if (body.kind === 'json') return body.value;
  if (body.kind === 'php') throw routerError(body, status, redact, false);
  throw new CallsideError('malformed', describeBody(body, status) ?? `Hot Prospector's answer could not be read.`);
}
