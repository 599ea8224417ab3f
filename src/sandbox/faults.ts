import { z } from 'zod';
import { createRng, deriveSeed, type Rng } from './random';

/**
 * The fault model every simulator shares: each API request may get added latency and at most
 * one fault of a kind the simulator lists. Faults come first from the `next` queue
 * (deterministic: "fail the next N requests"), else from `rates` drawn from a generator seeded
 * by the run seed, so one seed fails the same requests every run. `only` limits faults and
 * latency to some request names (a simulator decides what names a request answers to). What
 * each kind looks like on the wire is up to the simulator.
 */

export interface CommonFaultSettings<K extends string> {
  latencyMs?: number;
  latencyJitterMs?: number;
  next?: K[];
  rates?: Partial<Record<K, number>>;
  status5xx?: number;
  only?: string[];
}

/** The zod fields of CommonFaultSettings for a simulator's kinds; spread into its strict schema. */
export function commonFaultFields<const K extends string>(kinds: readonly [K, ...K[]]) {
  const kind = z.enum(kinds);
  return {
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    latencyJitterMs: z.number().int().min(0).max(120_000).optional(),
    next: z.array(kind).optional(),
    rates: z.partialRecord(kind, z.number().min(0).max(1)).optional(),
    status5xx: z.number().int().min(500).max(599).optional(),
    only: z.array(z.string()).optional(),
  };
}

export interface FaultDecision<K extends string> {
  delayMs: number;
  kind: K | null;
}

export class FaultInjector<K extends string, S extends CommonFaultSettings<K>> {
  protected settings = {} as S;
  private queue: K[] = [];
  private readonly rng: Rng;

  constructor(
    seed: number,
    private readonly kinds: readonly K[],
    private readonly parse: (input: unknown) => S,
    settings: S = {} as S,
  ) {
    this.rng = createRng(deriveSeed(seed, 'faults'));
    this.set(settings);
  }

  /** Replaces all settings (including the `next` queue). Throws on invalid input. */
  set(settings: S): void {
    this.settings = this.parse(settings);
    this.queue = [...(this.settings.next ?? [])];
  }

  /** Current settings; `next` shows what is still queued. */
  get(): S {
    return { ...this.settings, next: [...this.queue] };
  }

  /** `names`: every name the request answers to; `only` matches when any of them is listed. */
  decide(names: string | readonly string[]): FaultDecision<K> {
    const { only, latencyMs = 0, latencyJitterMs = 0, rates = {} } = this.settings;
    const list = typeof names === 'string' ? [names] : names;
    if (only && !list.some((name) => only.includes(name))) return { delayMs: 0, kind: null };
    const delayMs = latencyMs + (latencyJitterMs > 0 ? Math.floor(this.rng.next() * latencyJitterMs) : 0);
    const queued = this.queue.shift();
    if (queued) return { delayMs, kind: queued };
    const table: Partial<Record<K, number>> = rates;
    for (const kind of this.kinds) {
      const rate = table[kind] ?? 0;
      if (rate > 0 && this.rng.next() < rate) return { delayMs, kind };
    }
    return { delayMs, kind: null };
  }

  status5xx(): number {
    return this.settings.status5xx ?? 503;
  }
}
