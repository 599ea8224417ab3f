import { CallsideError } from '../../../shared/errors';
import { sleep } from '../http/abort';
import type { FetchLike } from '../http/exchange';
import { createRestTransport, type RestRequestOptions } from '../http/rest';
import { readCdr, type HipcallCdr } from './cdr';
import { readPage, readSingle, text, positiveId, type Row } from './wire';

export const DEFAULT_HIPCALL_BASE_URL = 'https://api.hipcall.com/api/v20211124';

/** Rows per CDR page asked for (Laravel's `per_page`; a server that ignores it sends its 10). */
export const CDR_PAGE_SIZE = 50;
/** Hipcall shows `x-ratelimit-limit: 30` and no window; Laravel's throttle:30,1 is a minute. */
const ASSUMED_WINDOW_MS = 60_000;
/** Below this many requests left, each request waits its share of the window first. */
const SLOW_DOWN_BELOW = 3;

export interface HipcallPolicy {
  fetch?: FetchLike;
  timeoutMs?: number;
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxRetryAfterMs?: number;
  /** The rate-limit window the pacing spreads requests over (tests shorten it). */
  windowMs?: number;
}

export interface HipcallCallOptions {
  signal?: AbortSignal;
  /** A 429's Retry-After wait is about to happen. */
  onWait?: (waitMs: number) => void;
}

export interface HipcallUser {
  id: string;
  name: string;
  email: string;
}

export interface CdrPage {
  cdrs: HipcallCdr[];
  /** The next page's link, as sent (it is always read on the configured base). */
  next: string | null;
}

export interface HipcallClient {
  verify(o?: HipcallCallOptions): Promise<void>;
  listUsers(o?: HipcallCallOptions): Promise<HipcallUser[]>;
  /** `link` null: the first page; else a `links.next` from an earlier page. */
  cdrPage(link: string | null, o?: HipcallCallOptions): Promise<CdrPage>;
  /** GET /cdrs/{Y}/{M}/{D}/{uuid}; null on 404. */
  getCdr(day: string, uuid: string, o?: HipcallCallOptions): Promise<HipcallCdr | null>;
  addComment(contactId: string, content: string, o?: HipcallCallOptions): Promise<string | null>;
  createTask(input: TaskInput, o?: HipcallCallOptions): Promise<string | null>;
}

export interface TaskInput {
  name: string;
  description?: string;
  /** UTC ISO; sent as the doc's `YYYYMMDD HH:MM:SS`. */
  dueAt?: string;
  assignTo?: string;
  contactIds?: string[];
}

function requestOptions(o: HipcallCallOptions | undefined, extra: RestRequestOptions = {}): RestRequestOptions {
  return { ...extra, ...(o?.signal ? { signal: o.signal } : {}), ...(o?.onWait ? { onWait: o.onWait } : {}) };
}

/**
 * The Hipcall client: `Authorization: Bearer` on the shared REST transport, paced by the
 * `x-ratelimit-*` headers so a sync slows down before the server says 429 rather than after.
 */
