import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCallhubSandbox, type CallhubSandbox } from '../../../src/sandbox/callhub';

/** The simulator itself, on the wire: what a CallHub (DRF) server does with a client's small mistakes. */
const KEY = 'ch-sandbox-secret-key-0a1b2c3d4e5f';

describe('CallHub simulator', () => {
  let sb: CallhubSandbox;
  beforeAll(async () => {
    sb = await startCallhubSandbox({ contacts: 20, now: new Date('2026-06-23T19:00:00Z'), apiKey: KEY });
  });
  afterAll(() => sb.close());

  const call = (path: string, init: RequestInit = {}, auth = `Token ${KEY}`) =>
    fetch(`${sb.baseUrl}${path}`, {
      redirect: 'manual',
      ...init,
      headers: { authorization: auth, 'content-type': 'application/json', ...init.headers },
    });

  it('refuses Bearer and a wrong Token with DRF 401s', async () => {
    const bearer = await call('/users/', {}, `Bearer ${KEY}`);
    expect(bearer.status).toBe(401);
    expect(await bearer.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
    const wrong = await call('/users/', {}, 'Token nope');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ detail: 'Invalid token.' });
    expect((await call('/users/')).status).toBe(200);
  });

  it('redirects a GET without its trailing slash and fails a POST without it', async () => {
    const get = await call('/contacts');
    expect(get.status).toBe(301);
    expect(get.headers.get('location')).toBe('/v1/contacts/');
    const post = await call(`/contact-notes/${sb.fixtures.french}`, { method: 'POST', body: '{"notes":"x"}' });
    expect(post.status).toBe(404);
    expect(sb.state.notes).toHaveLength(0);
  });

  it('throttles bulk_create to one call a minute with Retry-After', async () => {
    expect((await call('/contacts/bulk_create/', { method: 'POST', body: '{}' })).status).toBe(202);
    const again = await call('/contacts/bulk_create/', { method: 'POST', body: '{}' });
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('60');
  });

  it('lists contacts with no id field, only a url', async () => {
    const body = (await (await call('/contacts/?page_size=5')).json()) as { count: number; results: object[] };
    expect(body.count).toBe(20);
    expect(body.results).toHaveLength(5);
    for (const row of body.results) expect(Object.keys(row)).not.toContain('id');
  });
});
