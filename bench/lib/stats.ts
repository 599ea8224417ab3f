/**
 * Timing primitives: every sample is process.hrtime.bigint() around one awaited operation,
 * after warm-up iterations that are run the same way and thrown away.
 */

export interface LatencyStats {
  /** Samples kept (warm-up excluded). */
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface SampleOptions {
  /** Samples to keep. */
  samples: number;
  /** Iterations run first and discarded (JIT, statement cache, page cache). */
  warmup: number;
  /** Stop early (keeping what was sampled) once this much time went by: for slow baselines. */
  maxMs?: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export function summarize(samplesMs: readonly number[]): LatencyStats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : Number.NaN,
    mean: sorted.length > 0 ? total / sorted.length : Number.NaN,
  };
}

export function elapsedMs(start: bigint, end: bigint = process.hrtime.bigint()): number {
  return Number(end - start) / 1e6;
}

/**
 * Runs `operation(i)` warmup + samples times, one at a time, and returns the kept durations in
 * milliseconds. `i` counts from 0 over warm-up and samples alike, so inputs can be indexed by it.
 */
export async function sampleLatency(
  options: SampleOptions,
  operation: (i: number) => Promise<unknown>,
): Promise<number[]> {
  let i = 0;
  for (; i < options.warmup; i++) await operation(i);
  const durations: number[] = [];
  const started = process.hrtime.bigint();
  for (let kept = 0; kept < options.samples; kept++, i++) {
    const start = process.hrtime.bigint();
    await operation(i);
    const end = process.hrtime.bigint();
    durations.push(elapsedMs(start, end));
    if (options.maxMs !== undefined && elapsedMs(started, end) > options.maxMs) break;
  }
  return durations;
}

/** Accumulates the time spent inside `measure` calls only (setup in between is not counted). */
export class Stopwatch {
  private totalNs = 0n;
  private readonly laps: number[] = [];

  async measure<T>(work: () => Promise<T>): Promise<T> {
    const start = process.hrtime.bigint();
    const result = await work();
    const duration = process.hrtime.bigint() - start;
    this.totalNs += duration;
    this.laps.push(Number(duration) / 1e6);
    return result;
  }

  get seconds(): number {
    return Number(this.totalNs) / 1e9;
  }

  /** One entry per measure() call, in ms. */
  get lapsMs(): readonly number[] {
    return this.laps;
  }
}
