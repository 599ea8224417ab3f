import { randomUUID } from 'node:crypto';
import type { Counters } from '../counters';
import { jsonReply, type HttpReply } from '../http';
import type { VariantPicker } from '../variants';
import { throttled } from './faults';
import { internationalDigits } from './seed';
import type { CallhubState } from './state';
import type { ChContact } from './types';
import { OPT_IN_VARIANTS, VARIANT_SITES } from './variants';

export const API_PREFIX = '/v1';
const DEFAULT_PAGE_SIZE = 20;
const BULK_CREATE_INTERVAL_MS = 60_000;

export interface RouterRuntime {
  state: CallhubState;
  variants: VariantPicker;
  counters: Counters;
  now: () => number;
  apiKey: string;
  /** http://127.0.0.1:PORT: where same-host `next` links point. */
  origin: () => string;
}

export interface Request {
  method: string;
  /** Without the /v1 prefix, as sent (trailing slash or not). */
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown> | null;
  authorization: string | undefined;
}

interface Route {
  method: 'GET' | 'POST';
  pattern: string;
  regex: RegExp;
  write: boolean;
  handle(req: Request, params: string[], rt: RouterRuntime): HttpReply;
}

const ID = '([A-Za-z0-9_-]+)';
function route(method: Route['method'], pattern: string, handle: Route['handle']): Route {
  const regex = new RegExp(`^${pattern.replace(/\{[a-z_]+\}/g, ID)}$`);
  return { method, pattern, regex, write: method === 'POST', handle };
}

const detail = (text: string, status: number): HttpReply => jsonReply({ detail: text }, status);
const notFound = (): HttpReply => detail('Not found.', 404);

/** The wire form of a contact: no id field, only its url [CH:1-43]. */
function wireContact(contact: ChContact): Record<string, unknown> {
  const { id: _id, ...wire } = contact;
  return wire;
}

