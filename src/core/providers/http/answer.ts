import { CallsideError } from '../../../shared/errors';
import type { Redact } from './redact';
import { decodeBody, type DecodedBody } from './decode';
import type { HttpAnswer } from './exchange';

const MAX_QUOTED = 200;

/** Server text repeated to a person: secrets scrubbed, one line, bounded. */
export function quote(text: string, redact: Redact): string {
  const clean = redact(text).replace(/\s+/g, ' ').trim();
  return clean.length > MAX_QUOTED ? `${clean.slice(0, MAX_QUOTED - 1)}…` : clean;
}

/** Laravel's `{"message": "…"}` (with `errors` on a 422), DRF's `{"detail": "…"}`, or a bare `{"error": "…"}`. */
function serverMessage(body: DecodedBody): string | null {
  if (body.kind !== 'json' || typeof body.value !== 'object' || body.value === null) return null;
  const fields = body.value as Record<string, unknown>;
  for (const name of ['message', 'detail', 'error']) {
    const value = fields[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

/** Who answered and what a person should check when access is refused. */
export interface AnswerContext {
  /** As an agent reads it: "${provider}". */
  provider: string;
  /** Appended to a 403: "Check the API key and the client account id." */
  forbiddenHint?: string;
}

export function unreadable(body: DecodedBody, endpoint: string, status: number, provider: string): CallsideError {
  const what =
    body.kind === 'html'
      ? 'an HTML page instead of data'
      : body.kind === 'empty'
        ? 'an empty answer'
        : body.kind === 'truncated'
          ? 'JSON that is cut off or broken'
          : 'plain text instead of data';
  return new CallsideError('malformed', `${provider} answered ${endpoint} with ${what} (HTTP ${status}).`);
}

/**
 * Turns a fully read answer (429 aside: the transport waits on those) into its decoded body, or
 * the typed error it means. A write's 2xx answer is null unless it is JSON. `endpoint` is "GET /leads": method and path, never the query.
 */
export function interpretAnswer(
  answer: HttpAnswer,
  endpoint: string,
  redact: Redact,
  options: { write: boolean; lenient?: boolean },
  context: AnswerContext,
): unknown {
  const { status } = answer;
  const { provider } = context;
  const body = decodeBody(answer.text, answer.contentType, { lenient: options.lenient ?? false });
  const said = serverMessage(body);
  const detail = said ? `: ${quote(said, redact)}` : '.';

  if (status >= 500) {
    const message = `${provider} failed on its side answering ${endpoint} (HTTP ${status})${detail}`;
    return fail(new CallsideError('remote', message, { retryable: true }));
  }
  if (status === 401 || status === 403) {
    const message =
      status === 401
        ? `${provider} refused the API key (HTTP 401). Check it in the account settings.`
        : `${provider} refused access to ${endpoint} (HTTP 403)${detail} ${context.forbiddenHint ?? 'Check the API key.'}`;
    return fail(new CallsideError('auth', message));
  }
  if (status === 404)
    return fail(new CallsideError('not_found', `${provider} has nothing at ${endpoint} (HTTP 404)${detail}`));
  if (status === 429) {
    return fail(
      new CallsideError('remote', `${provider} is limiting requests right now (HTTP 429).`, { retryable: true }),
    );
  }
  if (status >= 300 && status < 400) {
    return fail(
      new CallsideError(
        'remote',
        `${provider} redirected ${endpoint} elsewhere (HTTP ${status}). Check the API address in the account settings.`,
      ),
    );
  }
  if (status >= 400) {
    return fail(new CallsideError('invalid_request', `${provider} rejected ${endpoint} (HTTP ${status})${detail}`));
  }
  if (status < 200)
    return fail(new CallsideError('malformed', `${provider} sent an unexpected HTTP status (${status}).`));

  if (body.kind === 'json') return body.value;
  // A 2xx to a write means it landed; its echo is not needed. A login page is not the API answering.
  if (options.write && body.kind !== 'html') return null;
  return fail(unreadable(body, endpoint, status, provider));
}

function fail(error: CallsideError): never {
  throw error;
}

/** Retry-After as seconds ("2") or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return null;
  return Math.max(0, at - now);
}
