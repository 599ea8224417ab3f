import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counters, type CounterSnapshot } from '../counters';
import { BodyTooLargeError, jsonReply, readBody, send, type HttpReply } from '../http';
import {
  BEFORE_HANDLING,
  failBeforeHandling,
  HipcallFaultInjector,
  sendCorrupted,
  tooManyAttempts,
  type HipcallFaultSettings,
} from './faults';
import { generateHipcallDataset, hipcallTime, type HcDataset } from './seed';
import { cdrJson, lengthAwarePage, signature, simplePage, userJson } from './wire';

/**
 * The Hipcall simulator as a real HTTP server on loopback: the REST API under
 * /api/v20211124 (the base a client is given), signed recording links under /recordings and
 * /voicemails, and a control surface under /__sandbox. Its paginators print links on the
 * production host by default, as the doc does, so a client that followed them blindly would
 * carry the token elsewhere.
 */
export const HIPCALL_API_PREFIX = '/api/v20211124';
/** Not a secret: a local simulator's key, printed for anyone to use. */
export const HIPCALL_DEMO_API_KEY = 'demo-key-hipcall-sandbox';

export interface HipcallSandboxOptions {
  seed?: number;
  /** Call records (default 320). */
  calls?: number;
  port?: number;
  /** Pins the clock: the data's "today" and signed-link expiry use it. */
  now?: Date;
  /** The zone the seeded business days are in (default America/New_York). */
  timezone?: string;
  apiKey?: string;
  faults?: HipcallFaultSettings;
  /** Host the paginators print in `links` (default the production host); null: the simulator's own. */
  linkOrigin?: string | null;
  /** Requests allowed per window (default 30) and the window (default 60 s). */
  rateLimit?: { limit: number; windowMs: number };
}

export interface HipcallComment {
  id: number;
  commentable_type: string;
  commentable_id: number;
  content: string;
}

export interface HipcallTask {
  id: number;
  body: Record<string, unknown>;
}

export interface HipcallSandbox {
  baseUrl: string;
  origin: string;
  controlUrl: string;
  credentials: { apiKey: string };
  timezone: string;
  data: HcDataset;
  comments: HipcallComment[];
  tasks: HipcallTask[];
  faults: HipcallFaultInjector;
  counters(): CounterSnapshot;
  resetCounters(): void;
  /** The simulator's clock; `setNow` moves a pinned one (expiring links). */
  now(): Date;
  setNow(date: Date): void;
  close(): Promise<void>;
}

