import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../src/cli/host/browser-host';
import { createTestCore } from '../../helpers/core';
import { fakeRendererDir } from '../../helpers/renderer-dir';

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Raw HTTP, so tests control headers browsers would not let a page set (Host, Origin). */
function send(
  host: BrowserHost,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function openSocket(url: string, origin?: string): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.on('error', () => resolve({ status: -1 }));
  });
}

describe('browser host', () => {
  let host: BrowserHost;
  let token: string;
  beforeAll(async () => {
    host = await startBrowserHost({ core: createTestCore('browser'), rendererDir: fakeRendererDir() });
    token = new URL(host.url).searchParams.get('token') ?? '';
  });
  afterAll(() => host.close());

  it('listens on 127.0.0.1 and prints a URL carrying a fresh token', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    const other = await startBrowserHost({ core: createTestCore(), rendererDir: fakeRendererDir() });
    expect(new URL(other.url).searchParams.get('token')).not.toBe(token);
    await other.close();
  });

  it('serves the app at / and at renderer routes such as /tray, with a strict CSP', async () => {
    for (const path of ['/', '/tray', '/lead/42']) {
      const answer = await send(host, path);
      expect(answer.status, path).toBe(200);
      expect(answer.body).toContain('<div id="root">');
      expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    }
    expect((await send(host, '/assets/app.js')).body).toBe('console.log("app")');
    expect((await send(host, '/lead/assets/app.js')).body).toBe('console.log("app")');
  });

  it('does not serve files outside the renderer folder', async () => {
    const answer = await send(host, '/..%2f..%2f..%2fetc%2fpasswd');
    expect(answer.body).not.toContain('root:');
  });

  it('refuses the bridge without a token (401) and with a wrong one (401)', async () => {
    expect((await send(host, '/bridge/app.info', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await send(host, '/bridge/app.info?token=wrong', { method: 'POST', body: '{}' })).status).toBe(401);
    expect(
      (await send(host, '/bridge/app.info', { method: 'POST', body: '{}', headers: { Authorization: 'Bearer nope' } }))
        .status,
    ).toBe(401);
  });

  it('answers with the token as query parameter or Bearer header', async () => {
    const viaQuery = await send(host, `/bridge/app.info?token=${token}`, { method: 'POST', body: '{}' });
    expect(viaQuery.status).toBe(200);
    expect(JSON.parse(viaQuery.body)).toMatchObject({ ok: true, value: { hostKind: 'browser', name: 'Callside' } });
    const viaHeader = await send(host, '/bridge/account.status', {
      method: 'POST',
      body: '{}',
      headers: { Authorization: `Bearer ${token}`, Origin: host.origin },
    });
    expect(JSON.parse(viaHeader.body)).toEqual({ ok: true, value: { mode: 'demo', account: null } });
  });

  it('refuses a foreign Origin with 403 even with the right token', async () => {
    const answer = await send(host, `/bridge/app.info?token=${token}`, {
      method: 'POST',
      body: '{}',
      headers: { Origin: 'https://evil.example' },
    });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain(token);
  });

  it('refuses a foreign Host header (DNS rebinding) with 403', async () => {
    const answer = await send(host, `/bridge/app.info?token=${token}`, {
      method: 'POST',
      body: '{}',
      headers: { Host: `evil.example:${host.port}` },
    });
    expect(answer.status).toBe(403);
    expect((await send(host, '/', { headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  it('rejects invalid payloads and bodies with 400 and a typed error', async () => {
    const badInput = await send(host, `/bridge/app.info?token=${token}`, { method: 'POST', body: '{"x":1}' });
    expect(badInput.status).toBe(400);
    expect(JSON.parse(badInput.body)).toMatchObject({ ok: false, error: { code: 'bridge_payload' } });
    const notJson = await send(host, `/bridge/app.info?token=${token}`, { method: 'POST', body: '{oops' });
    expect(notJson.status).toBe(400);
    const unknown = await send(host, `/bridge/secrets.dump?token=${token}`, { method: 'POST', body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'bridge_payload' } });
    expect((await send(host, `/bridge/app.info?token=${token}`)).status).toBe(405);
  });

  it('speaks the contract over the WebSocket', async () => {
    const opened = await openSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token}`, host.origin);
    if (!('ws' in opened)) throw new Error(`socket refused: ${opened.status}`);
    const messages: unknown[] = [];
    const received = new Promise<void>((resolve) => {
      opened.ws.on('message', (data) => {
        messages.push(JSON.parse(data.toString()));
        if (messages.length === 2) resolve();
      });
    });
    opened.ws.send(JSON.stringify({ id: 7, channel: 'account.status', input: {} }));
    opened.ws.send(JSON.stringify({ id: 8, channel: 'app.info', input: 'garbage' }));
    await received;
    expect(messages).toContainEqual({
      type: 'result',
      id: 7,
      result: { ok: true, value: { mode: 'demo', account: null } },
    });
    expect(messages).toContainEqual(
      expect.objectContaining({ type: 'result', id: 8, result: expect.objectContaining({ ok: false }) }),
    );
    opened.ws.close();
  });

  it('pushes core events to an open socket', async () => {
    const opened = await openSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token}`, host.origin);
    if (!('ws' in opened)) throw new Error(`socket refused: ${opened.status}`);
    const ws = opened.ws;
    try {
      const events: Array<{ event: string; payload: unknown }> = [];
      const both = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`events seen: ${JSON.stringify(events)}`)), 5_000);
        ws.on('message', (data) => {
          const message = JSON.parse(data.toString()) as { type: string; event: string; payload: unknown };
          if (message.type === 'event') events.push({ event: message.event, payload: message.payload });
          if (events.some((e) => e.event === 'workspace.changed')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      // Another page of the same host signs out over HTTP; the core announces it to every socket.
      const signOut = await send(host, `/bridge/account.signOut?token=${token}`, { method: 'POST', body: '{}' });
      expect(signOut.status).toBe(200);
      await both;
      expect(events).toEqual([
        { event: 'account.changed', payload: { mode: 'demo', account: null } },
        { event: 'workspace.changed', payload: { leadIds: null } },
      ]);
    } finally {
      ws.close();
    }
  });

  it('closes a socket that sends garbage frames', async () => {
    const opened = await openSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token}`);
    if (!('ws' in opened)) throw new Error('socket refused');
    const code = await new Promise<number>((resolve) => {
      opened.ws.on('close', (closeCode) => resolve(closeCode));
      opened.ws.send('not json at all');
    });
    expect(code).toBe(1003);
  });

  it('refuses a wrong token of exactly the right length, over HTTP and the WebSocket (401)', async () => {
    const last = token.at(-1);
    const wrong = `${token.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
    expect(wrong).toHaveLength(token.length);
    expect(wrong).not.toBe(token);
    const viaQuery = await send(host, `/bridge/app.info?token=${wrong}`, { method: 'POST', body: '{}' });
    expect(viaQuery.status).toBe(401);
    expect(viaQuery.body).not.toContain('Callside');
    const viaHeader = await send(host, '/bridge/app.info', {
      method: 'POST',
      body: '{}',
      headers: { Authorization: `Bearer ${wrong}`, Origin: host.origin },
    });
    expect(viaHeader.status).toBe(401);
    const pop = await send(host, `/pop?phone=5551234567&token=${wrong}`, { method: 'POST' });
    expect(pop.status).toBe(401);
    expect(await openSocket(`ws://127.0.0.1:${host.port}/bridge?token=${wrong}`, host.origin)).toEqual({
      status: 401,
    });
  });

  it('refuses Origin: null (a sandboxed iframe, a file:// page) with 403 even with the right token', async () => {
    const bridge = await send(host, `/bridge/app.info?token=${token}`, {
      method: 'POST',
      body: '{}',
      headers: { Origin: 'null' },
    });
    expect(bridge.status).toBe(403);
    expect(bridge.body).not.toContain('Callside');
    const pop = await send(host, `/pop?phone=5551234567&token=${token}`, {
      method: 'POST',
      headers: { Origin: 'null' },
    });
    expect(pop.status).toBe(403);
    expect(await openSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token}`, 'null')).toEqual({ status: 403 });
    // The same requests from the host's own Origin get through, so the 403s above are the Origin's doing.
    const own = await send(host, `/bridge/app.info?token=${token}`, {
      method: 'POST',
      body: '{}',
      headers: { Origin: host.origin },
    });
    expect(own.status).toBe(200);
    const ownSocket = await openSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token}`, host.origin);
    expect('ws' in ownSocket).toBe(true);
    if ('ws' in ownSocket) ownSocket.ws.close();
  });

  it('refuses WebSocket upgrades without token (401) and from a foreign Origin (403)', async () => {
    expect(await openSocket(`ws://127.0.0.1:${host.port}/bridge`)).toEqual({ status: 401 });
    expect(await openSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token}`, 'https://evil.example')).toEqual({
      status: 403,
    });
  });
});
