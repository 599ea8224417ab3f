import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A purpose-built HTTP server for transport behaviour: it records what arrives, counts
 * concurrency per path, and answers whatever each test scripts (including broken answers).
 */
export interface Recorded {
  path: string;
  headers: IncomingHttpHeaders;
  text: string;
  json: Record<string, unknown>;
}

export type Answer = {
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
  body?: string;
  json?: unknown;
  delayMs?: number;
};

export type Reply = Answer | 'drop' | 'hang';

export type Handler = (request: Recorded, index: number) => Reply | Promise<Reply>;

export interface FakeServer {
  url: string;
  requests: Recorded[];
  count(path: string): number;
  maxInFlight(path: string): number;
  close(): Promise<void>;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function respond(res: ServerResponse, reply: Answer): void {
  const body = reply.body ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  res.writeHead(reply.status ?? 200, {
    'content-type': reply.contentType ?? 'application/json',
    'content-length': Buffer.byteLength(body),
    ...reply.headers,
  });
  res.end(body);
}

export async function startServer(handler: Handler): Promise<FakeServer> {
  const requests: Recorded[] = [];
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: Recorded = { path, headers: req.headers, text, json: parse(text) };
      const index = requests.push(recorded) - 1;
      const now = (inFlight.get(path) ?? 0) + 1;
      inFlight.set(path, now);
      peak.set(path, Math.max(peak.get(path) ?? 0, now));
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        inFlight.set(path, (inFlight.get(path) ?? 1) - 1);
      };
      res.on('close', finish);
      void (async () => {
        const reply = await handler(recorded, index);
        if (reply === 'hang') return;
        if (reply === 'drop') {
          req.socket.destroy();
          return;
        }
        if (reply.delayMs) await wait(reply.delayMs);
        if (!res.destroyed) respond(res, reply);
      })();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    count: (path) => requests.filter((r) => r.path === path).length,
    maxInFlight: (path) => peak.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs `fn` expecting a rejection and returns it, failing the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
