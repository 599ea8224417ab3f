import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHipcallSandbox, type HipcallSandbox } from '../../../src/sandbox/hipcall/server';
import { NOW } from './helpers';

interface Page {
  data: Array<{ id: number; started_at: string }>;
  links: Record<string, string | null>;
  meta: Record<string, unknown>;
}

/** The simulator speaks the doc's wire: what a client other than ours would see. */
describe('Hipcall simulator wire', () => {
  let sb: HipcallSandbox;
  const get = (path: string, key = sb.credentials.apiKey) =>
    fetch(`${sb.baseUrl}${path}`, { headers: { authorization: `Bearer ${key}`, accept: 'application/json' } });

  beforeAll(async () => {
    sb = await startHipcallSandbox({ seed: 2, now: NOW, rateLimit: { limit: 6, windowMs: 60_000 } });
  });
  afterAll(() => sb.close());

  it('lists calls with the simple paginator and users with the length-aware one, links on the production host', async () => {
    const cdrs = (await (await get('/cdrs')).json()) as Page;
    expect(cdrs.meta).toMatchObject({ current_page: 1, per_page: '10' });
    expect(cdrs.meta.total).toBeUndefined();
    expect(cdrs.links).toMatchObject({ last: null, next: 'https://api.hipcall.com/api/v20211124/cdrs?page=2' });
    expect(cdrs.data[0]?.started_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/);

    const users = (await (await get('/users')).json()) as Page;
    expect(users.meta).toMatchObject({ per_page: 10, total: 14, last_page: 2 });
    const page2 = (await (await get('/users?page=2')).json()) as Page;
    expect(page2.links.next).toBeNull();
    expect(page2.data.map((u) => u.id)).toContain(13);
  });

  it('refuses a wrong token with 401 and counts down x-ratelimit-remaining to a 429 with Retry-After', async () => {
    const denied = await get('/users', 'nope');
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ message: 'Unauthenticated.' });
    let last: Response | null = null;
    for (let i = 0; i < 6; i += 1) last = await get('/users');
    const answer = await get('/users');
    expect(last?.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
