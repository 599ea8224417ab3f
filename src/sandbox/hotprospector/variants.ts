import { deriveSeed } from '../random';

/**
 * Chooses which documented spelling a response uses. The two doc sets (and examples inside
 * one doc) disagree: one-item arrays or bare objects, `tag` or `tags`, `noteId` or `notesId`,
 * JSON objects or JSON text. A real server sends all of them, so by default the sandbox does too,
 * deterministically:
 *
 * - `rotate` (default): the n-th call of a Method uses variant (offset + n) mod k, where the
 *   offset comes from the seed. Every variant shows up within k calls of the same Method, and
 *   the same seed and call order replay the same answers.
 * - `by-api`: the V1 endpoint answers like the V1 doc, the V2 endpoint like the V2 doc.
 * - `first`: always the first listed variant (the V1 doc's section example).
 *
 * `pin` fixes a Method to one named variant whatever the mode, for tests of a single spelling.
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

  pick(method: string, available: readonly string[], api: 'v1' | 'v2'): string {
    const first = available[0];
    if (first === undefined) return 'default';
    const pinned = this.settings.pin?.[method];
    if (pinned !== undefined && available.includes(pinned)) return pinned;
    const mode = this.settings.mode ?? 'rotate';
    if (mode === 'first') return first;
    if (mode === 'by-api') return available.includes(api) ? api : first;
    const n = this.calls.get(method) ?? 0;
    this.calls.set(method, n + 1);
    const offset = deriveSeed(this.seed, 'variant', method) % available.length;
    return available[(offset + n) % available.length] ?? first;
  }
}
