import { z } from 'zod';
import {
  commonFaultFields,
  FaultInjector as SharedFaultInjector,
  type FaultDecision as SharedDecision,
} from '../faults';

/**
 * Misbehaviour on demand. Each API request may get added latency and at most one fault:
 *
 * | kind      | what the client sees                                     | write applied? |
 * |-----------|----------------------------------------------------------|----------------|
 * | http5xx   | `status5xx` (default 503) with a proxy's HTML error page  | no             |
 * | html      | HTTP 200 with a framework HTML error page instead of JSON | no             |
 * | reset     | the connection closed before any response                 | no             |
 * | drop      | headers and half the body, then the socket is destroyed   | yes            |
 * | truncated | HTTP 200 with the JSON cut in half                        | yes            |
 * | php       | a PHP warning printed before the JSON (text/html)         | yes            |
 *
 * The "applied" column is the point: drop/truncated/php answers hide a write that did land, so
 * a client must verify before retrying. The queue, rates and latency are the shared model in
 * ../faults.ts. `only` limits faults and latency to some Method names (or V2 endpoints 'auth/token', 'auth/refresh',
 * 'auth/revoke'). The token settings live here too because tests change them at runtime the
 * same way.
 */

export const FAULT_KINDS = ['http5xx', 'html', 'reset', 'drop', 'truncated', 'php'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSettingsSchema = z
  .object({
    ...commonFaultFields(FAULT_KINDS),
    /** Lifetime of newly issued V2 access tokens; the docs say 6 h (21600). */
    tokenTtlSec: z.number().int().min(1).optional(),
    refreshTokenTtlSec: z.number().int().min(1).optional(),
    /**
     * How V2 reports a bad token: HTTP 401, HTTP 200 with {"response":"false",...}, or
     * alternating between the two (the first failure 401, the next 200, ...).
     */
    invalidToken: z.enum(['http401', 'body200', 'alternate']).optional(),
  })
  .strict();

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export type FaultDecision = SharedDecision<FaultKind>;

export const DEFAULT_ACCESS_TTL_SEC = 21_600;
export const DEFAULT_REFRESH_TTL_SEC = 30 * 86_400;

export class FaultInjector extends SharedFaultInjector<FaultKind, FaultSettings> {
  private tokenFailures = 0;

  constructor(seed: number, settings: FaultSettings = {}) {
    super(seed, FAULT_KINDS, (input) => faultSettingsSchema.parse(input), settings);
  }

  accessTtlSec(): number {
    return this.settings.tokenTtlSec ?? DEFAULT_ACCESS_TTL_SEC;
  }

  refreshTtlSec(): number {
    return this.settings.refreshTokenTtlSec ?? DEFAULT_REFRESH_TTL_SEC;
  }

  /** HTTP status for the next V2 token failure, per the `invalidToken` setting. */
  tokenFailureStatus(): 401 | 200 {
    const mode = this.settings.invalidToken ?? 'alternate';
    if (mode === 'http401') return 401;
    if (mode === 'body200') return 200;
    return this.tokenFailures++ % 2 === 0 ? 401 : 200;
  }
}
