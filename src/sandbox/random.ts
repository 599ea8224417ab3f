/**
 * Seeded, fast pseudo-random numbers for the simulators. Everything a sandbox invents (demo
 * data, response variants, probabilistic faults) draws from here so that one seed always
 * replays the same run; Math.random would make failures impossible to reproduce.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks an index using relative weights (need not sum to 1). */
  weighted(weights: readonly number[]): number;
}

/** sfc32: small state, good statistical quality, and several times faster than crypto. */
export function createRng(seed: number): Rng {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const step = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: with nearby seeds the initial values are correlated.
  for (let i = 0; i < 12; i++) step();

  return {
    next: step,
    int: (min, max) => min + Math.floor(step() * (max - min + 1)),
    chance: (p) => step() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(step() * items.length)] as T;
    },
    weighted: (weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let roll = step() * total;
      for (let i = 0; i < weights.length; i++) {
        roll -= weights[i] ?? 0;
        if (roll < 0) return i;
      }
      return weights.length - 1;
    },
  };
}

/** FNV-1a over a string: a stable 32-bit key for "seed + name" derived streams. */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Combines a seed with labels into an independent stream seed (e.g. seed + "faults"). */
export function deriveSeed(seed: number, ...labels: Array<string | number>): number {
  let h = hashString(String(seed >>> 0));
  for (const label of labels) h = hashString(`|${label}`, h);
  return h;
}
