import { afterEach, describe, expect, it } from 'vitest';
import { CALLINGLY_FAULT_KINDS, type CallinglySandbox } from '../../../../src/sandbox';
import { api, startCallingly } from './helpers';

describe('Callingly simulator: fault injection', () => {
  let sb: CallinglySandbox;
  afterEach(() => sb.close());

  const dnd = (id: number) => api(sb, `/agents/${id}`, { method: 'PUT', body: { donotdisturb: 1 } });

  it('answers 429 Too Many Attempts with Retry-After seconds, without applying the write', async () => {
    sb = await startCallingly({ faults: { next: ['http429'], retryAfterSec: 7 } });
    const id = sb.state.data.agents[0]!.id;
    const limited = await dnd(id);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.json).toEqual({ message: 'Too Many Attempts.' });
    expect(sb.state.agentById.get(id)!.donotdisturb).toBe(false);
    expect(sb.counters().applied).toEqual({});
    expect((await dnd(id)).status).toBe(200);
    expect(sb.counters().applied).toEqual({ 'PUT /agents/{id}': 1 });
    expect(sb.counters().requests).toEqual({ 'PUT /agents/{id}': 2 });
    sb.setFaults({ next: ['http429'] });
    expect((await api(sb, '/teams')).headers.get('retry-after')).toBe('2');
  });

  it('5xx with an HTML page and the HTML login page with 200: nothing applied', async () => {
    sb = await startCallingly({ faults: { next: ['http5xx', 'html'], status5xx: 502 } });
    const id = sb.state.data.agents[0]!.id;
    const bad = await dnd(id);
    expect(bad.status).toBe(502);
    expect(bad.headers.get('content-type')).toContain('text/html');
    expect(bad.text).toContain('502 Bad Gateway');
    const html = await dnd(id);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('<title>Login | Callingly</title>');
    expect(sb.counters().applied).toEqual({});
  });

  it('resets before handling (nothing applied); drops and truncates after (the write landed)', async () => {
    sb = await startCallingly({ faults: { next: ['reset', 'drop', 'truncated'] } });
    const [a, b, c] = sb.state.data.agents;
    await expect(dnd(a!.id)).rejects.toThrow();
    expect(sb.state.agentById.get(a!.id)!.donotdisturb).toBe(false);
    await expect(dnd(b!.id)).rejects.toThrow();
    expect(sb.state.agentById.get(b!.id)!.donotdisturb).toBe(true);
    const cut = await dnd(c!.id);
    expect(cut.status).toBe(200);
    expect(cut.text.startsWith('{"id":')).toBe(true);
    expect(() => JSON.parse(cut.text)).toThrow();
    expect(sb.state.agentById.get(c!.id)!.donotdisturb).toBe(true);
    expect(sb.counters().applied).toEqual({ 'PUT /agents/{id}': 2 });
  });

  it('adds latency', async () => {
    sb = await startCallingly({ faults: { latencyMs: 150 } });
    const started = performance.now();
    await api(sb, '/teams');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('limits faults to the routes, patterns or paths listed in `only`', async () => {
    sb = await startCallingly({ faults: { rates: { http429: 1 }, only: ['GET /calls/{id}'] } });
    const call = sb.state.data.calls[0]!.id;
    expect((await api(sb, '/calls')).status).toBe(200);
    expect((await api(sb, `/calls/${call}`)).status).toBe(429);
    sb.setFaults({ rates: { http5xx: 1 }, only: ['/leads'] });
    expect((await api(sb, '/leads')).status).toBe(503);
    expect((await api(sb, `/leads/${sb.state.data.leads[0]!.id}`)).status).toBe(200);
    sb.setFaults({ rates: { http5xx: 1 }, only: [`/calls/${call}`] });
    expect((await api(sb, `/calls/${call}`)).status).toBe(503);
    expect((await api(sb, `/calls/${sb.state.data.calls[1]!.id}`)).status).toBe(200);
  });

  it('draws rate-based faults from the seed: the same seed fails the same requests', async () => {
    const pattern = async (): Promise<number[]> => {
      sb = await startCallingly({ seed: 5, faults: { rates: { http5xx: 0.3, http429: 0.3 } } });
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) statuses.push((await api(sb, '/teams')).status);
      await sb.close();
      return statuses;
    };
    const first = await pattern();
    expect(await pattern()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
    sb = await startCallingly();
  });

  it('is driven from /__sandbox/faults, which like every control endpoint is never faulted', async () => {
    sb = await startCallingly({ faults: { rates: { reset: 1 } } });
    for (const path of ['info', 'counters', 'faults', 'variants']) {
      expect((await fetch(`${sb.controlUrl}/${path}`)).status, path).toBe(200);
    }
    expect((await fetch(`${sb.controlUrl}/counters/reset`, { method: 'POST' })).status).toBe(200);
    const set = await fetch(`${sb.controlUrl}/faults`, {
      method: 'POST',
      body: JSON.stringify({ next: ['http429', 'truncated'], retryAfterSec: 1 }),
    });
    expect(await set.json()).toEqual({ next: ['http429', 'truncated'], retryAfterSec: 1 });
    expect((await api(sb, '/teams')).status).toBe(429);
    const truncated = (await api(sb, '/teams')).text;
    expect(() => JSON.parse(truncated)).toThrow();
    expect((await api(sb, '/teams')).status).toBe(200);
    const bad = await fetch(`${sb.controlUrl}/faults`, { method: 'POST', body: JSON.stringify({ next: ['php'] }) });
    expect(bad.status).toBe(400);
    const info = (await (await fetch(`${sb.controlUrl}/info`)).json()) as Record<string, unknown>;
    expect(info).toMatchObject({ baseUrl: sb.baseUrl, controlUrl: sb.controlUrl, timezone: 'America/Phoenix' });
    const counters = (await (await fetch(`${sb.controlUrl}/counters`)).json()) as { requests: Record<string, number> };
    expect(counters.requests).toEqual({ 'GET /teams': 3 });
    expect([...CALLINGLY_FAULT_KINDS].sort()).toEqual(['drop', 'html', 'http429', 'http5xx', 'reset', 'truncated']);
  });
});
