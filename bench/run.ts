import { rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_OPTIONS, liveDirs, runBench } from './bench';
import { formatReport } from './lib/report';

/**
 * `npm run bench [-- --leads N --activities N --seed N --samples N --warmup N --page-size N
 * --only ingest,search --out FILE]`: measures the performance budgets of DESIGN.md, prints the
 * table and writes bench/results.json. A missed budget is reported (MISS), not an error: the
 * exit code is non-zero only when the bench itself failed.
 */

const USAGE = `usage: npm run bench -- [--leads N] [--activities N] [--seed N] [--samples N] [--warmup N]
                        [--page-size N] [--only suite,suite] [--out FILE]`;

function positiveInt(name: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/[_,]/g, ''));
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name} must be a whole number ≥ ${min} (got ${text})`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      leads: { type: 'string' },
      activities: { type: 'string' },
      seed: { type: 'string' },
      samples: { type: 'string' },
      warmup: { type: 'string' },
      'page-size': { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const started = Date.now();
  const log = (line: string) =>
    process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
  const report = await runBench({
    leads: positiveInt('leads', values.leads, DEFAULT_OPTIONS.leads),
    activities: positiveInt('activities', values.activities, DEFAULT_OPTIONS.activities, 0),
    seed: positiveInt('seed', values.seed, DEFAULT_OPTIONS.seed, 0),
    samples: positiveInt('samples', values.samples, DEFAULT_OPTIONS.samples),
    warmup: positiveInt('warmup', values.warmup, DEFAULT_OPTIONS.warmup, 0),
    pageSize: positiveInt('page-size', values['page-size'], DEFAULT_OPTIONS.pageSize),
    only: (values.only ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    log,
  });
  console.log(formatReport(report));
  const out = values.out ?? fileURLToPath(new URL('./results.json', import.meta.url));
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${out}`);
}

// Ctrl-C: the database files (hundreds of MB at full size) must not stay behind in the temp folder.
process.once('SIGINT', () => {
  for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
  process.exit(130);
});

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  if (error instanceof Error && error.message.startsWith('--')) console.error(USAGE);
  process.exitCode = 1;
});
