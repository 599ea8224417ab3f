import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { wsRequestSchema, type BridgeResult, type WsMessage } from '../../shared/contract/envelope';
import { CallsideError } from '../../shared/errors';
import type { Core } from '../../core/core';
import { createAccessGate, createAccessToken, type GateVerdict } from './access-gate';
import { SECURITY_HEADERS, serveRendererFile } from './static-files';

export interface BrowserHostOptions {
  core: Core;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface BrowserHost {
  readonly port: number;
  readonly origin: string;
  /** The URL to open, token included. Printed once; never logged elsewhere. */
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const BRIDGE_PATH = '/bridge';
/**
 * Screen pop from a softphone: `POST /pop?phone=…` with the token (query or Bearer), under the
 * same Origin and Host rules as the bridge. It runs the `screen.pop` channel, which pushes the
 * `pop` event to every open page; the answer is that channel's result envelope.
 */
const POP_PATH = '/pop';

/**
 * `callside serve`: the renderer in an ordinary browser, talking to the same core as the
 * desktop app. Loopback only, a fresh token per run, and the Origin of every bridge request
 * checked, because any web page the user visits can try to reach 127.0.0.1.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new CallsideError(
      'not_configured',
      `The renderer is not built (no ${join(options.rendererDir, 'index.html')}): run \`npm run build\` first.`,
    );
  }
  const token = createAccessToken();
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  await listen(server, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const gate = createAccessGate(token, port);
  const origin = `http://127.0.0.1:${port}`;

  server.on('request', (request, response) => {
    handleHttp(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, { error: { code: 'internal', message: 'Request failed.' } });
      else response.destroy();
    });
  });

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === BRIDGE_PATH || url.pathname.startsWith(`${BRIDGE_PATH}/`)) {
      const verdict = gate.checkBridge(request, url);
      if (!verdict.allowed) return refuse(response, verdict);
      if (request.method !== 'POST') {
        return sendJson(response, 405, failure('bridge_payload', 'Use POST /bridge/<channel> or a WebSocket.'));
      }
      const channel = decodeURIComponent(url.pathname.slice(BRIDGE_PATH.length + 1));
      const body = await readJsonBody(request);
      if (!body.ok) return sendJson(response, 400, failure('bridge_payload', body.message));
      const result = await options.core.dispatch(channel, body.value);
      const status = !result.ok && result.error.code === 'bridge_payload' ? 400 : 200;
      return sendJson(response, status, result);
    }
    if (url.pathname === POP_PATH) {
      const verdict = gate.checkBridge(request, url);
      if (!verdict.allowed) return refuse(response, verdict);
      if (request.method !== 'POST') {
        return sendJson(response, 405, failure('bridge_payload', 'Use POST /pop?phone=NUMBER.'));
      }
      const result = await options.core.dispatch('screen.pop', { phone: url.searchParams.get('phone') ?? '' });
      const status = !result.ok && result.error.code === 'bridge_payload' ? 400 : 200;
      return sendJson(response, status, result);
    }
    const verdict = gate.checkPage(request);
    if (!verdict.allowed) return refuse(response, verdict);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(response, 405, failure('bridge_payload', 'Method not allowed.'));
    }
    serveRendererFile(options.rendererDir, url.pathname, response);
  }

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin);
    const verdict: GateVerdict =
      url.pathname === BRIDGE_PATH
        ? gate.checkBridge(request, url)
        : { allowed: false, status: 403, reason: 'No WebSocket here.' };
    if (!verdict.allowed) {
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attachSocket(ws));
  });

  function attachSocket(ws: WebSocket): void {
    const unsubscribe = options.core.events.subscribe((event, payload) => {
      send(ws, { type: 'event', event, payload });
    });
    ws.on('close', unsubscribe);
    ws.on('message', (data) => {
      let request;
      try {
        request = wsRequestSchema.safeParse(JSON.parse(data.toString()));
      } catch {
        request = null;
      }
      // Without a readable id there is nobody to answer; the socket is closed as misbehaving.
      if (!request?.success) return ws.close(1003, 'Malformed bridge message');
      const { id, channel, input } = request.data;
      void options.core.dispatch(channel, input).then((result) => send(ws, { type: 'result', id, result }));
    });
  }

  return {
    port,
    origin,
    url: `${origin}/?token=${token}`,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function send(ws: WebSocket, message: WsMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function failure(code: 'bridge_payload' | 'unauthorized', message: string): BridgeResult {
  return { ok: false, error: { code, message } };
}

function refuse(response: ServerResponse, verdict: Extract<GateVerdict, { allowed: false }>): void {
  sendJson(response, verdict.status, failure('unauthorized', verdict.reason));
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

async function readJsonBody(
  request: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false, message: 'Request body too large.' };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: 'Request body is not JSON.' };
  }
}
