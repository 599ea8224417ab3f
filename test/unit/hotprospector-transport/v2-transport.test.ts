import { afterEach, describe, expect, it } from 'vitest';
import { CallsideError } from '../../../src/shared/errors';
import {
  createV2Transport,
  type HpV2Tokens,
  type HpV2TransportOptions,
} from '../../../src/core/providers/hotprospector/transport';
import { type FakeServer, rejectionOf, startServer } from './fake-server';
import { FakeV2, KEY, type RejectionStyle, UID } from './fake-v2';

const TOKEN = '/glu/api/v2/auth/token';
const REFRESH = '/glu/api/v2/auth/refresh';
const REVOKE = '/glu/api/v2/auth/revoke';
const REQUEST = '/glu/api/v2/request';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(fake: FakeV2, options: Partial<HpV2TransportOptions> = {}) {
  server = await startServer(fake.handler);
  const published: Array<HpV2Tokens | null> = [];
  const transport = createV2Transport({
    baseUrl: `${server.url}/glu/api/v2`,
    uid: UID,
    apiKey: KEY,
    onTokens: (tokens) => void published.push(tokens),
    ...options,
  });
  return { transport, published, server };
}

const read = { write: false } as const;

describe('V2 session', () => {
  it('exchanges api_uId + api_key once, then sends Bearer requests without credentials in the body', async () => {
    const fake = new FakeV2();
    const { transport, published, server } = await setup(fake);

    await expect(transport.call('FetchAllTags', {}, read)).resolves.toEqual({
      response: 'true',
      method: 'FetchAllTags',
    });
    await transport.call('AddTag', { TagTitle: 'Hot' }, { write: true });

    expect(transport.api).toBe('v2');
    expect(server.count(TOKEN)).toBe(1);
    expect(server.requests[0]?.json).toEqual({ api_uId: UID, api_key: KEY });
    const calls = server.requests.filter((r) => r.path === REQUEST);
    expect(calls).toHaveLength(2);
    const [access] = [...fake.access];
    for (const call of calls) {
      expect(call.headers['authorization']).toBe(`Bearer ${access}`);
      expect(call.json).not.toHaveProperty('api_key');
      expect(call.json).not.toHaveProperty('api_uId');
    }
    expect(calls[1]?.json).toEqual({ Method: 'AddTag', TagTitle: 'Hot' });
    expect(published).toHaveLength(1);
    expect(published[0]?.accessToken).toBe(access);
    expect(published[0]?.refreshToken).toMatch(/^refresh-1-/);
    expect(server.requests.every((r) => !r.path.includes('access-') && !r.path.includes(KEY))).toBe(true);
  });

  it('shares one exchange among concurrent first calls', async () => {
    const fake = new FakeV2('401', 10);
    const { transport, server } = await setup(fake);
    await Promise.all(Array.from({ length: 10 }, () => transport.call('FetchAllTags', {}, read)));
    expect(server.count(TOKEN)).toBe(1);
    expect(server.count(REQUEST)).toBe(10);
  });

  it('uses a restored session without signing in', async () => {
    const fake = new FakeV2();
    fake.access.add('restored-access-token-123456');
    const tokens: HpV2Tokens = {
      accessToken: 'restored-access-token-123456',
      refreshToken: 'restored-refresh-token-123456',
      expiresAt: Date.now() + 3_600_000,
      obtainedAt: Date.now(),
    };
    const { transport, server } = await setup(fake, { tokens });
    await transport.call('FetchAllTags', {}, read);
    expect(server.count(TOKEN)).toBe(0);
    expect(server.requests[0]?.headers['authorization']).toBe('Bearer restored-access-token-123456');
  });

  it('rejects a wrong api key with auth', async () => {
    const fake = new FakeV2();
    fake.credentialsValid = false;
    const { transport } = await setup(fake);
    const error = (await rejectionOf(transport.call('FetchAllTags', {}, read))) as CallsideError;
    expect(error).toBeInstanceOf(CallsideError);
    expect(error.code).toBe('auth');
    expect(error.message).not.toContain(KEY);
  });
});

