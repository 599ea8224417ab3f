import { jsonReply, type HttpReply } from '../http';
import type { Counters } from '../counters';
import type { VariantPicker } from '../variants';
import type { CallinglyState } from './state';
import { endOfLocalDay, parseSqlTime, startOfLocalDay } from './time';
import type { ClClient } from './types';
import { OPT_IN_VARIANTS, VARIANT_SITES, type VariantSite } from './variants';
import {
  agentItem,
  callDetail,
  callRow,
  clientItem,
  envelope,
  jsLiteral,
  leadDetail,
  leadItem,
  scheduleItems,
  teamAgents,
  teamDetail,
  teamItem,
  type WireContext,
} from './wire';

/**
 * Callingly's REST surface under /v1, answered the way a Laravel app does: Bearer auth (401
 * `{"message":"Unauthenticated."}`), `{"message": ...}` errors, 404 for unknown routes and
 * models, 422 with `errors` for bad input. An agency key must name a client in `account_id`
 * (query, or body on PUT/POST): without one it sees its own, empty account; an id that is not
 * its client is refused (403). A direct account may repeat its own id and no other.
 */

export const API_PREFIX = '/v1';

export interface CallinglyCredentials {
  apiKey: string;
  /** The client account an agency key works for; null for a direct account's key. */
  accountId: string | null;
}

export interface RouterRuntime {
  state: CallinglyState;
  variants: VariantPicker;
  counters: Counters;
  now: () => number;
  zone: string;
  credentials: CallinglyCredentials;
  /** The agency's clients (empty for a direct account). */
  clients: ClClient[];
}

export interface Route {
  /** "GET /calls/{id}": counters and fault `only` use it. */
  key: string;
  pattern: string;
  method: string;
  params: string[];
}

const ROUTES: ReadonlyArray<readonly [string, string]> = [
  ['GET', '/clients'],
  ['GET', '/teams'],
  ['GET', '/teams/{id}'],
  ['GET', '/teams/{id}/agents'],
  ['GET', '/agents'],
  ['PUT', '/agents/{id}'],
  ['GET', '/agents/{id}/schedule'],
  ['GET', '/calls'],
  ['GET', '/calls/{id}'],
  ['GET', '/leads'],
  ['GET', '/leads/{id}'],
  ['DELETE', '/leads/{id}'],
  ['GET', '/webhooks'],
];

export type RouteMatch = { route: Route } | { error: HttpReply; key: string };

function message(text: string, status: number, errors?: Record<string, string[]>): HttpReply {
  return jsonReply(errors ? { message: text, errors } : { message: text }, status);
}

function segmentsMatch(pattern: string, path: string): string[] | null {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params: string[] = [];
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '{id}') {
      if (!/^\d+$/.test(s[i] ?? '')) return null;
      params.push(s[i] as string);
    } else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** Finds the route for a request path (with the /v1 prefix). */
export function matchRoute(method: string, fullPath: string): RouteMatch {
  const path = fullPath.replace(/\/+$/, '') || '/';
  const notFound = (): RouteMatch => ({
    error: message(`The route ${fullPath.replace(/^\//, '')} could not be found.`, 404),
    key: `${method} (unknown)`,
  });
  if (!path.startsWith(`${API_PREFIX}/`)) return notFound();
  const rest = path.slice(API_PREFIX.length);
  const allowed: string[] = [];
  for (const [m, pattern] of ROUTES) {
    const params = segmentsMatch(pattern, rest);
    if (!params) continue;
    if (m === method || (method === 'HEAD' && m === 'GET')) {
      return { route: { key: `${m} ${pattern}`, pattern, method: m, params } };
    }
    allowed.push(m);
  }
  if (allowed.length > 0) {
    return {
      error: message(
        `The ${method} method is not supported for route ${fullPath.replace(/^\//, '')}. Supported methods: ${allowed.join(', ')}.`,
        405,
      ),
      key: `${method} (unknown)`,
    };
  }
  return notFound();
}

