import { deriveSeed } from './random';

/**
 * Chooses which documented spelling an answer uses, for every simulator. A real server sends
 * all of them, so by default a sandbox does too, deterministically:
 *
 * - `rotate` (default): the n-th pick for a name uses variant (offset + n) mod k, where the
 *   offset comes from the seed. Every variant shows up within k picks of the same name, and the
 *   same seed and call order replay the same answers.
 * - `by-api`: the variant the caller prefers (Hot Prospector: the spelling of the API asked),
 *   else the first.
 * - `first`: always the first listed variant (each simulator lists the doc's own example first).
 *
 * `pin` fixes a name to one variant whatever the mode, for tests of a single spelling. Opt-in
 * variants (e.g. invalid JSON) never rotate in: only a pin selects them.
 */

export type VariantMode = 'rotate' | 'by-api' | 'first';

export interface VariantSettings {
  mode?: VariantMode;
  pin?: Record<string, string>;
}

export class VariantPicker {
  private settings: VariantSettings;
  private readonly calls = new Map<string, number>();

  constructor(
    private readonly seed: number,
    settings: VariantSettings = {},
  ) {
    this.settings = settings;
  }

  set(settings: VariantSettings): void {
    this.settings = settings;
    this.calls.clear();
  }

  get(): VariantSettings {
    return this.settings;
  }

  pick(name: string, available: readonly string[], preferred?: string, optIn: readonly string[] = []): string {
    const first = available[0];
    if (first === undefined) return 'default';
    const pinned = this.settings.pin?.[name];
    if (pinned !== undefined && (available.includes(pinned) || optIn.includes(pinned))) return pinned;
    const mode = this.settings.mode ?? 'rotate';
    if (mode === 'first') return first;
    if (mode === 'by-api') return preferred !== undefined && available.includes(preferred) ? preferred : first;
    const n = this.calls.get(name) ?? 0;
    this.calls.set(name, n + 1);
    const offset = deriveSeed(this.seed, 'variant', name) % available.length;
    return available[(offset + n) % available.length] ?? first;
  }
}
