import { z } from 'zod';

/**
 * Every failure that crosses a layer boundary is one of these codes. The bridge, the CLI
 * (`{"error":{"code","message"}}`) and the UI all speak them, so a person sees the same
 * sentence whichever host they use.
 */
export const ERROR_CODES = [
  'auth', // credentials or token refused by the provider
  'not_found', // the provider says the thing does not exist
  'invalid_request', // the provider (or our own validation) rejected the input
  'remote', // the provider failed on its side (5xx, a router error page)
  'malformed', // the provider answered something we cannot read (HTML, PHP print_r, truncated JSON)
  'network', // no connection, connection dropped, DNS
  'timeout', // no answer within the deadline
  'cancelled', // the caller gave up (AbortSignal)
  'bridge_payload', // a bridge message that fails its contract schema
  'unauthorized', // a bridge caller without a valid token / sender
  'not_configured', // no account set up for an operation that needs one
  'storage', // the local cache or settings file could not be read or written
  'busy', // another Callside process is doing this right now (delivering the same outbox)
  'unsupported', // the account's provider cannot do this at all (the message names the provider)
  'internal', // a bug: something we did not expect; the message says what
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The serializable form of an error, as it travels over the bridge and out of the CLI. */
export const errorPayloadSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  retryable: z.boolean().optional(),
});
export type ErrorPayload = z.infer<typeof errorPayloadSchema>;

export class CallsideError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; retryable?: boolean }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CallsideError';
    this.code = code;
    this.retryable = options?.retryable ?? false;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message, retryable: this.retryable };
  }
}

export function isCallsideError(value: unknown): value is CallsideError {
  return value instanceof CallsideError;
}

/**
 * Turns anything thrown into a CallsideError without leaking internals: unknown errors keep
 * only their message (never a stack or a request body, which may carry a secret).
 */
export function toCallsideError(value: unknown): CallsideError {
  if (value instanceof CallsideError) return value;
  if (value instanceof Error && value.name === 'AbortError') {
    return new CallsideError('cancelled', 'The operation was cancelled.', { cause: value });
  }
  const message = value instanceof Error ? value.message : String(value);
  return new CallsideError('internal', message || 'Unexpected error.', { cause: value });
}
