import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { openCache, type Cache } from '../src/core/cache';
import { openDatabase, type Database } from '../src/core/cache/driver';
import { createRng, deriveSeed, generateDataset, type Dataset } from '../src/sandbox';
import { ingestDataset, type IngestResult } from './workload/ingest';
import { SUITES } from './suites';
import type { BenchContext, BenchOptions, BenchSuite, Figure, SuiteResult } from './suites/types';

/**
 * Runs the suites over one generated dataset in a temporary folder and returns the report;
 * bench/run.ts prints it and writes bench/results.json, the smoke test checks its shape.
 */

export const DEFAULT_OPTIONS: BenchOptions = {
  leads: 100_000,
  activities: 500_000,
  seed: 1,
  samples: 2000,
  warmup: 200,
  pageSize: 500,
  only: [],
  log: () => undefined,
};

/** The dataset's clock is pinned so two runs with the same seed see the same data. */
const DATASET_NOW = Date.UTC(2026, 5, 23, 19, 0, 0);

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  totalMemGb: number;
  platform: string;
  arch: string;
  osRelease: string;
  node: string;
  sqlite: string;
  /** 1-minute load average when the run started and when it ended: other work on the box skews figures. */
  loadAverage: { start: number; end: number };
}

export interface BenchReport {
  startedAt: string;
  seconds: number;
  machine: MachineInfo;
  options: Omit<BenchOptions, 'log'>;
  dataset: {
    leads: number;
    activities: number;
    calls: number;
    sms: number;
    rvm: number;
    notes: number;
    tags: number;
    groups: number;
  };
  suites: SuiteResult[];
  summary: { figures: number; passed: number; missed: string[] };
}

/** Temporary folders of runs in progress, so an interrupted run can still remove its files. */
export const liveDirs = new Set<string>();

export async function runBench(overrides: Partial<BenchOptions> = {}): Promise<BenchReport> {
  const options: BenchOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const suites = selectSuites(options.only);
  const startedAt = new Date();
  const startLoad = loadavg()[0] ?? 0;
  const started = process.hrtime.bigint();
  const dir = await mkdtemp(join(tmpdir(), 'callside-bench-'));
  liveDirs.add(dir);
  const context = new Context(options, dir);
  try {
    options.log(`generating ${options.leads} leads / ${options.activities} activity rows (seed ${options.seed})…`);
    context.dataset = generateDataset({
      seed: options.seed,
      leads: options.leads,
      activities: options.activities,
      now: DATASET_NOW,
    });

    const results: SuiteResult[] = [];
    for (const suite of suites) {
      options.log(`suite ${suite.id}…`);
      const suiteStart = process.hrtime.bigint();
      const figures = await suite.run(context);
      results.push({
        suite: suite.id,
        title: suite.title,
        seconds: Number(process.hrtime.bigint() - suiteStart) / 1e9,
        figures,
      });
    }

    const figures = results.flatMap((result) => result.figures);
    const { dataset } = context;
    return {
      startedAt: startedAt.toISOString(),
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      machine: await machineInfo(context, startLoad),
      options: omitLog(options),
      dataset: {
        leads: dataset.leads.length,
        activities: dataset.calls.length + dataset.sms.length + dataset.rvm.length,
        calls: dataset.calls.length,
        sms: dataset.sms.length,
        rvm: dataset.rvm.length,
        notes: dataset.notes.length,
        tags: dataset.tags.length,
        groups: dataset.groups.length,
      },
      suites: results,
      summary: {
        figures: figures.length,
        passed: figures.filter((figure: Figure) => figure.pass).length,
        missed: figures.filter((figure: Figure) => !figure.pass).map((figure) => figure.id),
      },
    };
  } finally {
    await context.dispose();
    await rm(dir, { recursive: true, force: true });
    liveDirs.delete(dir);
  }
}

function selectSuites(only: readonly string[]): BenchSuite[] {
  if (only.length === 0) return [...SUITES];
  const known = new Set(SUITES.map((suite) => suite.id));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(`unknown suite(s): ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  }
  return SUITES.filter((suite) => only.includes(suite.id));
}

function omitLog(options: BenchOptions): Omit<BenchOptions, 'log'> {
  const { log: _log, ...rest } = options;
  return rest;
}

async function machineInfo(context: Context, startLoad: number): Promise<MachineInfo> {
  const list = cpus();
  const db = await openDatabase(join(context.dir, 'version.sqlite'));
  const sqlite = (await db.get<{ v: string }>('SELECT sqlite_version() AS v').finally(() => db.close()))?.v;
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    totalMemGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: process.platform,
    arch: process.arch,
    osRelease: release(),
    node: process.version,
    sqlite: sqlite ?? 'unknown',
    loadAverage: { start: round2(startLoad), end: round2(loadavg()[0] ?? 0) },
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

class Context implements BenchContext {
  dataset!: Dataset;
  private ingestion: { withBaseline: boolean; result: Promise<IngestResult> } | null = null;
  private opened: Promise<Cache> | null = null;
  private reader: Promise<Database> | null = null;

  constructor(
    readonly options: BenchOptions,
    readonly dir: string,
  ) {}

  get cachePath(): string {
    return join(this.dir, 'cache.sqlite');
  }

  rng(purpose: string) {
    return createRng(deriveSeed(this.options.seed, 'bench', purpose));
  }

  /**
   * Fills the cache file once per run. The ingest suite asks with the baseline; any other suite
   * that runs without it gets the same fill, untimed.
   */
  ingest(withBaseline: boolean): Promise<IngestResult> {
    if (this.ingestion) {
      if (withBaseline && !this.ingestion.withBaseline)
        throw new Error('the cache was already filled without the baseline');
      return this.ingestion.result;
    }
    const result = (async () => {
      const cache = await openCache(this.cachePath);
      try {
        return await ingestDataset(this.dataset, cache, {
          pageSize: this.options.pageSize,
          baselinePath: withBaseline ? join(this.dir, 'baseline.sqlite') : null,
          log: this.options.log,
        });
      } finally {
        // Closing runs PRAGMA optimize and checkpoints; the read suites then open the file as
        // the app does at start-up, on a cache synced in an earlier session.
        await cache.close();
      }
    })();
    this.ingestion = { withBaseline, result };
    return result;
  }

  cache(): Promise<Cache> {
    this.opened ??= this.ingest(false).then(() => openCache(this.cachePath));
    return this.opened;
  }

  rawReader(): Promise<Database> {
    this.reader ??= this.cache().then(async () => {
      const db = await openDatabase(this.cachePath, { readonly: true });
      // The cache's own connection keeps 64 MiB of pages; give the baseline the same.
      await db.exec('PRAGMA cache_size = -65536');
      return db;
    });
    return this.reader;
  }

  async dispose(): Promise<void> {
    const closing: Array<Promise<unknown>> = [];
    if (this.reader) closing.push(this.reader.then((db) => db.close()));
    if (this.opened) closing.push(this.opened.then((cache) => cache.close()));
    if (this.ingestion) closing.push(this.ingestion.result);
    await Promise.allSettled(closing);
  }
}

export type { BenchContext };
