import { expect } from 'vitest';
import {
  startHotProspectorSandbox,
  type HotProspectorSandbox,
  type HotProspectorSandboxOptions,
} from '../../../src/sandbox';

/** Shared plumbing for the sandbox contract tests: a pinned clock and small fetch wrappers. */

/** A fixed "now" (12:00 in Los Angeles, summer time) so dates in assertions are stable. */
export const NOW = new Date('2026-06-23T19:00:00Z');
export const TODAY = '2026-06-23';

export async function startSandbox(options: HotProspectorSandboxOptions = {}): Promise<HotProspectorSandbox> {
  return startHotProspectorSandbox({ seed: 11, leads: 120, now: NOW, ...options });
}

export interface RawAnswer {
  status: number;
  contentType: string;
  text: string;
}

export async function raw(url: string, init: RequestInit): Promise<RawAnswer> {
  const res = await fetch(url, init);
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** POSTs a V1 call with the sandbox's credentials and returns the decoded JSON body. */
export async function v1(sb: HotProspectorSandbox, body: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(sb.v1Url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ api_uId: sb.credentials.uid, api_key: sb.credentials.apiKey, ...body }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

/** Gets a V2 access token. */
export async function v2Token(
  sb: HotProspectorSandbox,
): Promise<{ access: string; refresh: string; expiresIn: number }> {
  const res = await fetch(`${sb.v2BaseUrl}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ api_uId: sb.credentials.uid, api_key: sb.credentials.apiKey }),
  });
  const json = (await res.json()) as { data: { access_token: string; refresh_token: string; expires_in: number } };
  return { access: json.data.access_token, refresh: json.data.refresh_token, expiresIn: json.data.expires_in };
}

export async function v2(sb: HotProspectorSandbox, token: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${sb.v2BaseUrl}/request`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

/** Unwraps the one-item array some answers come in. */
export function envelope(value: unknown): Record<string, unknown> {
  const inner = Array.isArray(value) ? value[0] : value;
  if (typeof inner !== 'object' || inner === null) throw new Error(`not an envelope: ${JSON.stringify(value)}`);
  return inner as Record<string, unknown>;
}

export function rows(value: unknown, key: string): Array<Record<string, unknown>> {
  const list = envelope(value)[key];
  if (!Array.isArray(list)) throw new Error(`no ${key} list in ${JSON.stringify(value).slice(0, 300)}`);
  return list as Array<Record<string, unknown>>;
}