/** A list in the picked shape; DRF pages of `page_size` with an absolute `next` link. */
function list(rows: unknown[], req: Request, rt: RouterRuntime): HttpReply {
  if (rt.variants.pick('list', VARIANT_SITES.list) === 'array') return jsonReply(rows);
  const size = Math.min(100, Math.max(1, Number(req.query.get('page_size') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE));
  const page = Math.max(1, Math.floor(Number(req.query.get('page') ?? 1)) || 1);
  const link = (n: number): string => {
    const host =
      rt.variants.pick('next-host', VARIANT_SITES['next-host']) === 'foreign'
        ? 'https://api-na1.callhub.io'
        : rt.origin();
    const query = new URLSearchParams(req.query);
    query.set('page', String(n));
    return `${host}${API_PREFIX}${req.path}?${query.toString()}`;
  };
  const last = Math.max(1, Math.ceil(rows.length / size));
  if (page > last) return detail('Invalid page.', 404);
  return jsonReply({
    count: rows.length,
    next: page < last ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: rows.slice((page - 1) * size, page * size),
  });
}

const ROUTES: Route[] = [
  route('GET', '/users/', (_req, _p, rt) => {
    const user = {
      url: 'https://api.callhub.io/v1/users/501/',
      username: rt.state.data.owner,
      email: 'admin@greenstreets.example.org',
      bphones: ['https://api.callhub.io/v1/bphones/9/'],
      phonebooks: rt.state.data.phonebooks.map((book) => book.url),
      voice_broadcasts: [],
      sms_campaigns: [],
      callcenter_campaigns: ['https://api.callhub.io/v1/callcenter_campaigns/12/'],
    };
    const shape = rt.variants.pick('users', VARIANT_SITES.users);
    if (shape === 'array') return jsonReply([user]);
    if (shape === 'envelope') return jsonReply({ count: 1, next: null, previous: null, results: [user] });
    return jsonReply(user);
  }),
  route('GET', '/phonebooks/', (req, _p, rt) =>
    list(
      rt.state.data.phonebooks.map(({ id: _id, ...b }) => b),
      req,
      rt,
    ),
  ),
  route('GET', '/contacts/', (req, _p, rt) => {
    const phone = req.query.get('contact');
    // CallHub's `?contact=` filter [outside]: matches the number however the contact stores it.
    const wanted = (phone ?? '').replace(/\D/g, '');
    const honoured =
      rt.variants.pick(
        'contact-filter',
        VARIANT_SITES['contact-filter'],
        undefined,
        OPT_IN_VARIANTS['contact-filter'],
      ) === 'honoured';
    const rows = rt.state
      .liveContacts()
      .filter((c) => phone === null || !honoured || internationalDigits(c.contact, c.country_code) === wanted);
    return list(rows.map(wireContact), req, rt);
  }),
  route('GET', '/contacts/fields/', (req, _p, rt) => list(rt.state.data.contactFields, req, rt)),
  route('GET', '/contacts/{id}/', (_req, [id], rt) => {
    const contact = rt.state.contact(id ?? '');
    return contact ? jsonReply(wireContact(contact)) : notFound();
  }),
  route('POST', '/contacts/bulk_create/', (_req, _p, rt) => {
    const last = rt.state.lastBulkCreateAt;
    if (last !== null && rt.now() - last < BULK_CREATE_INTERVAL_MS) {
      return throttled(Math.ceil((BULK_CREATE_INTERVAL_MS - (rt.now() - last)) / 1000));
    }
    rt.state.lastBulkCreateAt = rt.now();
    return jsonReply({ detail: 'Import queued.' }, 202);
  }),
  route('GET', '/custom_fields/', (req, _p, rt) => list(rt.state.data.customFields, req, rt)),
  route('GET', '/custom_fields/{id}/', (_req, [id], rt) => {
    const field = rt.state.data.customFields.find((f) => String(f.id) === id);
    return field ? jsonReply(field) : notFound();
  }),
  route('GET', '/dnc_contacts/', (req, _p, rt) => list(rt.state.data.dncContacts, req, rt)),
  route('GET', '/dnc_lists/', (req, _p, rt) => list(rt.state.data.dncLists, req, rt)),
  route('GET', '/agent-status/', (_req, _p, rt) => {
    const open = [...rt.state.dialers.values()].find((d) => d.calls.length > 0);
    return jsonReply({
      connected_campaign: open ? 12 : null,
      call_uuid: open ? `call-${open.uuid}` : null,
      current_subscriber: open ? open.contact : null,
      subscriber_uuid: open ? `sub-${open.uuid}` : null,
      supervisor_uuid: null,
    });
  }),
  route('GET', '/user-details/', () =>
    jsonReply({
      user: { first_name: 'Dana', last_name: 'Whitfield', email: 'dana@greenstreets.example.org' },
      agent: { country: 'US', phone_no: '14155550111', language: 'en' },
    }),
  ),
  route('GET', '/subscriber-history/{id}/', (_req, [id], rt) => {
    if (!rt.state.contact(id ?? '')) return notFound();
    // Only contacts a campaign has reached have a history; the others get DRF's 404.
    const rows = rt.state.data.history[id ?? ''];
    if (rows === undefined || rows.length === 0) return notFound();
    const shape = rt.variants.pick('history', VARIANT_SITES.history, undefined, OPT_IN_VARIANTS.history);
    if (shape === 'unknown') return jsonReply({ voice: { total: rows.length }, sms: 'see reports' });
    return shape === 'array'
      ? jsonReply(rows)
      : jsonReply({ count: rows.length, next: null, previous: null, results: rows });
  }),
  route('POST', '/contact-notes/{id}/', (req, [id], rt) => {
    const notes = req.body?.notes;
    if (typeof notes !== 'string' || notes.trim() === '') return jsonReply({ notes: ['This field is required.'] }, 400);
    if (!rt.state.contact(id ?? '')) return notFound();
    rt.state.notes.push({ contactId: id ?? '', notes, at: new Date(rt.now()).toISOString() });
    return jsonReply({ status: 'Notes saved.' }, 201);
  }),
  route('POST', '/dialer/', (req, _p, rt) => {
    const raw = req.body?.contact;
    const id =
      typeof raw === 'string'
        ? (raw.split('/').filter(Boolean).pop() ?? '')
        : typeof raw === 'number'
          ? String(raw)
          : '';
    if (!rt.state.contact(id)) return jsonReply({ contact: ['Invalid contact.'] }, 400);
    const uuid = randomUUID();
    rt.state.dialers.set(uuid, { uuid, contact: id, createdAt: new Date(rt.now()).toISOString(), calls: [] });
    return jsonReply({ dialer_uuid: uuid }, 201);
  }),
  route('GET', '/dialer/{id}/', (_req, [id], rt) => {
    const dialer = rt.state.dialers.get(id ?? '');
    return dialer
      ? jsonReply({ dialer_uuid: dialer.uuid, contact: dialer.contact, created: dialer.createdAt })
      : notFound();
  }),
  route('POST', '/dialer/{id}/agent/', (req, [id], rt) => {
    const dialer = rt.state.dialers.get(id ?? '');
    if (!dialer) return notFound();
    const type = req.body?.num_type;
    if (type !== 'contact' && type !== 'mobile') return jsonReply({ num_type: ['Must be mobile or contact.'] }, 400);
    const contact = rt.state.contact(dialer.contact);
    if (!contact || (type === 'mobile' ? contact.mobile : contact.contact) === '') {
      return jsonReply({ detail: 'The contact has no such number.' }, 400);
    }
    dialer.calls.push(type);
    return jsonReply({ status: 'Calling agent.' });
  }),
];

export type Match = { route: Route; params: string[]; key: string } | { key: string; reply: HttpReply };

/**
 * Finds the route, as Django's APPEND_SLASH would: a GET without its trailing slash is sent a
 * 301 to the slashed path; a POST without it cannot be redirected and fails (404).
 */
export function matchRoute(method: string, path: string): Match {
  for (const candidate of ROUTES) {
    const found = candidate.regex.exec(path);
    if (found && candidate.method === method)
      return { route: candidate, params: found.slice(1), key: `${method} ${candidate.pattern}` };
  }
  const slashed = `${path}/`;
  const wantsSlash = !path.endsWith('/') && ROUTES.some((r) => r.method === method && r.regex.test(slashed));
  if (wantsSlash && method === 'GET') {
    return {
      key: `${method} (no slash)`,
      reply: { status: 301, headers: { location: `${API_PREFIX}${slashed}` }, body: '' },
    };
  }
  if (wantsSlash) return { key: `${method} (no slash)`, reply: notFound() };
  if (ROUTES.some((r) => r.regex.test(path)))
    return { key: `${method} ${path}`, reply: detail(`Method "${method}" not allowed.`, 405) };
  return { key: `${method} ${path}`, reply: notFound() };
}

/** DRF's TokenAuthentication: `Token <key>`; any other scheme is no credentials at all. */
export function authenticate(authorization: string | undefined, apiKey: string): HttpReply | null {
  const [scheme, key, extra] = (authorization ?? '').trim().split(/\s+/);
  const reply = (text: string): HttpReply => {
    const answer = detail(text, 401);
    answer.headers['www-authenticate'] = 'Token';
    return answer;
  };
  if (scheme?.toLowerCase() !== 'token') return reply('Authentication credentials were not provided.');
  if (key !== apiKey || extra !== undefined) return reply('Invalid token.');
  return null;
}

export function handleRoute(
  match: { route: Route; params: string[] },
  req: Request,
  rt: RouterRuntime,
): { reply: HttpReply; applied: boolean } {
  const refused = authenticate(req.authorization, rt.apiKey);
  if (refused) return { reply: refused, applied: false };
  const reply = match.route.handle(req, match.params, rt);
  return { reply, applied: match.route.write && reply.status >= 200 && reply.status < 300 };
}