function bearer(authorization: string | undefined): string {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? '';
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

const MODEL: Record<string, string> = {
  teams: 'Team',
  agents: 'User',
  calls: 'Call',
  leads: 'Lead',
};

function modelNotFound(pattern: string, id: string): HttpReply {
  const model = MODEL[pattern.split('/')[1] ?? ''] ?? 'Model';
  return message(`No query results for model [App\\Models\\${model}] ${id}`, 404);
}

type AccountView = 'data' | 'empty';

function accountView(fields: Record<string, unknown>, rt: RouterRuntime): AccountView | HttpReply {
  const asked = text(fields.account_id);
  const own = String(rt.state.data.accountId);
  if (rt.credentials.accountId === null) {
    return asked === '' || asked === own ? 'data' : message('This action is unauthorized.', 403);
  }
  if (asked === '') return 'empty';
  if (!rt.clients.some((c) => String(c.id) === asked)) return message('This action is unauthorized.', 403);
  return asked === own ? 'data' : 'empty';
}

export interface Handled {
  reply: HttpReply;
  applied: boolean;
}

/** Runs an authenticated, routed request. `fields` is the query merged with the body (body wins). */
export function handleRoute(
  route: Route,
  fields: Record<string, unknown>,
  authorization: string | undefined,
  rt: RouterRuntime,
): Handled {
  const done = (reply: HttpReply, applied = false): Handled => ({ reply, applied });
  if (bearer(authorization) !== rt.credentials.apiKey) return done(message('Unauthenticated.', 401));

  if (route.key === 'GET /clients') {
    if (rt.credentials.accountId === null) return done(message('This action is unauthorized.', 403));
    return done(jsonReply(envelope(rt.clients.map(clientItem), pick(rt, 'envelope:/clients'))));
  }
  const view = accountView(fields, rt);
  if (typeof view !== 'string') return done(view);

  const now = rt.now();
  const w: WireContext = {
    state: rt.state,
    pick: (site) => pick(rt, site),
    now,
    zone: rt.zone,
    accountId: rt.state.data.accountId,
  };
  const id = Number(route.params[0] ?? NaN);
  const empty = view === 'empty';
  const { state } = rt;

  switch (route.key) {
    case 'GET /teams':
      return done(
        jsonReply(envelope(empty ? [] : state.data.teams.map((t) => teamItem(w, t)), w.pick('envelope:/teams'))),
      );
    case 'GET /teams/{id}': {
      const team = empty ? undefined : state.teamById.get(id);
      if (!team) return done(modelNotFound(route.pattern, String(id)));
      return done(jsonReply(teamDetail(w, team, w.pick('booleans'))));
    }
    case 'GET /teams/{id}/agents': {
      const team = empty ? undefined : state.teamById.get(id);
      if (!team) return done(modelNotFound(route.pattern, String(id)));
      return done(jsonReply(envelope(teamAgents(w, team), w.pick('envelope:/teams/{id}/agents'))));
    }
    case 'GET /agents': {
      const spelling = w.pick('booleans');
      const list = empty ? [] : state.data.agents.map((a) => agentItem(w, a, spelling));
      return done(jsonReply(envelope(list, w.pick('envelope:/agents'))));
    }
    case 'GET /agents/{id}/schedule': {
      const agent = empty ? undefined : state.agentById.get(id);
      if (!agent) return done(modelNotFound(route.pattern, String(id)));
      return done(jsonReply(scheduleItems(agent)));
    }
    case 'PUT /agents/{id}': {
      const agent = empty ? undefined : state.agentById.get(id);
      if (!agent) return done(modelNotFound(route.pattern, String(id)));
      return updateAgent(w, agent.id, fields, rt);
    }
    case 'GET /leads':
      return listLeads(w, fields, empty, rt);
    case 'GET /leads/{id}': {
      const lead = empty ? undefined : state.leadById.get(id);
      if (!lead || lead.deleted) return done(modelNotFound(route.pattern, String(id)));
      return done(jsonReply(leadDetail(w, lead)));
    }
    case 'DELETE /leads/{id}': {
      const lead = empty ? undefined : state.leadById.get(id);
      if (!lead || lead.deleted) return done(modelNotFound(route.pattern, String(id)));
      lead.deleted = true;
      return done(jsonReply({ success: true }), true);
    }
    case 'GET /calls':
      return listCalls(w, fields, empty, rt);
    case 'GET /calls/{id}': {
      const call = empty ? undefined : state.callById.get(id);
      if (!call) return done(modelNotFound(route.pattern, String(id)));
      return done(jsonReply(callDetail(w, call, w.pick('booleans'))));
    }
    case 'GET /webhooks':
      return done(jsonReply(empty ? [] : webhooks(w)));
    default:
      return done(message('Server Error', 500));
  }
}

function pick(rt: RouterRuntime, site: VariantSite): string {
  return rt.variants.pick(site, VARIANT_SITES[site], undefined, OPT_IN_VARIANTS[site] ?? []);
}

function invalid(field: string, text: string): Handled {
  return { reply: message(text, 422, { [field]: [text] }), applied: false };
}

/** start/end: inclusive Y-m-d in the account zone; either may be absent. */
function dateWindow(fields: Record<string, unknown>, zone: string): { from: number; to: number } | Handled {
  let from = -Infinity;
  let to = Infinity;
  const start = text(fields.start);
  const end = text(fields.end);
  if (start !== '') {
    const ms = startOfLocalDay(start, zone);
    if (ms === null) return invalid('start', 'The start field must be a valid date.');
    from = ms;
  }
  if (end !== '') {
    const ms = endOfLocalDay(end, zone);
    if (ms === null) return invalid('end', 'The end field must be a valid date.');
    to = ms;
  }
  if (from > to) return invalid('end', 'The end field must be a date after or equal to start.');
  return { from, to };
}

/** National ten digits for NANP numbers, else all digits: "+14801234567", " 14801234567", "4801234567" meet. */
function phoneKey(value: string): string {
  const digits = value.replace(/\D+/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

function listLeads(w: WireContext, fields: Record<string, unknown>, empty: boolean, rt: RouterRuntime): Handled {
  const window = dateWindow(fields, rt.zone);
  if ('reply' in window) return window;
  const phone = text(fields.phone_number);
  const key = phone === '' ? '' : phoneKey(phone);
  if (phone !== '' && key.length < 7) {
    return invalid('phone_number', 'The phone number field must be a valid phone number.');
  }
  const leads = empty
    ? []
    : rt.state
        .liveLeads()
        .filter((l) => l.createdAt >= window.from && l.createdAt < window.to)
        .filter((l) => key === '' || phoneKey(l.phone) === key)
        .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  return {
    reply: jsonReply(
      envelope(
        leads.map((l) => leadItem(w, l)),
        w.pick('envelope:/leads'),
      ),
    ),
    applied: false,
  };
}

export const MAX_CALLS_LIMIT = 100;
export const DEFAULT_CALLS_LIMIT = 25;

function wholeNumber(value: unknown): number | null {
  const t = text(value);
  return /^\d+$/.test(t) ? Number(t) : null;
}

function listCalls(w: WireContext, fields: Record<string, unknown>, empty: boolean, rt: RouterRuntime): Handled {
  const window = dateWindow(fields, rt.zone);
  if ('reply' in window) return window;
  const limit = text(fields.limit) === '' ? DEFAULT_CALLS_LIMIT : wholeNumber(fields.limit);
  if (limit === null || limit < 1) return invalid('limit', 'The limit field must be an integer.');
  if (limit > MAX_CALLS_LIMIT) return invalid('limit', `The limit field must not be greater than ${MAX_CALLS_LIMIT}.`);
  const page = text(fields.page) === '' ? 1 : wholeNumber(fields.page);
  if (page === null || page < 1) return invalid('page', 'The page field must be at least 1.');
  const teamId = text(fields.team_id) === '' ? null : wholeNumber(fields.team_id);
  if (teamId === null && text(fields.team_id) !== '')
    return invalid('team_id', 'The team id field must be an integer.');

  const calls = empty
    ? []
    : rt.state.data.calls
        .filter((c) => c.at >= window.from && c.at < window.to && (teamId === null || c.teamId === teamId))
        .sort((a, b) => b.at - a.at || b.id - a.id)
        .slice((page - 1) * limit, page * limit);
  const body = envelope(
    calls.map((c) => callRow(w, c)),
    w.pick('envelope:/calls'),
  );
  const encoding = w.pick('calls.encoding');
  return { reply: jsonReply(body, 200, encoding === 'js-literal' ? jsLiteral : JSON.stringify), applied: false };
}

const DND_FORMAT = 'The donotdisturb until field must match the format Y-m-d H:i:s.';

function flag(value: unknown): boolean | null {
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  return null;
}

function updateAgent(w: WireContext, id: number, fields: Record<string, unknown>, rt: RouterRuntime): Handled {
  const agent = rt.state.agentById.get(id);
  if (!agent) return { reply: modelNotFound('/agents/{id}', String(id)), applied: false };
  let dnd: boolean | null = null;
  if (fields.donotdisturb !== undefined) {
    dnd = flag(fields.donotdisturb);
    if (dnd === null) return invalid('donotdisturb', 'The donotdisturb field must be true or false.');
  }
  let until: number | null | undefined;
  if (fields.donotdisturb_until !== undefined && fields.donotdisturb_until !== null) {
    until = parseSqlTime(text(fields.donotdisturb_until), rt.zone);
    if (until === null) return invalid('donotdisturb_until', DND_FORMAT);
  } else if (fields.donotdisturb_until === null) {
    until = null;
  }
  for (const key of ['fname', 'lname', 'ext', 'timezone'] as const) {
    if (fields[key] !== undefined && typeof fields[key] !== 'string') {
      return invalid(key, `The ${key} field must be a string.`);
    }
  }
  if (dnd !== null) {
    agent.donotdisturb = dnd;
    agent.donotdisturbUntil = dnd ? (until ?? null) : null;
  } else if (until !== undefined) {
    agent.donotdisturbUntil = until;
  }
  if (typeof fields.fname === 'string') agent.fname = fields.fname;
  if (typeof fields.lname === 'string') agent.lname = fields.lname;
  if (typeof fields.ext === 'string') agent.ext = fields.ext;
  if (typeof fields.timezone === 'string' && fields.timezone.trim() !== '') agent.timezone = fields.timezone;
  return { reply: jsonReply(agentItem(w, agent, 'doc')), applied: true };
}

function webhooks(w: WireContext): unknown[] {
  const team = w.state.data.teams[0];
  return [
    {
      id: 1122,
      account_id: w.accountId,
      name: 'CRM sync',
      event: 'lead_updated',
      target_url: 'http://crm.example.com/hooks/callingly',
      call_status: null,
      call_lead_status: null,
      team_id: team?.id ?? null,
      number_id: 1,
      field: null,
      filter: null,
    },
    {
      id: 1123,
      account_id: w.accountId,
      name: 'Completed calls to Slack',
      event: 'call_completed',
      target_url: 'http://hooks.example.com/slack/calls',
      call_status: 'completed',
      call_lead_status: null,
      team_id: team?.id ?? null,
      number_id: 1,
      field: null,
      filter: null,
    },
  ];
}
