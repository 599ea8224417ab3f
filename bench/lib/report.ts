import type { BenchReport } from '../bench';
import type { Figure, LatencyFigure, ThroughputFigure } from '../suites/types';
import type { LatencyStats } from './stats';

/** The human-readable report: one table per kind of figure, then the notes, then the verdict. */

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1) return ms.toFixed(3);
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

export function formatCount(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–';
}

function verdict(figure: Figure): string {
  return figure.pass ? 'PASS' : 'MISS';
}

type Align = 'left' | 'right';

function renderTable(headers: string[], rows: string[][], align: Align[]): string[] {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return align[column] === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)];
}

function statCells(stats: LatencyStats): string[] {
  return [formatCount(stats.n), formatMs(stats.p50), formatMs(stats.p95), formatMs(stats.p99)];
}

function latencyTable(figures: LatencyFigure[]): string[] {
  const headers = [
    'latency (ms)',
    'n',
    'p50',
    'p95',
    'p99',
    'budget',
    'result',
    '│ baseline',
    'n',
    'p50',
    'p95',
    'p99',
    'p99/base',
  ];
  const align: Align[] = [
    'left',
    'right',
    'right',
    'right',
    'right',
    'left',
    'left',
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
  ];
  const rows = figures.map((figure) => [
    figure.label,
    ...statCells(figure.stats),
    figure.budget.text,
    verdict(figure),
    `│ ${figure.baseline.label}`,
    ...statCells(figure.baseline.stats),
    `${(figure.stats.p99 / figure.baseline.stats.p99).toFixed(1)}×`,
  ]);
  return renderTable(headers, rows, align);
}

function throughputTable(figures: ThroughputFigure[]): string[] {
  const headers = [
    'throughput',
    'rows',
    'rows/s',
    'page p50',
    'p95',
    'p99',
    'budget',
    'result',
    '│ baseline',
    'rows/s',
    'page p50',
    'p95',
    'p99',
    'ratio',
  ];
  const align: Align[] = [
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
    'left',
    'left',
    'left',
    'right',
    'right',
    'right',
    'right',
    'right',
  ];
  const rows = figures.map((figure) => [
    figure.label,
    formatCount(figure.measured.rows),
    formatCount(figure.measured.rowsPerSec),
    formatMs(figure.measured.pages.p50),
    formatMs(figure.measured.pages.p95),
    formatMs(figure.measured.pages.p99),
    figure.budget.text,
    verdict(figure),
    `│ ${figure.baseline.label}`,
    formatCount(figure.baseline.rowsPerSec),
    formatMs(figure.baseline.pages.p50),
    formatMs(figure.baseline.pages.p95),
    formatMs(figure.baseline.pages.p99),
    `${figure.ratio.toFixed(2)}×`,
  ]);
  return renderTable(headers, rows, align);
}

export function formatReport(report: BenchReport): string {
  const { machine, dataset, options } = report;
  const figures = report.suites.flatMap((suite) => suite.figures);
  const latency = figures.filter((figure): figure is LatencyFigure => figure.kind === 'latency');
  const throughput = figures.filter((figure): figure is ThroughputFigure => figure.kind === 'throughput');
  const out: string[] = [
    `Callside bench — ${formatCount(dataset.leads)} leads, ${formatCount(dataset.activities)} activity rows ` +
      `(${formatCount(dataset.calls)} calls, ${formatCount(dataset.sms)} SMS, ${formatCount(dataset.rvm)} RVM) + ` +
      `${formatCount(dataset.notes)} notes, seed ${options.seed}, pages of ${options.pageSize}`,
    `${machine.cpus} × ${machine.cpuModel}, ${machine.totalMemGb} GiB, ${machine.platform}/${machine.arch}, ` +
      `node ${machine.node}, SQLite ${machine.sqlite}, load ${machine.loadAverage.start} → ${machine.loadAverage.end}, ${report.startedAt}`,
  ];
  const busiest = Math.max(machine.loadAverage.start, machine.loadAverage.end);
  if (busiest > machine.cpus * 0.75) {
    out.push(
      `note: the machine was busy with other work (load ${busiest} on ${machine.cpus} cpus): tails and rates are pessimistic.`,
    );
  }
  out.push('');
  if (throughput.length > 0) out.push(...throughputTable(throughput), '');
  if (latency.length > 0) out.push(...latencyTable(latency), '');
  let previousMethod = '';
  for (const figure of figures) {
    // Figures of one suite often share the method: say it once.
    const method = figure.method === previousMethod ? '(as above)' : figure.method;
    previousMethod = figure.method;
    out.push(`${verdict(figure)} ${figure.label}: ${method}`);
    for (const note of figure.notes ?? []) out.push(`     ${note}`);
  }
  out.push('');
  const missed = report.summary.missed;
  out.push(
    `${report.summary.passed} of ${report.summary.figures} figures within budget` +
      (missed.length > 0 ? `; MISS: ${missed.join(', ')}` : '') +
      ` (${report.seconds.toFixed(0)} s; suites: ${report.suites.map((s) => `${s.suite} ${s.seconds.toFixed(0)} s`).join(', ')})`,
  );
  return out.join('\n');
}
