import { z } from 'zod';
import { createRng, deriveSeed, type Rng } from '../random';

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
 * a client must verify before retrying. Faults come first from the `next` queue (deterministic:
 * "fail the next N requests"), else from `rates` drawn from a seeded generator. `only` limits
 * faults and latency to some Method names (or V2 endpoints 'auth/token', 'auth/refresh',
 * 'auth/revoke'). The token settings live here too because tests change them at runtime the
 * same way.
 */

export const FAULT_KINDS = ['http5xx', 'html', 'reset', 'drop', 'truncated', 'php'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const faultKindSchema = z.enum(FAULT_KINDS);

export const faultSettingsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    latencyJitterMs: z.number().int().min(0).max(120_000).optional(),
    next: z.array(faultKindSchema).optional(),
    rates: z.partialRecord(faultKindSchema, z.number().min(0).max(1)).optional(),
    status5xx: z.number().int().min(500).max(599).optional(),
    only: z.array(z.string()).optional(),
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

export interface FaultDecision {
  delayMs: number;
  kind: FaultKind | null;
}

export const DEFAULT_ACCESS_TTL_SEC = 21_600;
export const DEFAULT_REFRESH_TTL_SEC = 30 * 86_400;

export class FaultInjector {
  private settings: FaultSettings = {};
  private queue: FaultKind[] = [];
  private readonly rng: Rng;
  private tokenFailures = 0;

  constructor(seed: number, settings: FaultSettings = {}) {
    this.rng = createRng(deriveSeed(seed, 'faults'));
    this.set(settings);
  }

  /** Replaces all settings (including the `next` queue). Throws on invalid input. */
  set(settings: FaultSettings): void {
    this.settings = faultSettingsSchema.parse(settings);
    this.queue = [...(this.settings.next ?? [])];
  }

  /** Current settings; `next` shows what is still queued. */
  get(): FaultSettings {
    return { ...this.settings, next: [...this.queue] };
  }

  decide(target: string): FaultDecision {
    const { only, latencyMs = 0, latencyJitterMs = 0, rates = {} } = this.settings;
    if (only && !only.includes(target)) return { delayMs: 0, kind: null };
    const delayMs = latencyMs + (latencyJitterMs > 0 ? Math.floor(this.rng.next() * latencyJitterMs) : 0);
    const queued = this.queue.shift();
    if (queued) return { delayMs, kind: queued };
    for (const kind of FAULT_KINDS) {
      const rate = rates[kind] ?? 0;
      if (rate > 0 && this.rng.next() < rate) return { delayMs, kind };
    }
    return { delayMs, kind: null };
  }

  status5xx(): number {
    return this.settings.status5xx ?? 503;
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
