import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost } from '../../../src/cli/host/browser-host';
import type { PopResult } from '../../../src/shared/contract/tray-schemas';
import type { Lead } from '../../../src/shared/domain';
import { fakeRendererDir } from '../../helpers/renderer-dir';
import { cacheAllLeads, call, callError, eventsNamed, trayWorld } from './helpers';

/**
 * Screen pop: a number in any spelling → the lead card from the cache, pushed as a `pop` event
 * to every window; and the browser host's authenticated `POST /pop?phone=` for softphones.
 */

const E164 = /^\+1(\d{3})(\d{3})(\d{4})$/;

function callableLead(leads: Lead[]): Lead & { phone: string } {
  const lead = leads.find((l) => E164.test(l.phone));
  if (!lead) throw new Error('the sandbox has no lead with a NANP phone');
  return lead as Lead & { phone: string };
}

function post(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('screen pop (core, real cache; browser host over HTTP)', () => {
  it('finds the caller in whatever spelling the softphone hands over and pushes the card', async () => {
    const world = await trayWorld();
    const lead = callableLead(await cacheAllLeads(world.core));
    const [, area, exchange, line] = lead.phone.match(E164) ?? [];
    for (const spelled of [
      `+1 (${area}) ${exchange}-${line}`,
      `${area}.${exchange}.${line}`,
      `1${area}${exchange}${line}`,
    ]) {
      const pop = await call(world.core, 'screen.pop', { phone: spelled });
      expect(pop, spelled).toMatchObject({ phone: spelled, e164: lead.phone, lead: { id: lead.id } });
    }
    const pushed = eventsNamed(world, 'pop') as PopResult[];
    expect(pushed).toHaveLength(3);
    expect(pushed[2]?.lead?.id).toBe(lead.id);
    expect(await call(world.core, 'screen.lastPop', {})).toEqual(pushed[2]);
  });

  it('pops "unknown number" with the number, so the agent can create a lead', async () => {
    const world = await trayWorld();
    await cacheAllLeads(world.core);
    const pop = await call(world.core, 'screen.pop', { phone: '(555) 010-9999' });
    expect(pop).toMatchObject({ lead: null, e164: '+15550109999', recent: [] });
    expect(eventsNamed(world, 'pop')).toEqual([pop]);
    await call(world.core, 'lead.reveal', { newLeadPhone: pop.e164 ?? '' });
    expect(eventsNamed(world, 'lead.show')).toEqual([{ leadId: null, newLeadPhone: '+15550109999' }]);
  });

  it('refuses text that cannot be a phone number before any lookup', async () => {
    const world = await trayWorld();
    expect((await callError(world.core, 'screen.pop', { phone: "1' OR 1=1 --" })).code).toBe('bridge_payload');
    expect((await callError(world.core, 'screen.pop', { phone: '' })).code).toBe('bridge_payload');
    expect(eventsNamed(world, 'pop')).toEqual([]);
  });

  it('serves POST /pop with the token and the same Origin rules as the bridge, and pushes to open pages', async () => {
    const world = await trayWorld();
    const lead = callableLead(await cacheAllLeads(world.core));
    const host = await startBrowserHost({ core: world.core, rendererDir: fakeRendererDir() });
    try {
      const token = new URL(host.url).searchParams.get('token') ?? '';
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token}`, { origin: host.origin });
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
      const pushed = new Promise<unknown>((resolve) => {
        ws.on('message', (data) => {
          const message = JSON.parse(data.toString()) as { type: string; event?: string; payload?: unknown };
          if (message.type === 'event' && message.event === 'pop') resolve(message.payload);
        });
      });

      const phone = encodeURIComponent(lead.phone);
      expect((await post(host.port, `/pop?phone=${phone}`)).status).toBe(401);
      expect((await post(host.port, `/pop?phone=${phone}&token=wrong`)).status).toBe(401);
      expect(
        (await post(host.port, `/pop?phone=${phone}&token=${token}`, { Origin: 'https://evil.example' })).status,
      ).toBe(403);
      expect((await post(host.port, `/pop?phone=drop%20table&token=${token}`)).status).toBe(400);

      const answer = await post(host.port, `/pop?phone=${phone}`, { Authorization: `Bearer ${token}` });
      expect(answer.status).toBe(200);
      const result = JSON.parse(answer.body) as { ok: true; value: PopResult };
      expect(result).toMatchObject({ ok: true, value: { lead: { id: lead.id } } });
      expect(await pushed).toEqual(result.value);
      ws.close();
    } finally {
      await host.close();
    }
  });
});
