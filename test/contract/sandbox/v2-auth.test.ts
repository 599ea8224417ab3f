import { afterEach, describe, expect, it } from 'vitest';
import type { HotProspectorSandbox } from '../../../src/sandbox';
import { startSandbox, v2, v2Token } from './helpers';

describe('V2 token auth', () => {
  let sb: HotProspectorSandbox;
  afterEach(() => sb.close());

  const postJson = (path: string, body: unknown, token?: string) =>
    fetch(`${sb.v2BaseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it('exchanges credentials for a 6-hour access token and a refresh token', async () => {
    sb = await startSandbox();
    const res = await postJson('/auth/token', { api_uId: sb.credentials.uid, api_key: sb.credentials.apiKey });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { success: boolean; message: string; data: Record<string, unknown> };
    expect(json.success).toBe(true);
    expect(json.message).toBe('Token generated successfully.');
    expect(json.data.expires_in).toBe(21600);
    expect(json.data.token_type).toBe('Bearer');
    expect(json.data.access_token).toMatch(/^[0-9a-f]{48}$/);
    expect(json.data.refresh_token).not.toBe(json.data.access_token);
    const login = await v2(sb, String(json.data.access_token), { Method: 'LoginUser' });
    expect(await login.json()).toEqual({ response: 'true', message: 'Successfully Authenticated' });
  });

  it('refuses bad credentials', async () => {
    sb = await startSandbox({ faults: { invalidToken: 'http401' } });
    const res = await postJson('/auth/token', { api_uId: sb.credentials.uid, api_key: 'nope' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ success: false, message: 'Invalid api_uId or api_key.' });
  });

  it('accepts credentials form-encoded too', async () => {
    sb = await startSandbox();
    const res = await fetch(`${sb.v2BaseUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_uId: sb.credentials.uid, api_key: sb.credentials.apiKey }).toString(),
    });
    expect(((await res.json()) as { success: boolean }).success).toBe(true);
  });

  it('rotates refresh tokens: the used one stops working, the new pair works', async () => {
    sb = await startSandbox({ faults: { invalidToken: 'http401' } });
    const first = await v2Token(sb);
    const res = await postJson('/auth/refresh', { refresh_token: first.refresh });
    const json = (await res.json()) as {
      success: boolean;
      message: string;
      data: { access_token: string; refresh_token: string };
    };
    expect(json.message).toBe('Token refreshed successfully.');
    expect(json.data.refresh_token).not.toBe(first.refresh);
    expect((await v2(sb, json.data.access_token, { Method: 'LoginUser' })).status).toBe(200);

    const replay = await postJson('/auth/refresh', { refresh_token: first.refresh });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({
      success: false,
      message: 'Refresh token is invalid, expired, or already revoked.',
    });
    const next = await postJson('/auth/refresh', { refresh_token: json.data.refresh_token });
    expect(next.status).toBe(200);
  });

  it('revoke invalidates every access and refresh token of the account', async () => {
    sb = await startSandbox({ faults: { invalidToken: 'http401' } });
    const a = await v2Token(sb);
    const b = await v2Token(sb);
    const res = await postJson('/auth/revoke', {}, a.access);
    expect(await res.json()).toEqual({ success: true, message: 'All tokens for this account have been revoked.' });
    expect((await v2(sb, a.access, { Method: 'LoginUser' })).status).toBe(401);
    expect((await v2(sb, b.access, { Method: 'LoginUser' })).status).toBe(401);
    expect((await postJson('/auth/refresh', { refresh_token: b.refresh })).status).toBe(401);
    const again = await postJson('/auth/revoke', {}, a.access);
    expect(await again.json()).toEqual({ success: false, message: 'A valid Bearer token is required to revoke.' });
  });

  it('expires access tokens after the configured lifetime; refresh still works', async () => {
    sb = await startSandbox({ faults: { tokenTtlSec: 1, invalidToken: 'http401' } });
    const t = await v2Token(sb);
    expect(t.expiresIn).toBe(1);
    expect((await v2(sb, t.access, { Method: 'LoginUser' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    const expired = await v2(sb, t.access, { Method: 'LoginUser' });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
    expect(await expired.json()).toEqual({ response: 'false', message: 'Invalid or expired token' });
    const refreshed = await postJson('/auth/refresh', { refresh_token: t.refresh });
    expect(refreshed.status).toBe(200);
  });

  it('expireTokens() ends every access token at once', async () => {
    sb = await startSandbox({ faults: { invalidToken: 'body200' } });
    const t = await v2Token(sb);
    sb.expireTokens();
    const res = await v2(sb, t.access, { Method: 'FetchAllTags' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ response: 'false', message: 'Invalid or expired token' });
  });

  it('POST /__sandbox/tokens/expire does the same over HTTP', async () => {
    sb = await startSandbox({ faults: { invalidToken: 'http401' } });
    const t = await v2Token(sb);
    expect((await fetch(`${sb.baseUrl}/__sandbox/tokens/expire`, { method: 'POST' })).status).toBe(200);
    expect((await v2(sb, t.access, { Method: 'LoginUser' })).status).toBe(401);
  });

  it('reports a bad token as 401 or as HTTP 200 with a false body, alternating by default', async () => {
    sb = await startSandbox();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await v2(sb, 'not-a-token', { Method: 'LoginUser' });
      statuses.push(res.status);
      expect(await res.json()).toEqual({ response: 'false', message: 'Invalid or expired token' });
    }
    expect(statuses).toEqual([401, 200, 401, 200]);
  });

  it('uses the V2 doc\'s shorter "Invalid token" text for AddTag and AddGroup', async () => {
    sb = await startSandbox({ faults: { invalidToken: 'body200' } });
    const res = await v2(sb, 'nope', { Method: 'AddTag', TagTitle: 'x' });
    expect(await res.json()).toEqual({ response: 'false', message: 'Invalid token' });
    expect(sb.counters().applied.AddTag).toBeUndefined();
  });

  it('routes /request by Method, with the print_r answers for missing or unknown Methods', async () => {
    sb = await startSandbox();
    const t = await v2Token(sb);
    const unknown = await v2(sb, t.access, { Method: 'DoesNotExist' });
    expect(unknown.headers.get('content-type')).toContain('text/html');
    expect(await unknown.text()).toContain('Service you are trying to access is not available');
    const missing = await v2(sb, t.access, {});
    expect(await missing.text()).toContain('Sorry you cannot access page');
  });

  it('answers V2 in plain UTF-8 JSON (no PHP escaping)', async () => {
    sb = await startSandbox();
    const t = await v2Token(sb);
    const res = await v2(sb, t.access, { Method: 'FetchAllGroups' });
    const text = await res.text();
    expect(text).toContain('Cold List — Q3');
  });
});
