import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startBrowserHost } from '../../src/cli/host/browser-host';
import { rendererDistDir } from '../../src/core/platform/project-paths';
import { createBenchCore } from '../lib/bench-core';
import { latencyFigure } from '../lib/figures';
import { latencyBudget, type BenchSuite } from './types';

/**
 * The lead queue in Chromium over the warm cache (100k leads): the browser host serves the
 * built renderer's workspace view, whose bridge runs the real workspace handlers (leads.list,
 * workspace.overview, …) against the bench's cache. Two figures:
 * - first render: navigation start → first animation frame after the first loaded lead row
 *   (role option, not aria-busy) is in the "Leads" listbox; a fresh page per sample. Baseline:
 *   the same page's DOMContentLoaded, on the same clock.
 * - scroll frames: requestAnimationFrame deltas while the virtualized list is scrolled by a few
 *   rows per frame through thousands of rows. Baseline: rAF deltas on the same page, idle.
 *
 * Needs the built renderer (`npm run build`) and Chromium (/usr/bin/chromium, or CALLSIDE_CHROMIUM).
 */

/** Fresh page loads are slow to sample; enough for a stable p95. */
const MAX_RENDER_SAMPLES = 30;
const MAX_RENDER_WARMUP = 3;
/** Rows scrolled per animation frame (a quick fling), and frames scrolled at most. */
const ROWS_PER_FRAME = 5;
const MAX_SCROLL_FRAMES = 1200;
const MAX_IDLE_FRAMES = 300;
const VIEWPORT = { width: 1280, height: 800 };

/**
 * Installed before the page's own scripts: records when the first loaded row is painted.
 * Plain JavaScript text, run as is (the bench's TypeScript loader would add helpers).
 */
const FIRST_ROW_WATCH = `(() => {
  const selector = '[role="listbox"][aria-label="Leads"] [role="option"]:not([aria-busy="true"])';
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__queueFirstRowPainted = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
})()`;

const READ_FIRST_RENDER = `(async () => {
  while (window.__queueFirstRowPainted === undefined) await new Promise((r) => setTimeout(r, 10));
  const nav = performance.getEntriesByType('navigation')[0];
  return { renderMs: window.__queueFirstRowPainted, domReadyMs: nav.domContentLoadedEventEnd };
})()`;

/** rAF deltas: idle for `idle` frames, then scrolling `step` px per frame for at most `frames` frames. */
const FRAMES_IN_PAGE = `async ({ idle, frames, step }) => {
  const list = document.querySelector('[role="listbox"][aria-label="Leads"]');
  const record = (count, each) => new Promise((resolve) => {
    const deltas = [];
    let last = -1;
    const tick = (now) => {
      if (last >= 0) deltas.push(now - last);
      last = now;
      if (deltas.length >= count || (each && each() === false)) return resolve(deltas);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const idleDeltas = await record(idle, null);
  const rowHeight = list.querySelector('[role="option"]').getBoundingClientRect().height;
  const startTop = list.scrollTop;
  const scrollDeltas = await record(frames, () => {
    const before = list.scrollTop;
    list.scrollTop = before + step;
    return list.scrollTop !== before;
  });
  return { idleDeltas, scrollDeltas, rowsScrolled: Math.round((list.scrollTop - startTop) / rowHeight), rowHeight };
}`;

interface FrameRun {
  idleDeltas: number[];
  scrollDeltas: number[];
  rowsScrolled: number;
  rowHeight: number;
}

async function openQueue(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript(FIRST_ROW_WATCH);
  await page.goto(url);
  return page;
}

export const queueRenderSuite: BenchSuite = {
  id: 'queue-render',
  title: 'Lead queue, first render and scroll frames (Chromium)',
  async run(ctx) {
    const rendererDir = rendererDistDir();
    if (!existsSync(`${rendererDir}/index.html`)) {
      throw new Error('queue-render needs the built renderer: run `npm run build` first.');
    }
    const executablePath = process.env.CALLSIDE_CHROMIUM ?? '/usr/bin/chromium';
    const cache = await ctx.cache();
    const leads = await cache.leads.count();
    const samples = Math.min(ctx.options.samples, MAX_RENDER_SAMPLES);
    const warmup = Math.min(ctx.options.warmup, MAX_RENDER_WARMUP);

    const host = await startBrowserHost({ core: createBenchCore(cache), rendererDir });
    const browser = await chromium.launch({
      headless: true,
      ...(existsSync(executablePath) ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const renders: { renderMs: number; domReadyMs: number }[] = [];
      for (let i = 0; i < warmup + samples; i++) {
        const page = await openQueue(browser, host.url);
        const sample = (await page.evaluate(READ_FIRST_RENDER)) as { renderMs: number; domReadyMs: number };
        await page.close();
        if (i >= warmup) renders.push(sample);
      }
      ctx.options.log(`queue-render: ${renders.length} first renders measured in Chromium`);

      const page = await openQueue(browser, host.url);
      await page.evaluate(READ_FIRST_RENDER);
      await page.waitForTimeout(500);
      const rowHeight = await page
        .locator('[role="listbox"][aria-label="Leads"] [role="option"]')
        .first()
        .evaluate((row) => row.getBoundingClientRect().height);
      const scrollable = Math.max(0, leads * rowHeight - VIEWPORT.height);
      const step = ROWS_PER_FRAME * rowHeight;
      const frames = Math.max(10, Math.min(MAX_SCROLL_FRAMES, Math.ceil(scrollable / step)));
      const run = (await page.evaluate(
        `(${FRAMES_IN_PAGE})(${JSON.stringify({ idle: Math.min(frames, MAX_IDLE_FRAMES), frames, step })})`,
      )) as FrameRun;
      await page.close();
      ctx.options.log(`queue-render: ${run.scrollDeltas.length} frames over ${run.rowsScrolled} rows scrolled`);

      return [
        latencyFigure({
          id: 'queue-first-render',
          label: 'lead queue first render (navigation → rows painted)',
          budget: latencyBudget('p95', 300),
          method:
            'Fresh Chromium page per sample on the browser host over the warm cache; performance.now() from navigation ' +
            'start to the first animation frame after a loaded lead row (role option, not aria-busy) is in the Leads listbox.',
          samplesMs: renders.map((sample) => sample.renderMs),
          baselineLabel: 'DOMContentLoaded of the same page',
          baselineSamplesMs: renders.map((sample) => sample.domReadyMs),
          notes: [`${leads} cached leads; viewport ${VIEWPORT.width}×${VIEWPORT.height}; budget taken as p95`],
        }),
        latencyFigure({
          id: 'queue-scroll-frames',
          label: 'lead queue scroll frames (rAF delta)',
          budget: latencyBudget('p95', 16.7),
          method:
            `scrollTop += ${ROWS_PER_FRAME} rows per animation frame on the virtualized Leads listbox (pages fetched over ` +
            'the bridge as rows come into view); each sample is one requestAnimationFrame delta.',
          samplesMs: run.scrollDeltas,
          baselineLabel: 'rAF deltas on the same page, idle',
          baselineSamplesMs: run.idleDeltas,
          notes: [
            `${run.scrollDeltas.length} frames, ${run.rowsScrolled} rows scrolled (row ${run.rowHeight}px)`,
            'headless Chromium, --disable-gpu (software compositing)',
          ],
        }),
      ];
    } finally {
      await browser.close();
      await host.close();
    }
  },
};