describe.each<RejectionStyle>(['401', '200-message', '200-array'])('token refused with %s', (style) => {
  it('20 concurrent calls across an expiry cost exactly one refresh', async () => {
    const fake = new FakeV2(style, 15);
    fake.onRequest = (index) => {
      if (index === 6) fake.expireAccess();
    };
    const { transport, published, server } = await setup(fake);

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => transport.call('FetchAllTags', { i }, { write: i % 2 === 0 })),
    );

    expect(results).toHaveLength(20);
    expect(fake.rejections).toBeGreaterThan(1); // several callers saw the expired token…
    expect(server.count(REFRESH)).toBe(1); // …and shared one refresh
    expect(server.count(TOKEN)).toBe(1);
    expect(server.maxInFlight(REQUEST)).toBeLessThanOrEqual(4);
    expect(published.map((t) => t?.accessToken)).toEqual([
      expect.stringMatching(/^access-1-/),
      expect.stringMatching(/^access-2-/),
    ]);
  });

  it('a refused refresh leads to exactly one fresh exchange for 20 concurrent calls', async () => {
    const fake = new FakeV2(style, 10);
    const stale: HpV2Tokens = {
      accessToken: 'stale-access-token-000000',
      refreshToken: 'stale-refresh-token-000000',
      expiresAt: Date.now() + 3_600_000,
      obtainedAt: Date.now() - 60_000,
    };
    const { transport, published, server } = await setup(fake, { tokens: stale });

    await Promise.all(Array.from({ length: 20 }, () => transport.call('FetchAllTags', {}, read)));

    expect(server.count(REFRESH)).toBe(1);
    expect(server.requests.find((r) => r.path === REFRESH)?.json).toEqual({ refresh_token: stale.refreshToken });
    expect(server.count(TOKEN)).toBe(1);
    expect(published).toHaveLength(1);
    expect(published[0]?.accessToken).toMatch(/^access-1-/);
  });
});

