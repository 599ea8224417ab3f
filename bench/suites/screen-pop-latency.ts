import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { startBrowserHost } from '../../src/cli/host/browser-host';
import { isE164, type Cache } from '../../src/core/cache';
import { rendererDistDir } from '../../src/core/platform/project-paths';
import { createBenchCore } from '../lib/bench-core';
import { latencyFigure } from '../lib/figures';
import { spellNumber } from './screen-pop';
import { latencyBudget, type BenchSuite } from './types';

/**
 * Screen pop end to end, as the agent sees it: a softphone's `POST /pop?phone=…` to the browser
 * host → lookup in the warm cache (100k leads) → `pop` event over the bridge WebSocket → the
 * tray view (/tray, the real built renderer in Chromium) paints the lead card. Each sample is
 * timed in the page, from just before the request to the first animation frame after the card
 * shows the caller's number. Baseline: the same request's HTTP answer, timed the same way.
 *
 * Needs the built renderer (`npm run build`) and Chromium (/usr/bin/chromium, or
 * CALLSIDE_CHROMIUM).
 */

/** Chromium round trips are slower to sample than in-process reads; enough for a stable p99. */
const MAX_SAMPLES = 400;

interface Sample {
  visibleMs: number;
  answerMs: number;
}

/** Distinct E.164 numbers of cached leads, picked at random. */
async function callableNumbers(cache: Cache, count: number, pick: () => string): Promise<string[]> {
  const numbers = new Set<string>();
  for (let round = 0; numbers.size < count && round < 50; round++) {
    for (const lead of await cache.leads.getMany(Array.from({ length: 500 }, pick))) {
      if (numbers.size < count && isE164(lead.phone)) numbers.add(lead.phone);
    }
  }
  if (numbers.size < 2) throw new Error('screen-pop-latency: too few cached leads with an E.164 phone');
  return [...numbers];
}

/**
 * One pop, timed in the page: request → card with this number painted; and the HTTP answer
 * alone. Plain JavaScript text, run as is: the bench's TypeScript loader would add helpers to
 * a compiled function that do not exist in the page.
 */
const POP_IN_PAGE = `async ({ token, spelled, e164 }) => {
  const region = () => document.querySelector('[aria-label="Screen pop"]');
  // Start from no card, so the card seen below is this pop's.
  const dismiss = region() && region().querySelector('button');
  if (dismiss) {
    dismiss.click();
    await new Promise((resolve) => {
      const check = () => (region() ? requestAnimationFrame(check) : resolve());
      check();
    });
  }
  const shown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const card = region();
      if (card && card.textContent.includes(e164)) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const start = performance.now();
  const answered = fetch('/pop?phone=' + encodeURIComponent(spelled), {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + token },
  }).then(async (response) => {
    await response.text();
    return performance.now();
  });
  const [visibleAt, answerAt] = await Promise.all([shown, answered]);
  return { visibleMs: visibleAt - start, answerMs: answerAt - start };
}`;

function popInPage(page: Page, token: string, spelled: string, e164: string): Promise<Sample> {
  return page.evaluate(`(${POP_IN_PAGE})(${JSON.stringify({ token, spelled, e164 })})`) as Promise<Sample>;
}

export const screenPopLatencySuite: BenchSuite = {
  id: 'screen-pop-latency',
  title: 'Screen pop, request to visible card (Chromium)',
  async run(ctx) {
    const rendererDir = rendererDistDir();
    if (!existsSync(`${rendererDir}/index.html`)) {
      throw new Error('screen-pop-latency needs the built renderer: run `npm run build` first.');
    }
    const executablePath = process.env.CALLSIDE_CHROMIUM ?? '/usr/bin/chromium';
    const cache = await ctx.cache();
    const rng = ctx.rng('screen-pop-latency');
    const leadIds = ctx.dataset.leads.map((lead) => String(lead.id));
    const samples = Math.min(ctx.options.samples, MAX_SAMPLES);
    const warmup = Math.min(ctx.options.warmup, 20);
    const numbers = await callableNumbers(cache, Math.min(samples + warmup, 1000), () => rng.pick(leadIds));
    // Spelled the way caller ids arrive; distinct numbers, so consecutive pops never show the same card.
    const inputs = numbers.map((e164) => ({ e164, spelled: spellNumber(e164, rng) }));

    const host = await startBrowserHost({ core: createBenchCore(cache), rendererDir });
    const browser = await chromium.launch({
      headless: true,
      ...(existsSync(executablePath) ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const token = new URL(host.url).searchParams.get('token') ?? '';
      const page = await browser.newPage({ viewport: { width: 400, height: 660 } });
      await page.goto(`${host.origin}/tray?token=${token}`);
      await page.getByRole('tablist', { name: 'Tray' }).waitFor();
      const results: Sample[] = [];
      for (let i = 0; i < warmup + samples; i++) {
        const input = inputs[i % inputs.length] as (typeof inputs)[number];
        const sample = await popInPage(page, token, input.spelled, input.e164);
        if (i >= warmup) results.push(sample);
      }
      ctx.options.log(`screen-pop-latency: ${results.length} pops measured in Chromium`);
      return [
        latencyFigure({
          id: 'screen-pop-visible',
          label: 'screen pop (POST /pop → card painted)',
          budget: latencyBudget('p99', 100),
          method:
            'POST /pop?phone=… from the page (token, own Origin) → tray.screenPop over the warm cache → `pop` over the ' +
            'bridge WebSocket → tray view renders the card; timed in Chromium from before the request to the first ' +
            'animation frame after the card shows the number.',
          samplesMs: results.map((sample) => sample.visibleMs),
          baselineLabel: 'HTTP answer of the same POST /pop',
          baselineSamplesMs: results.map((sample) => sample.answerMs),
          notes: [`${inputs.length} distinct numbers; the previous card is dismissed (untimed) before each pop`],
        }),
      ];
    } finally {
      await browser.close();
      await host.close();
    }
  },
};
