import type { Cache } from '../../src/core/cache';
import type { Database } from '../../src/core/cache/driver';
import type { Dataset, Rng } from '../../src/sandbox';
import type { LatencyStats } from '../lib/stats';
import type { IngestResult } from '../workload/ingest';

/**
 * What a suite gets and what it returns. A suite is one file under bench/suites/ exporting a
 * BenchSuite; bench/suites/index.ts lists them in run order. Later suites (the Chromium lead
 * queue) return the same Figure shapes, so the table, results.json and the smoke test need
 * no change to take them.
 */

export interface BenchOptions {
  leads: number;
  activities: number;
  seed: number;
  /** Kept samples per latency figure (the slow LIKE baseline is also time-boxed). */
  samples: number;
  warmup: number;
  /** Rows per sync page (and per transaction). */
  pageSize: number;
  /** Suite ids to run; empty: all. */
  only: readonly string[];
  /** Progress lines go here (stderr in the CLI, nowhere in tests). */
  log: (line: string) => void;
}

export interface BenchContext {
  readonly options: BenchOptions;
  /** The temporary folder every database file of the run lives in. */
  readonly dir: string;
  readonly dataset: Dataset;
  /** A seeded generator per caller, so suites pick the same inputs run after run. */
  rng(purpose: string): Rng;
  /**
   * Fills the cache file from the dataset through wire pages and the client's normalizers, once
   * per run; `withBaseline` also writes the raw baseline beside each page (the ingest suite).
   */
  ingest(withBaseline: boolean): Promise<IngestResult>;
  /** The cache filled with the dataset (by the ingest suite, or untimed when it is skipped). */
  cache(): Promise<Cache>;
  /** A second, read-only driver connection to the same cache file, for raw baseline SELECTs. */
  rawReader(): Promise<Database>;
}

/** A budget on one statistic: `p99 <= 5` (ms) or `ratio >= 0.5`. */
export interface Budget {
  stat: 'p50' | 'p95' | 'p99' | 'ratio';
  op: '<=' | '>=';
  limit: number;
  /** As printed: "p99 ≤ 5 ms". */
  text: string;
}

interface FigureBase {
  /** Stable key in results.json, e.g. "screen-pop". */
  id: string;
  /** As printed, e.g. "screen pop (phone → card)". */
  label: string;
  budget: Budget;
  pass: boolean;
  /** What was measured, in a sentence or two. */
  method: string;
  notes?: string[];
}

export interface LatencyFigure extends FigureBase {
  kind: 'latency';
  /** Milliseconds. */
  stats: LatencyStats;
  baseline: { label: string; stats: LatencyStats };
}

export interface ThroughputSide {
  rows: number;
  /** Time inside the measured work only. */
  seconds: number;
  rowsPerSec: number;
  /** Per-page (per-transaction) time in ms. */
  pages: LatencyStats;
}

export interface ThroughputFigure extends FigureBase {
  kind: 'throughput';
  measured: ThroughputSide;
  baseline: ThroughputSide & { label: string };
  /** measured.rowsPerSec / baseline.rowsPerSec. */
  ratio: number;
  /** Where the measured time went (ms per part), when the suite split it. */
  breakdownMs?: Record<string, number>;
}

export type Figure = LatencyFigure | ThroughputFigure;

export interface SuiteResult {
  suite: string;
  title: string;
  seconds: number;
  figures: Figure[];
}

export interface BenchSuite {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<Figure[]>;
}

export function meetsBudget(budget: Budget, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  return budget.op === '<=' ? value <= budget.limit : value >= budget.limit;
}

export function latencyBudget(stat: 'p50' | 'p95' | 'p99', maxMs: number): Budget {
  return { stat, op: '<=', limit: maxMs, text: `${stat} ≤ ${maxMs} ms` };
}
