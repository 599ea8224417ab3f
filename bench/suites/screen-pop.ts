import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { isE164, type Cache } from '../../src/core/cache';
import { findLeadByPhone, phoneToE164 } from '../../src/core/services/screen-pop';
import type { Rng } from '../../src/sandbox';
import { latencyFigure } from '../lib/figures';
import { sampleLatency } from '../lib/stats';
import { latencyBudget, type BenchSuite } from './types';

/**
 * Screen pop: a caller id in whatever spelling the phone system hands over, through core's
 * findLeadByPhone (what `callside pop` runs): E.164 by the HP wire normalizer, then
 * phones.findLead, which returns the card (the lead with its tags). One in ten numbers is not
 * in the cache, as with new callers.
 * Baseline: the same card fetched by lead id (leads.get, the unique id index).
 */

const MISS_SHARE = 0.1;
const MISSING_ID = '0';

/** How a ten-digit NANP number reaches us: caller id, a click-to-call link, an agent's paste. */
const NANP_SPELLINGS: ReadonlyArray<(d: string) => string> = [
  (d) => `+1${d}`,
  (d) => d,
  (d) => `1${d}`,
  (d) => `+1 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  (d) => `+1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
  (d) => `1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
];

export function spellNumber(e164: string, rng: Rng): string {
  if (/^\+1\d{10}$/.test(e164)) return rng.pick(NANP_SPELLINGS)(e164.slice(2));
  const parsed = parsePhoneNumberFromString(e164);
  const spellings = [e164, parsed?.formatInternational() ?? e164, `011${e164.slice(1)}`];
  return rng.pick(spellings);
}

interface PopInput {
  spelled: string;
  /** The lead expected on the card; null for an unknown caller. */
  leadId: string | null;
}

async function buildInputs(cache: Cache, leadIds: readonly string[], count: number, rng: Rng): Promise<PopInput[]> {
  const hits: PopInput[] = [];
  const wantedHits = Math.ceil(count * (1 - MISS_SHARE));
  // Oversample: some leads have no callable number.
  for (let round = 0; hits.length < wantedHits && round < 50; round++) {
    const ids = Array.from({ length: 500 }, () => rng.pick(leadIds));
    for (const lead of await cache.leads.getMany(ids)) {
      const numbers = [lead.phone, lead.mobile].filter(isE164);
      if (numbers.length === 0 || hits.length >= wantedHits) continue;
      hits.push({ spelled: spellNumber(rng.pick(numbers), rng), leadId: lead.id });
    }
  }
  const misses: PopInput[] = [];
  while (misses.length < count - hits.length) {
    const digits = `${rng.int(201, 989)}${rng.int(200, 999)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
    if ((await cache.phones.findLead(`+1${digits}`)) === null) {
      misses.push({ spelled: spellNumber(`+1${digits}`, rng), leadId: null });
    }
  }
  const inputs = [...hits, ...misses];
  // Shuffle (Fisher–Yates) so misses are spread through the run.
  for (let i = inputs.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [inputs[i], inputs[j]] = [inputs[j] as PopInput, inputs[i] as PopInput];
  }
  return inputs;
}

export const screenPopSuite: BenchSuite = {
  id: 'screen-pop',
  title: 'Screen pop (phone → lead card)',
  async run(ctx) {
    const cache = await ctx.cache();
    const rng = ctx.rng('screen-pop');
    const { samples, warmup } = ctx.options;
    const leadIds = ctx.dataset.leads.map((lead) => String(lead.id));
    const inputs = await buildInputs(cache, leadIds, Math.min(samples, 5000), rng);
    const input = (i: number) => inputs[i % inputs.length] as PopInput;

    const popMs = await sampleLatency({ samples, warmup }, (i) => findLeadByPhone(cache, input(i).spelled));
    const byIdMs = await sampleLatency({ samples, warmup }, (i) => cache.leads.get(input(i).leadId ?? MISSING_ID));

    // Not timed: the pops found who they should (a shared number may pop a busier lead).
    let found = 0;
    let wrong = 0;
    for (const { spelled, leadId } of inputs) {
      const e164 = phoneToE164(spelled);
      const card = await findLeadByPhone(cache, spelled);
      const right = leadId === null ? card === null : card !== null && (card.phone === e164 || card.mobile === e164);
      if (right) found++;
      else wrong++;
    }
    if (wrong > 0) throw new Error(`screen pop found the wrong answer for ${wrong} of ${inputs.length} numbers`);

    const spellings = new Set(inputs.map((entry) => entry.spelled.replace(/\d/g, '9'))).size;
    return [
      latencyFigure({
        id: 'screen-pop',
        label: 'screen pop (phone → card)',
        budget: latencyBudget('p99', 5),
        method:
          "core's findLeadByPhone(cache, spelled number): normalizePhone → E.164 → phones.findLead → Lead with tags; " +
          `${Math.round(MISS_SHARE * 100)} % unknown callers; ${inputs.length} distinct numbers in ${spellings} spellings.`,
        samplesMs: popMs,
        baselineLabel: 'same card by lead id',
        baselineSamplesMs: byIdMs,
        notes: [`checked: ${found}/${inputs.length} numbers popped a lead with that number (none for unknown callers)`],
      }),
    ];
  },
};
