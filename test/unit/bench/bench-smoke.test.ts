import { describe, expect, it } from 'vitest';
import { runBench } from '../../../bench/bench';
import { formatReport } from '../../../bench/lib/report';
import { SUITES } from '../../../bench/suites';
import type { Figure } from '../../../bench/suites/types';

/**
 * The bench on a tiny dataset: every suite runs and reports numbers in the agreed shape. No
 * timing is asserted; budgets are for `npm run bench` at full size, not for a unit test.
 */

const LEADS = 500;
const ACTIVITIES = 2500;
const SAMPLES = 30;

function expectStats(stats: { n: number; p50: number; p95: number; p99: number }, n: number | 'some') {
  if (n === 'some') expect(stats.n).toBeGreaterThan(0);
  else expect(stats.n).toBe(n);
  for (const value of [stats.p50, stats.p95, stats.p99]) {
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(0);
  }
  expect(stats.p50).toBeLessThanOrEqual(stats.p95);
  expect(stats.p95).toBeLessThanOrEqual(stats.p99);
}

describe('npm run bench (smoke, tiny dataset)', () => {
  it('runs every suite and reports each figure with its budget and baseline', { timeout: 120_000 }, async () => {
    const report = await runBench({ leads: LEADS, activities: ACTIVITIES, samples: SAMPLES, warmup: 3 });

    expect(report.dataset.leads).toBe(LEADS);
    expect(report.dataset.activities).toBe(ACTIVITIES);
    expect(report.suites.map((suite) => suite.suite)).toEqual(SUITES.map((suite) => suite.id));
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.machine.node).toBe(process.version);
    expect(Number.isNaN(Date.parse(report.startedAt))).toBe(false);

    const figures = new Map<string, Figure>(report.suites.flatMap((suite) => suite.figures).map((f) => [f.id, f]));
    expect([...figures.keys()].sort()).toEqual(
      [
        'ingest',
        'ingest-activities',
        'ingest-leads',
        'open-lead',
        'queue-first-render',
        'queue-scroll-frames',
        'screen-pop',
        'screen-pop-visible',
        'search',
      ].sort(),
    );
    for (const figure of figures.values()) {
      expect(figure.budget.text).not.toBe('');
      expect(typeof figure.pass).toBe('boolean');
      if (figure.kind === 'latency') {
        // Scroll frames are one sample per animation frame, however many the scroll takes.
        const frames = figure.id === 'queue-scroll-frames';
        expectStats(figure.stats, frames ? 'some' : SAMPLES);
        // The LIKE baseline is time-boxed, so it may stop short of the sample count.
        expectStats(figure.baseline.stats, figure.id === 'search' || frames ? 'some' : SAMPLES);
      } else {
        expect(figure.measured.rowsPerSec).toBeGreaterThan(0);
        expect(figure.baseline.rowsPerSec).toBeGreaterThan(0);
        expect(figure.baseline.rows).toBe(figure.measured.rows);
        expect(figure.ratio).toBeCloseTo(figure.measured.rowsPerSec / figure.baseline.rowsPerSec, 6);
        expectStats(figure.measured.pages, 'some');
      }
    }

    const rows = (id: string) => {
      const figure = figures.get(id);
      return figure?.kind === 'throughput' ? figure.measured.rows : -1;
    };
    expect(rows('ingest-leads')).toBe(LEADS);
    expect(rows('ingest-activities')).toBe(ACTIVITIES);
    expect(rows('ingest')).toBe(LEADS + ACTIVITIES);
    expect(report.summary.figures).toBe(figures.size);
    expect(report.summary.passed + report.summary.missed.length).toBe(figures.size);

    const table = formatReport(report);
    for (const figure of figures.values()) expect(table).toContain(figure.label);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
