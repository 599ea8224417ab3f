/**
 * Recognizes the refusals that a Hot Prospector answer carries in its body (HTTP 200 with a
 * message), which the transport must act on rather than hand to the method normalizers.
 */

/** Legacy endpoints wrap their envelope in a one-item array; look inside it. */
export function unwrapSingle(body: unknown): unknown {
  return Array.isArray(body) && body.length === 1 ? body[0] : body;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The envelope's human message, if it has one. */
export function envelopeMessage(body: unknown): string | null {
  const message = asRecord(unwrapSingle(body))?.['message'];
  return typeof message === 'string' && message.trim() !== '' ? message.trim() : null;
}

/** `"response": "true"` / `"True"` / `true`, or V2's `"success": true`. */
export function claimsSuccess(body: unknown): boolean {
  const record = asRecord(unwrapSingle(body));
  if (!record) return false;
  const flag = record['response'] ?? record['success'];
  return flag === true || (typeof flag === 'string' && flag.trim().toLowerCase() === 'true');
}

function refusalMessage(body: unknown): string | null {
  const record = asRecord(unwrapSingle(body));
  if (!record || claimsSuccess(record)) return null;
  return envelopeMessage(record);
}

// Seen: "Invalid (api_uId or api_key)", "Invalid api_uId or api_key.",
// "Invalid (login email or password)/(api_uId or api_key)".
const CREDENTIALS = /api_uid\s*\)?\s*or\s*\(?\s*api_key|invalid api credentials/i;

// Seen: "Invalid or expired token", "Invalid token"; also the revoke/refresh wordings.
const TOKEN =
  /\b(?:invalid|expired|revoked|missing)\b[^.]*\btoken\b|\btoken\b[^.]*\b(?:invalid|expired|revoked|missing|required)\b/i;

export function isCredentialRefusal(body: unknown): boolean {
  const message = refusalMessage(body);
  return message !== null && CREDENTIALS.test(message);
}

export function isTokenRefusal(body: unknown): boolean {
  const message = refusalMessage(body);
  return message !== null && TOKEN.test(message);
}
