import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererDistDir } from '../../../src/core/platform/project-paths';

/**
 * The built renderer (out/renderer, made by `npm run build`, which `npm test` runs first): the
 * entry chunk every window parses at start is minified, and the code of the tray route and of
 * Settings is in chunks of its own. Sizes are start-up time, not style.
 */

const dir = rendererDistDir();
const assets = join(dir, 'assets');

/**
 * Measured 2026-12-02: 536 KB minified (React, zod, the contract, the workspace, and
 * libphonenumber-js); the same code unminified is about 1.3 MB. Room to grow, not to double.
 */
const ENTRY_MAX_BYTES = 640 * 1024;
/** Minified code runs to thousands of characters a line; unminified output averages about 40. */
const MIN_AVERAGE_LINE = 1_000;

function built(): { html: string; entry: string; chunks: Map<string, string> } {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`No built renderer in ${dir}: run \`npm run build\` first.`);
  }
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entryName = html.match(/<script type="module"[^>]* src="\.\/assets\/([^"]+\.js)"/)?.[1];
  if (!entryName) throw new Error('index.html names no entry module');
  const chunks = new Map<string, string>();
  for (const name of readdirSync(assets).filter((file) => file.endsWith('.js'))) {
    chunks.set(name, readFileSync(join(assets, name), 'utf8'));
  }
  return { html, entry: entryName, chunks };
}

describe('the built renderer', () => {
  it('ships a minified entry chunk', () => {
    const { entry, chunks } = built();
    const code = chunks.get(entry) ?? '';
    const lines = code.split('\n').length;
    expect(code.length / lines).toBeGreaterThan(MIN_AVERAGE_LINE);
    expect(Buffer.byteLength(code)).toBeLessThan(ENTRY_MAX_BYTES);
  });

  it('keeps the tray and Settings out of the entry chunk, in chunks of their own', () => {
    const { entry, chunks } = built();
    // Text only the tray's "who am I" picker and the Settings account form show.
    for (const marker of ['Who are you?', 'Test connection']) {
      const holders = [...chunks].filter(([, code]) => code.includes(marker)).map(([name]) => name);
      expect(holders.length, marker).toBeGreaterThan(0);
      expect(holders, marker).not.toContain(entry);
    }
  });

  it('loads its scripts from files only: no inline script for the CSP to refuse', () => {
    const { html } = built();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="/);
      expect(body?.trim()).toBe('');
    }
    expect(html).toContain("script-src 'self'");
    expect(html).not.toContain('unsafe-inline');
    expect(html).not.toContain('unsafe-eval');
  });
});
