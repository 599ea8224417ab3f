import { afterEach, describe, expect, it } from 'vitest';
import type { HotProspectorSandbox } from '../../../src/sandbox';
import { startSandbox, v2Token } from './helpers';

describe('fault injection', () => {
  let sb: HotProspectorSandbox;
  afterEach(() => sb.close());

  const call = (body: Record<string, unknown>) =>
    fetch(sb.v1Url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_uId: sb.credentials.uid, api_key: sb.credentials.apiKey, ...body }),
    });
  const addTag = (title: string) => call({ Method: 'AddTag', TagTitle: title });

  it('fails exactly the next N requests with a 5xx and an HTML page, without applying the write', async () => {
    sb = await startSandbox({ faults: { next: ['http5xx', 'http5xx'], status5xx: 502 } });
    for (let i = 0; i < 2; i++) {
      const res = await addTag('x');
      expect(res.status).toBe(502);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('502 Bad Gateway');
    }
    const third = await addTag('x');
    expect(third.status).toBe(200);
    expect(((await third.json()) as { response: string }).response).toBe('true');
    expect(sb.counters().applied).toEqual({ AddTag: 1 });
    expect(sb.counters().requests).toEqual({ AddTag: 3 });
  });

  it('drops the connection mid-response after applying the write', async () => {
    sb = await startSandbox({ faults: { next: ['drop'] } });
    await expect((await addTag('dropped')).text()).rejects.toThrow();
    expect(sb.counters().applied).toEqual({ AddTag: 1 });
    expect(sb.state.data.tags.some((t) => t.title === 'dropped')).toBe(true);
  });

  it('resets the connection before handling: nothing applied', async () => {
    sb = await startSandbox({ faults: { next: ['reset'] } });
    await expect(addTag('reset')).rejects.toThrow();
    expect(sb.counters().applied).toEqual({});
    expect(sb.counters().requests).toEqual({ AddTag: 1 });
  });

  it('truncates the JSON body (write applied, body unparseable)', async () => {
    sb = await startSandbox({ faults: { next: ['truncated'] } });
    const res = await call({ Method: 'FetchAllGroups' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith('{"response":"true"')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('answers an HTML error page with HTTP 200 in place of JSON', async () => {
    sb = await startSandbox({ faults: { next: ['html'] } });
    const res = await addTag('never');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('A Database Error Occurred');
    expect(sb.counters().applied).toEqual({});
  });

  it('prints a PHP warning before the JSON (the write did apply)', async () => {
    sb = await startSandbox({ faults: { next: ['php'] } });
    const res = await addTag('warned');
    const text = await res.text();
    expect(text).toMatch(/^<br \/>\n<b>Warning<\/b>:/);
    expect(text).toContain('{"response":"true","Added TagId":');
    expect(sb.counters().applied).toEqual({ AddTag: 1 });
  });

  it('adds latency', async () => {
    sb = await startSandbox({ faults: { latencyMs: 150 } });
    const started = performance.now();
    await call({ Method: 'LoginUser' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('draws rate-based faults from the seed: the same seed fails the same requests', async () => {
    const pattern = async (): Promise<number[]> => {
      sb = await startSandbox({ seed: 5, faults: { rates: { http5xx: 0.5 } } });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await call({ Method: 'LoginUser' })).status);
      await sb.close();
      return statuses;
    };
    const first = await pattern();
    const second = await pattern();
    expect(first).toEqual(second);
    expect(first).toContain(503);
    expect(first).toContain(200);
    sb = await startSandbox();
  });

  it('limits faults to the Methods listed in `only`', async () => {
    sb = await startSandbox({ faults: { next: ['http5xx'], only: ['AddTag'] } });
    expect((await call({ Method: 'LoginUser' })).status).toBe(200);
    expect((await addTag('x')).status).toBe(503);
    expect((await addTag('x')).status).toBe(200);
  });

  it('changes faults at runtime through setFaults() and POST /__sandbox/faults', async () => {
    sb = await startSandbox();
    sb.setFaults({ next: ['http5xx'] });
    expect(sb.faults().next).toEqual(['http5xx']);
    expect((await call({ Method: 'LoginUser' })).status).toBe(503);
    expect(sb.faults().next).toEqual([]);

    const set = await fetch(`${sb.baseUrl}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ next: ['html', 'http5xx'], status5xx: 500 }),
    });
    expect(await set.json()).toMatchObject({ next: ['html', 'http5xx'], status5xx: 500 });
    expect(await (await call({ Method: 'LoginUser' })).text()).toContain('Database Error');
    expect((await call({ Method: 'LoginUser' })).status).toBe(500);
    expect((await call({ Method: 'LoginUser' })).status).toBe(200);

    const bad = await fetch(`${sb.baseUrl}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ next: ['explode'] }),
    });
    expect(bad.status).toBe(400);
    const cleared = await fetch(`${sb.baseUrl}/__sandbox/faults`, { method: 'POST', body: '{}' });
    expect(await cleared.json()).toEqual({ next: [] });
  });

  it('applies to V2 auth endpoints by name and changes token lifetime at runtime; /__sandbox never faults', async () => {
    sb = await startSandbox({ faults: { rates: { http5xx: 1 }, only: ['auth/refresh'], tokenTtlSec: 1 } });
    expect((await fetch(`${sb.baseUrl}/__sandbox/counters`)).status).toBe(200);
    const first = await v2Token(sb);
    expect(first.expiresIn).toBe(1);
    const refresh = () =>
      fetch(`${sb.v2BaseUrl}/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refresh_token: first.refresh }),
      });
    expect((await refresh()).status).toBe(503);
    sb.setFaults({ tokenTtlSec: 2 });
    expect((await v2Token(sb)).expiresIn).toBe(2);
    expect((await refresh()).status).toBe(200);
    expect(sb.counters().requests['auth/refresh']).toBe(2);
  });
});
