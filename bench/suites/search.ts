import { LEAD_COLUMNS } from '../../src/core/cache/repositories/lead-rows';
import type { Rng, SbLead } from '../../src/sandbox';
import { latencyFigure } from '../lib/figures';
import { sampleLatency } from '../lib/stats';
import { latencyBudget, type BenchSuite } from './types';

/**
 * Lead search as the agent types: 1–4 character prefixes of first and last names (accented
 * ones typed with and without accents), companies, e-mails, phone digits and custom values,
 * plus some two-word "first last" prefixes; each through search.leads (FTS5, whole leads,
 * ordered by name, the default 100). Baseline: LIKE '%text%' over the same columns with the
 * same order and limit, which scans every lead.
 */

/** The LIKE scan takes tens of ms at 100k leads: a few hundred samples are plenty. */
const BASELINE_MAX_MS = 10_000;
const LIKE_COLUMNS = ['first_name', 'last_name', 'company', 'email', 'phone', 'mobile', 'custom_fields'];

type Source = 'first' | 'last' | 'company' | 'email' | 'phone' | 'custom' | 'two-words';
const SOURCES: readonly Source[] = ['first', 'last', 'company', 'email', 'phone', 'custom', 'two-words'];
const SOURCE_WEIGHTS = [25, 20, 15, 10, 10, 10, 10];
/** Prefix lengths 1, 2, 3, 4. */
const LENGTH_WEIGHTS = [10, 25, 35, 30];

function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
    .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'));
}

function prefix(text: string, length: number): string {
  return Array.from(text.trim()).slice(0, length).join('');
}

/** How an agent types a word: mostly lower case; an accented name half the time without accents. */
function typed(word: string, length: number, rng: Rng): string {
  let text = prefix(word, length);
  if (text !== stripAccents(text) && rng.chance(0.5)) text = stripAccents(text);
  return rng.chance(0.7) ? text.toLowerCase() : text;
}

function nationalDigits(lead: SbLead): string {
  const dial = lead.dial ?? '';
  return dial.startsWith('+1') ? dial.slice(2) : dial.replace(/\D/g, '').slice(2);
}

export interface SearchQuery {
  text: string;
  source: Source;
}

export function makeQuery(lead: SbLead, rng: Rng): SearchQuery | null {
  const source = SOURCES[rng.weighted(SOURCE_WEIGHTS)] as Source;
  const length = rng.weighted(LENGTH_WEIGHTS) + 1;
  let text = '';
  switch (source) {
    case 'first':
      text = typed(lead.firstName, length, rng);
      break;
    case 'last':
      text = typed(lead.lastName, length, rng);
      break;
    case 'company':
      text = typed(lead.company, length, rng);
      break;
    case 'email':
      text = prefix(lead.email.toLowerCase(), length);
      break;
    case 'phone':
      text = prefix(nationalDigits(lead), length);
      break;
    case 'custom': {
      const values = Object.values(lead.custom).filter((value) => value.trim() !== '');
      text = values.length > 0 ? typed(rng.pick(values), length, rng) : '';
      break;
    }
    case 'two-words':
      if (lead.firstName && lead.lastName) {
        text = `${typed(lead.firstName, rng.int(2, 4), rng)} ${typed(lead.lastName, rng.int(1, 3), rng)}`;
      }
      break;
  }
  return text.trim() === '' ? null : { text, source };
}

function makeQueries(leads: readonly SbLead[], count: number, rng: Rng): SearchQuery[] {
  const queries: SearchQuery[] = [];
  while (queries.length < count) {
    const query = makeQuery(rng.pick(leads), rng);
    if (query) queries.push(query);
  }
  return queries;
}

/** The LIKE statement for a query of `words` words: every word somewhere in the row, name order, 100. */
function likeSql(words: number): string {
  const one = `(${LIKE_COLUMNS.map((column) => `l.${column} LIKE ?`).join(' OR ')})`;
  const where = Array.from({ length: words }, () => one).join(' AND ');
  return `SELECT ${LEAD_COLUMNS} FROM (SELECT l.key FROM leads l WHERE ${where} ORDER BY l.sort_name, l.id LIMIT 100) AS page
  CROSS JOIN leads l ON l.key = page.key ORDER BY l.sort_name, l.id`;
}

function likeParams(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  return words.flatMap((word) => LIKE_COLUMNS.map(() => `%${word}%`));
}

export const searchSuite: BenchSuite = {
  id: 'search',
  title: 'Lead search (prefix, any field)',
  async run(ctx) {
    const cache = await ctx.cache();
    const raw = await ctx.rawReader();
    const { samples, warmup } = ctx.options;
    const queries = makeQueries(ctx.dataset.leads, Math.min(samples, 5000), ctx.rng('search'));
    const query = (i: number) => queries[i % queries.length] as SearchQuery;

    let results = 0;
    let empty = 0;
    const ftsMs = await sampleLatency({ samples, warmup }, async (i) => {
      const found = await cache.search.leads(query(i).text);
      if (i >= warmup) {
        results += found.length;
        if (found.length === 0) empty++;
      }
    });
    const likeMs = await sampleLatency({ samples, warmup: Math.min(warmup, 5), maxMs: BASELINE_MAX_MS }, (i) => {
      const text = query(i).text;
      return raw.all(likeSql(text.split(/\s+/).filter(Boolean).length), likeParams(text));
    });

    const bySource = SOURCES.map((source) => `${source} ${queries.filter((q) => q.source === source).length}`).join(
      ', ',
    );
    const examples = queries
      .slice(0, 12)
      .map((q) => JSON.stringify(q.text))
      .join(' ');
    return [
      latencyFigure({
        id: 'search',
        label: 'lead search (prefix, any field)',
        budget: latencyBudget('p99', 10),
        method:
          'search.leads(text) with defaults (FTS5 prefix match, whole leads by name, limit 100) over ' +
          `${queries.length} distinct queries of 1–4 characters per word.`,
        samplesMs: ftsMs,
        baselineLabel: "LIKE '%x%' scan, same columns",
        baselineSamplesMs: likeMs,
        notes: [
          `query mix: ${bySource}; e.g. ${examples}`,
          `average ${(results / Math.max(1, ftsMs.length)).toFixed(1)} leads per answer, ${empty} empty answers`,
          ...(likeMs.length < samples
            ? [`baseline time-boxed at ${BASELINE_MAX_MS / 1000} s: ${likeMs.length} samples`]
            : []),
        ],
      }),
    ];
  },
};
