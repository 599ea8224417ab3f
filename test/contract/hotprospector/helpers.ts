import { expect } from 'vitest';
import { HotProspectorClient } from '../../../src/core/providers/hotprospector/client';
import {
  createV1Transport,
  createV2Transport,
  type HpTransport,
  type HpV1TransportOptions,
  type HpV2TransportOptions,
} from '../../../src/core/providers/hotprospector/transport';
import {
  startHotProspectorSandbox,
  type HotProspectorSandbox,
  type HotProspectorSandboxOptions,
} from '../../../src/sandbox';
import { CallsideError, type ErrorCode } from '../../../src/shared/errors';

/**
 * Plumbing for the Hot Prospector contract tests: the real client over a real V1 or V2
 * transport, talking HTTP to a sandbox started in the test.
 */

export type Api = 'v1' | 'v2';
export const APIS: readonly Api[] = ['v1', 'v2'];

/** 12:00 in Los Angeles (summer time): dates in the data and in assertions stay stable. */
export const NOW = new Date('2026-06-23T19:00:00Z');
export const TODAY = '2026-06-23';

export function startSandbox(options: HotProspectorSandboxOptions = {}): Promise<HotProspectorSandbox> {
  return startHotProspectorSandbox({ seed: 7, leads: 200, now: NOW, faults: { latencyMs: 0 }, ...options });
}

/** Backoff of a millisecond or two: the retry path is the real one, only the waiting is short. */
export const FAST_RETRIES = { baseDelayMs: 1, maxDelayMs: 2 } as const;

type PolicyOverrides = Partial<Omit<HpV2TransportOptions, 'baseUrl' | 'uid' | 'apiKey'>> &
  Partial<Omit<HpV1TransportOptions, 'baseUrl' | 'uid' | 'apiKey'>>;

export function transportFor(
  sb: HotProspectorSandbox,
  api: Api,
  options: PolicyOverrides & { apiKey?: string; uid?: string } = {},
): HpTransport {
  const base = {
    ...FAST_RETRIES,
    ...options,
    uid: options.uid ?? sb.credentials.uid,
    apiKey: options.apiKey ?? sb.credentials.apiKey,
  };
  return api === 'v1'
    ? createV1Transport({ ...base, baseUrl: sb.v1Url })
    : createV2Transport({ ...base, baseUrl: sb.v2BaseUrl });
}

/** Every Method name the client sent, and the raw (decoded) body each call received. */
export interface CallLog {
  methods: Map<string, number>;
  answers: Array<{ method: string; body: unknown }>;
}

export function newCallLog(): CallLog {
  return { methods: new Map(), answers: [] };
}

/** Wraps a transport so a test can tell which Methods were exercised and what came back. */
export function tracked(inner: HpTransport, log: CallLog): HpTransport {
  return {
    api: inner.api,
    async call(method, params, options) {
      log.methods.set(method, (log.methods.get(method) ?? 0) + 1);
      const body = await inner.call(method, params, options);
      log.answers.push({ method, body });
      return body;
    },
    signOut: () => inner.signOut(),
  };
}

export function clientFor(
  sb: HotProspectorSandbox,
  api: Api,
  options: PolicyOverrides & { apiKey?: string; uid?: string; log?: CallLog } = {},
): HotProspectorClient {
  const { log, ...transportOptions } = options;
  const transport = transportFor(sb, api, transportOptions);
  return new HotProspectorClient(log ? tracked(transport, log) : transport, { provider: 'demo' });
}

/** Counter deltas around `work`, as seen by the sandbox. */
export async function countersAround<T>(
  sb: HotProspectorSandbox,
  work: () => Promise<T>,
): Promise<{
  result: T;
  applied: (name: string) => number;
  requests: (name: string) => number;
  appliedTotal: number;
}> {
  const before = sb.counters();
  const result = await work();
  const after = sb.counters();
  const delta = (a: Record<string, number>, b: Record<string, number>, name: string) => (a[name] ?? 0) - (b[name] ?? 0);
  const sum = (r: Record<string, number>) => Object.values(r).reduce((s, n) => s + n, 0);
  return {
    result,
    applied: (name) => delta(after.applied, before.applied, name),
    requests: (name) => delta(after.requests, before.requests, name),
    appliedTotal: sum(after.applied) - sum(before.applied),
  };
}

/**
 * Runs one write and checks the sandbox applied it exactly once, in exactly one request, and
 * that nothing else changed state.
 */
export async function appliedOnce<T>(sb: HotProspectorSandbox, method: string, work: () => Promise<T>): Promise<T> {
  const seen = await countersAround(sb, work);
  expect(seen.applied(method), `${method} applied`).toBe(1);
  expect(seen.appliedTotal, `writes applied during ${method}`).toBe(1);
  expect(seen.requests(method), `${method} requests`).toBe(1);
  return seen.result;
}

/** Resolves to the CallsideError `promise` rejects with; fails the test if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<CallsideError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CallsideError);
    return error as CallsideError;
  }
  throw new Error('expected the call to fail');
}

export async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<CallsideError> {
  const error = await failure(promise);
  expect(error.code, error.message).toBe(code);
  return error;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

export function expectIsoUtc(value: string | null | undefined): void {
  expect(value, 'a UTC ISO-8601 time').toMatch(ISO_UTC);
  expect(Number.isNaN(Date.parse(value as string)), `${value} is a real time`).toBe(false);
}

/** An E.164 number, or '' (no number), or the text as typed when it is not a phone number at all. */
export function expectPhone(value: string, options: { allowUnparseable?: boolean } = {}): void {
  if (value === '') return;
  if (options.allowUnparseable && !/\d{7}/.test(value.replace(/\D/g, ''))) return;
  expect(value, 'an E.164 phone').toMatch(/^\+[1-9]\d{6,14}$/);
}

export function expectCount(value: number | null | undefined): void {
  expect(typeof value).toBe('number');
  expect(Number.isFinite(value)).toBe(true);
  expect(value as number).toBeGreaterThanOrEqual(0);
}

/** True when `text` contains any of the secrets (used on every error message the tests see). */
export function leaksSecret(text: string, secrets: readonly string[]): string | null {
  return secrets.find((secret) => secret.length > 0 && text.includes(secret)) ?? null;
}
