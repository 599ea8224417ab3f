import { summarize } from '../lib/stats';
import type { IngestPart } from '../workload/ingest';
import type { BenchSuite, Budget, ThroughputFigure, ThroughputSide } from './types';

/**
 * Sync ingest: wire pages as the sandbox sends them → the client's normalizers → the cache's
 * repositories, one transaction per page. Baseline: the same normalized rows through prepared
 * INSERTs into a bare table of the same columns, one transaction per page, in a scratch file.
 */

const BUDGET: Budget = { stat: 'ratio', op: '>=', limit: 0.5, text: '≥ 0.5 × raw' };

const METHOD =
  'Per page of wire rows: interpretAnswer with the HP Method spec (normalize), then leads.upsertPage / ' +
  'activities.upsertPage (write), inside cache.bulkWrite as a sync runs them, its closing WAL checkpoint ' +
  'counted as write time; only that is timed. Baseline: prepared INSERT per row of the already ' +
  'normalized rows into a bare table (no key, no index), one transaction per page, runs pipelined.';

function side(part: { rows: number; pagesMs: number[] }): ThroughputSide {
  const seconds = part.pagesMs.reduce((sum, ms) => sum + ms, 0) / 1000;
  return {
    rows: part.rows,
    seconds,
    rowsPerSec: seconds > 0 ? part.rows / seconds : 0,
    pages: summarize(part.pagesMs),
  };
}

function figure(id: string, label: string, parts: IngestPart[], baselineLabel: string): ThroughputFigure {
  const merge = (pick: (part: IngestPart) => { rows: number; pagesMs: number[] }) => ({
    rows: parts.reduce((sum, part) => sum + pick(part).rows, 0),
    pagesMs: parts.flatMap((part) => pick(part).pagesMs),
  });
  const measured = side(merge((part) => part.measured));
  const baseline = side(
    merge((part) => {
      if (!part.baseline) throw new Error('the ingest suite needs the baseline');
      return part.baseline;
    }),
  );
  const ratio = baseline.rowsPerSec > 0 ? measured.rowsPerSec / baseline.rowsPerSec : Number.NaN;
  const normalizeMs = parts.reduce((sum, part) => sum + part.measured.normalizeMs, 0);
  const writeMs = parts.reduce((sum, part) => sum + part.measured.writeMs, 0);
  return {
    kind: 'throughput',
    id,
    label,
    budget: BUDGET,
    pass: Number.isFinite(ratio) && ratio >= BUDGET.limit,
    method: METHOD,
    measured,
    baseline: { label: baselineLabel, ...baseline },
    ratio,
    breakdownMs: { normalize: normalizeMs, write: writeMs },
    notes: [
      `normalize ${(normalizeMs / 1000).toFixed(1)} s (${((normalizeMs * 1000) / Math.max(1, measured.rows)).toFixed(1)} µs/row), ` +
        `write ${(writeMs / 1000).toFixed(1)} s (${((writeMs * 1000) / Math.max(1, measured.rows)).toFixed(1)} µs/row)`,
      `write only: ${Math.round(measured.rows / Math.max(1e-9, writeMs / 1000)).toLocaleString('en-US')} rows/s = ` +
        `${(measured.rows / Math.max(1e-9, writeMs / 1000) / Math.max(1e-9, baseline.rowsPerSec)).toFixed(2)} × raw`,
    ],
  };
}

export const ingestSuite: BenchSuite = {
  id: 'ingest',
  title: 'Sync ingest (normalize + write)',
  async run(ctx) {
    const result = await ctx.ingest(true);
    return [
      figure('ingest-leads', 'sync ingest: leads', [result.leads], 'raw INSERT, bare 18-column table'),
      figure(
        'ingest-activities',
        'sync ingest: activity rows',
        [result.activities],
        'raw INSERT, bare 13-column table',
      ),
      figure('ingest', 'sync ingest: all rows', [result.leads, result.activities], 'raw INSERT of the same rows'),
    ];
  },
};