describe('V2 failure paths', () => {
  it('refused refresh and refused credentials → auth for every caller, one attempt each, session dropped', async () => {
    const fake = new FakeV2('401', 10);
    fake.credentialsValid = false;
    const stale: HpV2Tokens = {
      accessToken: 'stale-access-token-000000',
      refreshToken: 'stale-refresh-token-000000',
      expiresAt: Date.now() + 3_600_000,
      obtainedAt: Date.now(),
    };
    const { transport, published, server } = await setup(fake, { tokens: stale });

    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => transport.call('FetchAllTags', {}, read)),
    );

    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      const error = (outcome as PromiseRejectedResult).reason as CallsideError;
      expect(error.code).toBe('auth');
      expect(error.message).not.toContain(KEY);
      expect(error.message).not.toContain(stale.accessToken);
    }
    expect(server.count(REFRESH)).toBe(1);
    expect(server.count(TOKEN)).toBe(1);
    expect(published).toEqual([null]);

    // A known-bad key is not tried again (that could lock the account) until signOut resets.
    const before = server.requests.length;
    expect(((await rejectionOf(transport.call('FetchAllTags', {}, read))) as CallsideError).code).toBe('auth');
    expect(server.requests.length).toBe(before);
    fake.credentialsValid = true;
    await transport.signOut();
    await expect(transport.call('FetchAllTags', {}, read)).resolves.toEqual({
      response: 'true',
      method: 'FetchAllTags',
    });
    expect(server.count(TOKEN)).toBe(2);
  });

  it('a token refused again right after renewal → auth, without a second renewal', async () => {
    const fake = new FakeV2('200-message');
    fake.onRequest = () => fake.expireAccess(); // every token dies on arrival
    const { transport, server } = await setup(fake);
    const error = (await rejectionOf(transport.call('FetchAllTags', {}, read))) as CallsideError;
    expect(error.code).toBe('auth');
    expect(server.count(REQUEST)).toBe(2);
    expect(server.count(TOKEN)).toBe(1);
    expect(server.count(REFRESH)).toBe(1);
  });

  it('refreshes ahead of expiry, so the server never sees a stale token', async () => {
    const fake = new FakeV2('401', 0, 3600);
    let clock = 1_000_000;
    const { transport, server } = await setup(fake, { now: () => clock });

    await transport.call('FetchAllTags', {}, read);
    clock += 3_600_000 - 6 * 60_000; // 6 min left: outside the 5 min margin
    await transport.call('FetchAllTags', {}, read);
    expect(server.count(REFRESH)).toBe(0);

    clock += 2 * 60_000; // 4 min left: inside the margin
    await transport.call('FetchAllTags', {}, read);
    expect(server.count(REFRESH)).toBe(1);
    expect(fake.rejections).toBe(0);
    const last = server.requests.filter((r) => r.path === REQUEST).at(-1);
    expect(last?.headers['authorization']).toMatch(/^Bearer access-2-/);
  });

  it('keeps using a still-valid token when an early refresh hits a network failure', async () => {
    const fake = new FakeV2('401', 0, 3600);
    let clock = 0;
    server = await startServer((request, index) => (request.path === REFRESH ? 'drop' : fake.handler(request, index)));
    const transport = createV2Transport({
      baseUrl: `${server.url}/glu/api/v2`,
      uid: UID,
      apiKey: KEY,
      now: () => clock,
    });
    await transport.call('FetchAllTags', {}, read);
    clock += 3_600_000 - 60_000;
    await expect(transport.call('FetchAllTags', {}, read)).resolves.toEqual({
      response: 'true',
      method: 'FetchAllTags',
    });
    expect(server.count(REFRESH)).toBe(1);
  });

  it('a write that failed while signing in is known not to have been sent', async () => {
    server = await startServer(() => 'drop');
    const transport = createV2Transport({ baseUrl: `${server.url}/glu/api/v2`, uid: UID, apiKey: KEY });
    const error = (await rejectionOf(transport.call('AddTag', { TagTitle: 'x' }, { write: true }))) as CallsideError;
    expect(error.code).toBe('network');
    expect(error.message).not.toContain('may or may not');
    expect(server.count(TOKEN)).toBe(1);
    expect(server.count(REQUEST)).toBe(0);
  });

  it('signOut revokes with the Bearer token, forgets the session, and the next call signs in again', async () => {
    const fake = new FakeV2();
    const { transport, published, server } = await setup(fake);
    await transport.call('FetchAllTags', {}, read);
    const [access] = [...fake.access];

    await transport.signOut();

    const revoke = server.requests.find((r) => r.path === REVOKE);
    expect(revoke?.headers['authorization']).toBe(`Bearer ${access}`);
    expect(revoke?.text).toBe('');
    expect(fake.access.size).toBe(0);
    expect(published.at(-1)).toBeNull();

    await transport.call('FetchAllTags', {}, read);
    expect(server.count(TOKEN)).toBe(2);
    expect(server.count(REVOKE)).toBe(1);
  });

  it('signOut without a session sends nothing, and a failing revoke does not throw', async () => {
    const fake = new FakeV2();
    const { transport, server } = await setup(fake);
    await transport.signOut();
    expect(server.requests).toHaveLength(0);

    await transport.call('FetchAllTags', {}, read);
    fake.expireAccess(); // the server will refuse the revoke
    await expect(transport.signOut()).resolves.toBeUndefined();
    expect(server.count(REVOKE)).toBe(1);
  });

  it('cancels a caller waiting on a shared refresh without cancelling it for the others', async () => {
    const fake = new FakeV2('401');
    server = await startServer(async (request, index) => {
      if (request.path === TOKEN) await new Promise((resolve) => setTimeout(resolve, 100));
      return fake.handler(request, index);
    });
    const transport = createV2Transport({ baseUrl: `${server.url}/glu/api/v2`, uid: UID, apiKey: KEY });
    const controller = new AbortController();
    const cancelled = transport.call('FetchAllTags', {}, { write: false, signal: controller.signal });
    const patient = transport.call('FetchAllGroups', {}, read);
    setTimeout(() => controller.abort(), 20);
    expect(((await rejectionOf(cancelled)) as CallsideError).code).toBe('cancelled');
    await expect(patient).resolves.toEqual({ response: 'true', method: 'FetchAllGroups' });
    expect(server.count(TOKEN)).toBe(1);
  });
});
