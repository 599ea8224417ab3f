import type { Params } from '../request-fields';
import type { HotProspectorState } from '../state';

/**
 * The contract every Method handler follows. Handlers are pure over (params, state, variant):
 * they validate, apply the write to the state, and return the JSON value to send. Transport
 * concerns (credentials, tokens, encodings, faults) stay in the routers and the server.
 */

export interface MethodContext {
  params: Params;
  state: HotProspectorState;
  /** Which documented spelling to answer in; one of the spec's `variants`. */
  variant: string;
  api: 'v1' | 'v2';
  /** Request time, epoch ms (the sandbox's clock, which tests may pin). */
  now: number;
  /** The account's wall-clock zone for zone-less times. */
  zone: string;
  /** Seed of the run, for content rendered on demand (transcripts). */
  seed: number;
}

export interface MethodResult {
  body: unknown;
  /** True when the request changed state: counted per Method for exactly-once checks. */
  applied: boolean;
}

export interface MethodSpec {
  name: string;
  write: boolean;
  /**
   * Which credential-failure text the V1 doc shows for this Method: the LoginUser-style
   * "Invalid (login email or password)/(api_uId or api_key)" or plain "Invalid (api_uId or api_key)".
   */
  authFailure: 'login' | 'api';
  /** Documented spellings; the first is the V1 doc section's. Names 'v1'/'v2' mark a doc set. */
  variants: readonly string[];
  handle(ctx: MethodContext): MethodResult;
}

export function ok(body: unknown): MethodResult {
  return { body, applied: false };
}

export function applied(body: unknown): MethodResult {
  return { body, applied: true };
}

export function fail(message: string): MethodResult {
  return { body: { response: 'false', message }, applied: false };
}

/** The docs' generic validation failure ("Exact messages vary by endpoint"). */
export const MISSING_PARAMETER = 'Invalid or missing required parameter';

/** Pick a message by doc set: [V1 doc text, V2 doc text]. */
export function byDoc(variant: string, v1: string, v2: string): string {
  return variant === 'v2' ? v2 : v1;
}
