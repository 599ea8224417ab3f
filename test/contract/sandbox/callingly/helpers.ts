import { startCallinglySandbox, type CallinglySandbox, type CallinglySandboxOptions } from '../../../../src/sandbox';

/** Shared plumbing for the Callingly simulator's contract tests: a pinned clock and plain fetch. */

/** 12:00 in Phoenix (MST all year, UTC-7). */
export const NOW = new Date('2026-06-23T19:00:00Z');
export const TODAY = '2026-06-23';

export async function startCallingly(options: CallinglySandboxOptions = {}): Promise<CallinglySandbox> {
  return startCallinglySandbox({ seed: 7, leads: 120, now: NOW, ...options });
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** A request with the sandbox's key; `path` is appended to the base URL (which ends in /v1). */
export async function api(
  sb: CallinglySandbox,
  path: string,
  init: { method?: string; body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  const key = init.key === undefined ? sb.credentials.apiKey : init.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${sb.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export type Row = Record<string, unknown>;

/** The list inside any of the doc's envelopes: bare array, {data: []}, {agents: []}. */
export function list(value: unknown): Row[] {
  if (Array.isArray(value)) return value as Row[];
  if (value && typeof value === 'object') {
    const inner = (value as Row).data ?? (value as Row).agents;
    if (Array.isArray(inner)) return inner as Row[];
  }
  throw new Error(`not a list: ${JSON.stringify(value)?.slice(0, 200)}`);
}