export function connectHipcall(args: { baseUrl: string; apiKey: string; policy?: HipcallPolicy }): HipcallClient {
  const { baseUrl, apiKey, policy = {} } = args;
  if (apiKey.trim() === '') throw new CallsideError('auth', 'The Hipcall API key is empty.');
  const { windowMs = ASSUMED_WINDOW_MS, ...restPolicy } = policy;
  const rest = createRestTransport({
    provider: 'Hipcall',
    baseUrl,
    auth: { name: 'authorization', value: `Bearer ${apiKey}` },
    secrets: [apiKey, `Bearer ${apiKey}`],
    forbiddenHint: 'Check the API token (Generate API token in the Hipcall dashboard).',
    maxConcurrent: 2,
    ...restPolicy,
  });

  let remaining: number | null = null;
  let limit = 30;
  const onHeaders: RestRequestOptions['onHeaders'] = (headers) => {
    const left = Number(headers.get('x-ratelimit-remaining'));
    const max = Number(headers.get('x-ratelimit-limit'));
    if (headers.get('x-ratelimit-remaining') !== null && Number.isFinite(left)) remaining = left;
    if (Number.isFinite(max) && max > 0) limit = max;
  };
  async function pace(o: HipcallCallOptions | undefined): Promise<void> {
    if (remaining === null || remaining >= SLOW_DOWN_BELOW) return;
    // None left: the window has to turn over (Hipcall sends no reset time), else one share of it.
    const waitMs = remaining <= 0 ? windowMs : Math.ceil(windowMs / limit);
    remaining = null;
    await sleep(waitMs, o?.signal, 'Hipcall');
  }
  const get = async (path: string, o?: HipcallCallOptions, query?: Record<string, number>) => {
    await pace(o);
    return rest.get(path, requestOptions(o, { onHeaders, ...(query ? { query } : {}) }));
  };

  const follow = async (link: string, o?: HipcallCallOptions) => {
    await pace(o);
    return rest.getLink(link, requestOptions(o, { onHeaders }));
  };

  async function usersPage(link: string | null, o?: HipcallCallOptions) {
    const body = link === null ? await get('users', o) : await follow(link, o);
    return readPage(body, 'GET /users');
  }

  return {
    async verify(o) {
      await usersPage(null, o);
    },

    async listUsers(o) {
      const users = new Map<string, HipcallUser>();
      let link: string | null = null;
      // The paginator could point back at a page already read: a page count bounds the walk.
      for (let pages = 0; pages < 200; pages += 1) {
        const page = await usersPage(link, o);
        for (const row of page.rows) {
          const user = readUser(row);
          if (user) users.set(user.id, user);
        }
        if (page.next === null || page.next === link) break;
        link = page.next;
      }
      return [...users.values()];
    },

    async cdrPage(link, o) {
      const body = link === null ? await get('cdrs', o, { per_page: CDR_PAGE_SIZE }) : await follow(link, o);
      const page = readPage(body, 'GET /cdrs');
      return { cdrs: page.rows.map((row) => readCdr(row, 'GET /cdrs')), next: page.next };
    },

    async getCdr(day, uuid, o) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
      if (!m || !/^[A-Za-z0-9-]{1,64}$/.test(uuid))
        throw new CallsideError('invalid_request', 'Not a call to look up.');
      try {
        const body = await get(`cdrs/${m[1]}/${m[2]}/${m[3]}/${encodeURIComponent(uuid)}`, o);
        return readCdr(readSingle(body, 'GET /cdrs/{date}/{uuid}'), 'GET /cdrs/{date}/{uuid}');
      } catch (error) {
        if (error instanceof CallsideError && error.code === 'not_found') return null;
        throw error;
      }
    },

    async addComment(contactId, content, o) {
      await pace(o);
      const body = await rest.send(
        'POST',
        'comments',
        { commentable_type: 'contact', commentable_id: Number(contactId), content },
        requestOptions(o, { onHeaders }),
      );
      return createdId(body);
    },

    async createTask(input, o) {
      await pace(o);
      const body = await rest.send(
        'POST',
        'tasks',
        {
          name: input.name,
          ...(input.description ? { description: input.description } : {}),
          ...(input.dueAt ? { due_date: dueDate(input.dueAt) } : {}),
          ...(input.assignTo ? { assign_to: Number(input.assignTo) } : { auto_assign_to_user: true }),
          ...(input.contactIds?.length ? { contact_ids: input.contactIds.map(Number) } : {}),
        },
        requestOptions(o, { onHeaders }),
      );
      return createdId(body);
    },
  };
}

/** `full_name` is on list rows only [H:1743]; `name` on both. */
function readUser(row: Row): HipcallUser | null {
  const id = positiveId(row.id);
  if (id === null) return null;
  const name = text(row.full_name) ?? text(row.name) ?? `User ${id}`;
  return { id, name: name.slice(0, 200), email: (text(row.email) ?? '').slice(0, 200) };
}

function createdId(body: unknown): string | null {
  if (body && typeof body === 'object' && 'data' in body) {
    const data = (body as { data: unknown }).data;
    if (data && typeof data === 'object') return positiveId((data as Row).id);
  }
  return null;
}

/** The doc's request format for due dates [H:1439]: `20220612 12:12:12`, read as UTC. */
function dueDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new CallsideError('invalid_request', 'The due date is not a time.');
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())} ${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())}`;
}