export async function startHipcallSandbox(options: HipcallSandboxOptions = {}): Promise<HipcallSandbox> {
  const seed = options.seed ?? 11;
  const timezone = options.timezone ?? 'America/New_York';
  let pinned = options.now ?? null;
  const now = () => pinned ?? new Date();
  const data = generateHipcallDataset({
    seed,
    now: now(),
    timezone,
    ...(options.calls ? { calls: options.calls } : {}),
  });
  const apiKey = options.apiKey ?? HIPCALL_DEMO_API_KEY;
  const faults = new HipcallFaultInjector(seed, options.faults ?? {});
  const counters = new Counters();
  const comments: HipcallComment[] = [];
  const tasks: HipcallTask[] = [];
  const rate = options.rateLimit ?? { limit: 30, windowMs: 60_000 };
  // The rate window runs on real time even with a pinned clock, or a pinned window would never reopen.
  let window = { start: Date.now(), used: 0 };
  let origin = '';
  const linkOrigin = () =>
    options.linkOrigin === undefined ? 'https://api.hipcall.com' : (options.linkOrigin ?? origin);

  function route(method: string, path: string): string | null {
    const p = path.slice(HIPCALL_API_PREFIX.length);
    if (method === 'GET' && p === '/users') return 'GET /users';
    if (method === 'GET' && p === '/cdrs') return 'GET /cdrs';
    if (method === 'GET' && /^\/cdrs\/\d{4}\/\d{2}\/\d{2}\/[^/]+$/.test(p)) return 'GET /cdrs/{Y}/{M}/{D}/{uuid}';
    if (method === 'POST' && p === '/comments') return 'POST /comments';
    if (method === 'POST' && p === '/tasks') return 'POST /tasks';
    return null;
  }

  function pageParams(url: URL, max: number, fallback: number) {
    const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
    const asked = Number.parseInt(url.searchParams.get('per_page') ?? '', 10);
    const perPage = Number.isFinite(asked) && asked > 0 ? Math.min(asked, max) : fallback;
    return { page, perPage };
  }

  async function handle(name: string, req: IncomingMessage, url: URL): Promise<HttpReply> {
    const links = `${linkOrigin()}${HIPCALL_API_PREFIX}`;
    if (name === 'GET /users') {
      const { page, perPage } = pageParams(url, 100, 10);
      const rows = data.users
        .slice((page - 1) * perPage, page * perPage)
        .map((u) => userJson(u, '2022-01-10T09:00:00+0000'));
      return jsonReply(lengthAwarePage(rows, page, perPage, data.users.length, `${links}/users`));
    }
    if (name === 'GET /cdrs') {
      const { page, perPage } = pageParams(url, 50, 10);
      const visible = data.cdrs.filter((cdr) => cdr.started_at <= hipcallTime(now().getTime()));
      const rows = visible.slice((page - 1) * perPage, page * perPage).map((c) => cdrJson(c, origin, now().getTime()));
      return jsonReply(simplePage(rows, page, perPage, visible.length > page * perPage, `${links}/cdrs`));
    }
    if (name === 'GET /cdrs/{Y}/{M}/{D}/{uuid}') {
      const [, , y, m, d, uuid] = url.pathname.slice(HIPCALL_API_PREFIX.length).split('/');
      const cdr = data.cdrs.find((c) => c.uuid === decodeURIComponent(uuid ?? ''));
      if (!cdr || cdr.pathDate !== `${y}-${m}-${d}`) return jsonReply({ message: 'Not Found' }, 404);
      return jsonReply({ data: { ...cdrJson(cdr, origin, now().getTime()), call_flow: [] } });
    }
    const body = await readJson(req);
    if (body === null) return jsonReply({ message: 'The given data was invalid.' }, 422);
    if (name === 'POST /comments') {
      const id = Number(body.commentable_id);
      if (typeof body.content !== 'string' || body.content === '' || !Number.isSafeInteger(id) || id <= 0) {
        return jsonReply({ message: 'The given data was invalid.', errors: { content: ['required'] } }, 422);
      }
      if (!['contact', 'company', 'deal'].includes(String(body.commentable_type))) {
        return jsonReply({ message: 'The given data was invalid.', errors: { commentable_type: ['invalid'] } }, 422);
      }
      const comment = {
        id: comments.length + 1,
        commentable_type: String(body.commentable_type),
        commentable_id: id,
        content: body.content,
      };
      comments.push(comment);
      counters.applied(name);
      const at = hipcallTime(now().getTime());
      return jsonReply({ data: { resource_type: 'comment', ...comment, created_at: at, updated_at: at } }, 201);
    }
    if (typeof body.name !== 'string' || body.name.trim() === '') {
      return jsonReply({ message: 'The given data was invalid.', errors: { name: ['required'] } }, 422);
    }
    const task = { id: 100 + tasks.length, body };
    tasks.push(task);
    counters.applied(name);
    return jsonReply({ data: { resource_type: 'task', id: task.id, name: body.name, done: false } }, 201);
  }

  function recording(url: URL, res: ServerResponse): void {
    const expires = Number(url.searchParams.get('expires'));
    const valid = url.searchParams.get('signature') === signature(url.pathname, expires);
    if (!valid || expires * 1000 <= now().getTime()) {
      return send(res, { status: 403, headers: { 'content-type': 'text/plain' }, body: 'Request has expired' });
    }
    send(res, { status: 200, headers: { 'content-type': 'audio/mpeg' }, body: 'ID3 sandbox audio' });
  }

  async function control(req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> {
    if (url.pathname === '/__sandbox/faults' && req.method === 'PUT') {
      const body = await readJson(req);
      try {
        faults.set((body ?? {}) as HipcallFaultSettings);
      } catch {
        return send(res, jsonReply({ error: 'invalid fault settings' }, 400));
      }
      return send(res, jsonReply(faults.get()));
    }
    if (url.pathname === '/__sandbox/faults') return send(res, jsonReply(faults.get()));
    if (url.pathname === '/__sandbox/counters') return send(res, jsonReply(counters.snapshot()));
    if (url.pathname === '/__sandbox/state') {
      return send(res, jsonReply({ users: data.users.length, cdrs: data.cdrs.length, comments, tasks }));
    }
    send(res, jsonReply({ error: 'not found' }, 404));
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/__sandbox')) return control(req, url, res);
    if (/^\/(recordings|voicemails)\/[^/]+\.mp3$/.test(url.pathname)) return recording(url, res);
    const name = route(req.method ?? 'GET', url.pathname);
    if (name === null) return send(res, jsonReply({ message: 'Not Found' }, 404));
    counters.request(name);
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return send(res, jsonReply({ message: 'Unauthenticated.' }, 401));
    const t = Date.now();
    if (t - window.start >= rate.windowMs || t < window.start) window = { start: t, used: 0 };
    if (window.used >= rate.limit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + rate.windowMs - t) / 1000));
      return send(res, tooManyAttempts(retryAfter, rate.limit));
    }
    window.used += 1;
    const decision = faults.decide(name);
    if (decision.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
    if (decision.kind && BEFORE_HANDLING.has(decision.kind)) return failBeforeHandling(decision.kind, faults, res);
    const reply = await handle(name, req, url);
    reply.headers['x-ratelimit-limit'] = String(rate.limit);
    reply.headers['x-ratelimit-remaining'] = String(Math.max(0, rate.limit - window.used));
    reply.headers['cache-control'] = 'no-cache, private';
    if (decision.kind) return sendCorrupted(decision.kind, reply, res);
    send(res, reply);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      send(res, jsonReply({ message: error instanceof BodyTooLargeError ? 'Too large' : 'Server Error' }, 500));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl: `${origin}${HIPCALL_API_PREFIX}`,
    origin,
    controlUrl: `${origin}/__sandbox`,
    credentials: { apiKey },
    timezone,
    data,
    comments,
    tasks,
    faults,
    counters: () => counters.snapshot(),
    resetCounters: () => counters.reset(),
    now,
    setNow: (date) => {
      pinned = date;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  try {
    const parsed: unknown = JSON.parse((await readBody(req, 1024 * 1024)) || '{}');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
