import type { Dataset } from '../../src/sandbox';
import { latencyFigure } from '../lib/figures';
import { sampleLatency } from '../lib/stats';
import { latencyBudget, type BenchSuite } from './types';

/**
 * Opening a lead: cache.openLead (profile with tags and groups, notes, timeline of the newest
 * 200 activities) for random leads, a quarter of them drawn from the busiest 1 % (the longest
 * timelines). Baseline: a bare SELECT of the lead row by id on a second connection.
 */

const BUSY_SHARE = 0.25;
const BUSY_FRACTION = 0.01;

/** Lead ids by activity count (calls, SMS, RVM, notes), busiest first. */
export function leadsByActivity(dataset: Dataset): Array<{ id: string; rows: number }> {
  const counts = new Map<number, number>();
  for (const list of [dataset.calls, dataset.sms, dataset.rvm, dataset.notes]) {
    for (const row of list) counts.set(row.leadId, (counts.get(row.leadId) ?? 0) + 1);
  }
  return dataset.leads
    .map((lead) => ({ id: String(lead.id), rows: counts.get(lead.id) ?? 0 }))
    .sort((a, b) => b.rows - a.rows);
}

export const openLeadSuite: BenchSuite = {
  id: 'open-lead',
  title: 'Open lead (profile + tags + notes + timeline)',
  async run(ctx) {
    const cache = await ctx.cache();
    const raw = await ctx.rawReader();
    const rng = ctx.rng('open-lead');
    const { samples, warmup } = ctx.options;

    const ranked = leadsByActivity(ctx.dataset);
    const busy = ranked.slice(0, Math.max(1, Math.ceil(ranked.length * BUSY_FRACTION)));
    const ids = Array.from({ length: Math.min(samples, 5000) }, () =>
      rng.chance(BUSY_SHARE) ? rng.pick(busy).id : rng.pick(ranked).id,
    );
    const id = (i: number) => ids[i % ids.length] as string;

    let timelineRows = 0;
    let noteRows = 0;
    let longest = 0;
    const openMs = await sampleLatency({ samples, warmup }, async (i) => {
      const view = await cache.openLead(id(i));
      if (!view) throw new Error(`lead ${id(i)} is not in the cache`);
      if (i >= warmup) {
        timelineRows += view.timeline.length;
        noteRows += view.notes.length;
        longest = Math.max(longest, view.timeline.length);
      }
    });
    const bareMs = await sampleLatency({ samples, warmup }, (i) =>
      raw.get('SELECT * FROM leads WHERE id = ?', [id(i)]),
    );

    return [
      latencyFigure({
        id: 'open-lead',
        label: 'open lead (profile+notes+timeline)',
        budget: latencyBudget('p99', 15),
        method:
          `cache.openLead(id) with default limits; ${Math.round(BUSY_SHARE * 100)} % of opens go to the busiest ` +
          `${busy.length} leads (${busy[busy.length - 1]?.rows ?? 0}–${busy[0]?.rows ?? 0} activity rows each).`,
        samplesMs: openMs,
        baselineLabel: 'bare SELECT of the row by id',
        baselineSamplesMs: bareMs,
        notes: [
          `average timeline ${(timelineRows / Math.max(1, openMs.length)).toFixed(1)} rows (longest ${longest}), ` +
            `${(noteRows / Math.max(1, openMs.length)).toFixed(1)} notes`,
        ],
      }),
    ];
  },
};
