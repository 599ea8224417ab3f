import type { FetchLike } from './http';
import { abortableSleep, type RetryPolicy, type Sleep } from './retry';

/** Knobs shared by both transports; every one has a default that suits a desktop agent. */
export interface HpNetworkPolicyOptions {
  /** Defaults to the global fetch. */
  fetch?: FetchLike;
  /** Deadline for one HTTP attempt, body included. Default 20 s. */
  timeoutMs?: number;
  /** Tries per read, the first included. Writes are always tried once. Default 3. */
  maxAttempts?: number;
  /** First backoff ceiling; doubles per retry. Default 300 ms. */
  baseDelayMs?: number;
  /** Backoff ceiling. Default 5 s. */
  maxDelayMs?: number;
  /** In-flight router calls per account. Default 4. */
  maxConcurrent?: number;
  sleep?: Sleep;
  random?: () => number;
  /** Plain http is accepted only for loopback hosts (the sandbox) unless this is set. */
  allowInsecureHttp?: boolean;
}

export interface HpNetworkPolicy extends RetryPolicy {
  fetch: FetchLike;
  timeoutMs: number;
  maxConcurrent: number;
  allowInsecureHttp: boolean;
}

export const DEFAULT_POLICY = {
  timeoutMs: 20_000,
  maxAttempts: 3,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxConcurrent: 4,
} as const;

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number.`);
  return value;
}

export function resolvePolicy(options: HpNetworkPolicyOptions): HpNetworkPolicy {
  return {
    // Bound lazily so a test (or host) that replaces globalThis.fetch later is still honoured.
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    timeoutMs: positive(options.timeoutMs, DEFAULT_POLICY.timeoutMs, 'timeoutMs'),
    maxAttempts: Math.floor(positive(options.maxAttempts, DEFAULT_POLICY.maxAttempts, 'maxAttempts')),
    baseDelayMs: positive(options.baseDelayMs, DEFAULT_POLICY.baseDelayMs, 'baseDelayMs'),
    maxDelayMs: positive(options.maxDelayMs, DEFAULT_POLICY.maxDelayMs, 'maxDelayMs'),
    maxConcurrent: Math.floor(positive(options.maxConcurrent, DEFAULT_POLICY.maxConcurrent, 'maxConcurrent')),
    sleep: options.sleep ?? abortableSleep,
    random: options.random ?? Math.random,
    allowInsecureHttp: options.allowInsecureHttp ?? false,
  };
}
