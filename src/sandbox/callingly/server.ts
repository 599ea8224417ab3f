import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counters, type CounterSnapshot } from '../counters';
import { BodyTooLargeError, jsonReply, readBody, send } from '../http';
import { VariantPicker, type VariantSettings } from '../variants';
import { handleControl } from '../control';
import {
  BEFORE_HANDLING,
  CallinglyFaultInjector,
  failBeforeHandling,
  sendCorrupted,
  type CallinglyFaultSettings,
} from './faults';
import { OPT_IN_VARIANTS, VARIANT_SITES } from './variants';
import { API_PREFIX, handleRoute, matchRoute, type CallinglyCredentials, type RouterRuntime } from './router';
import { CALLINGLY_DEFAULTS, generateCallinglyDataset } from './seed';
import { COMPANY } from './seed-corpus';
import { CallinglyState } from './state';
import type { ClClient, ClDataset, ClFixtureIds } from './types';

/**
 * The Callingly simulator as a real HTTP server on loopback: the REST API under /v1 (the base
 * URL a client is given ends in /v1, like https://api.callingly.com/v1) and a control surface
 * under /__sandbox. Tests and the Demo workspace start one in-process.
 */

/** Not a secret: the sandbox is a local simulator and prints it for anyone to use. */
export const CALLINGLY_DEMO_API_KEY = 'demo-key-callingly-sandbox';

export interface CallinglySandboxOptions {
  seed?: number;
  /** Leads in the account (default 300, at least 3: the fixtures). */
  leads?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Pins the clock: the data's "today" and every answer use it. Default: the real time. */
  now?: Date;
  /** The account's zone (default America/Phoenix, the doc's only zone). */
  timezone?: string;
  /**
   * Makes the key an agency's: requests must name this client in `account_id`. The data's
   * account_id fields carry it. Numeric, as Callingly's ids are.
   */
  accountId?: string | number;
  apiKey?: string;
  faults?: CallinglyFaultSettings;
  variants?: VariantSettings;
  /** A prebuilt dataset (then `seed`, `leads`, `timezone` only label it). */
  dataset?: ClDataset;
}

export interface CallinglySandbox {
  /** http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  /** http://127.0.0.1:PORT/__sandbox */
  controlUrl: string;
  credentials: CallinglyCredentials;
  timezone: string;
  fixtures: ClFixtureIds;
  /** The live store, for tests that check an effect directly. */
  state: CallinglyState;
  counters(): CounterSnapshot;
  resetCounters(): void;
  /** Replaces the fault settings (including the `next` queue); `{}` turns faults off. */
  setFaults(settings: CallinglyFaultSettings): void;
  faults(): CallinglyFaultSettings;
  setVariants(settings: VariantSettings): void;
  close(): Promise<void>;
}

export async function startCallinglySandbox(options: CallinglySandboxOptions = {}): Promise<CallinglySandbox> {
  const seed = options.seed ?? CALLINGLY_DEFAULTS.seed;
  const agencyClient = options.accountId === undefined ? null : String(options.accountId);
  if (agencyClient !== null && !/^\d+$/.test(agencyClient)) throw new Error('accountId must be a whole number.');
  const dataset =
    options.dataset ??
    generateCallinglyDataset({
      seed,
      leads: options.leads,
      now: options.now,
      timezone: options.timezone,
      accountId: agencyClient === null ? undefined : Number(agencyClient),
    });
  const pinnedNow = options.now === undefined ? null : options.now.getTime();
  const credentials: CallinglyCredentials = {
    apiKey: options.apiKey ?? CALLINGLY_DEMO_API_KEY,
    accountId: agencyClient,
  };
  const clients: ClClient[] =
    agencyClient === null
      ? []
      : [
          {
            id: dataset.accountId,
            name: COMPANY.name,
            email: `office@${COMPANY.domain}`,
            billedUsers: 7,
            billedNumbers: 3,
          },
          {
            id: dataset.accountId + 7,
            name: 'Valley Pool Pros',
            email: 'hello@valleypools.example',
            billedUsers: 3,
            billedNumbers: 1,
          },
          {
            id: dataset.accountId + 13,
            name: 'Copper State Plumbing',
            email: 'ops@copperstate.example',
            billedUsers: 12,
            billedNumbers: 2,
          },
        ];
  const state = new CallinglyState(dataset);
  const counters = new Counters();
  const faults = new CallinglyFaultInjector(seed, options.faults);
  const variants = new VariantPicker(seed, options.variants);
  const runtime: RouterRuntime = {
    state,
    variants,
    counters,
    now: () => pinnedNow ?? Date.now(),
    zone: dataset.timeZone,
    credentials,
    clients,
  };

  let urls = { baseUrl: '', controlUrl: '' };
  const info = (): unknown => ({
    ...urls,
    credentials,
    timezone: dataset.timeZone,
    accountId: dataset.accountId,
    fixtures: dataset.fixtures,
    counts: {
      teams: dataset.teams.length,
      agents: dataset.agents.length,
      leads: state.liveLeads().length,
      calls: dataset.calls.length,
    },
  });

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, jsonReply({ message: 'Server Error' }, 500));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const path = url.pathname;
    if (path.startsWith('/__sandbox/'))
      return handleControl(path, req, res, {
        counters,
        faults,
        variants,
        variantSites: VARIANT_SITES,
        optInVariants: OPT_IN_VARIANTS,
        info,
      });

    const method = (req.method ?? 'GET').toUpperCase();
    const match = matchRoute(method, path);
    const key = 'route' in match ? match.route.key : match.key;
    counters.request(key);
    const names = 'route' in match ? [key, match.route.pattern, path.slice(API_PREFIX.length)] : [key];
    const decision = faults.decide(names);
    if (decision.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
    if (decision.kind && BEFORE_HANDLING.has(decision.kind)) return failBeforeHandling(decision.kind, faults, req, res);

    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return send(res, jsonReply({ message: 'Payload Too Large' }, 413));
      throw error;
    }
    let reply;
    if ('route' in match) {
      const fields = requestFields(url.searchParams, body, req.headers['content-type']);
      if (fields === null) {
        reply = jsonReply({ message: 'Syntax error' }, 400);
      } else {
        const handled = handleRoute(match.route, fields, req.headers.authorization, runtime);
        if (handled.applied) counters.applied(key);
        reply = handled.reply;
      }
    } else {
      reply = match.error;
    }
    if (decision.kind) return sendCorrupted(decision.kind, reply, res);
    send(res, reply);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  urls = { baseUrl: `${origin}${API_PREFIX}`, controlUrl: `${origin}/__sandbox` };

  return {
    ...urls,
    credentials,
    timezone: dataset.timeZone,
    fixtures: dataset.fixtures,
    state,
    counters: () => counters.snapshot(),
    resetCounters: () => counters.reset(),
    setFaults: (settings) => faults.set(settings),
    faults: () => faults.get(),
    setVariants: (settings) => variants.set(settings),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Query fields with the body's on top (JSON object or a form), as Laravel's input() merges them; null for a body that does not parse. */
function requestFields(
  query: URLSearchParams,
  body: string,
  contentType: string | undefined,
): Record<string, unknown> | null {
  const fields: Record<string, unknown> = Object.fromEntries(query);
  const trimmed = body.trim();
  if (trimmed === '') return fields;
  if ((contentType ?? '').includes('json') || trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
      return { ...fields, ...(parsed as Record<string, unknown>) };
    } catch {
      return null;
    }
  }
  return { ...fields, ...Object.fromEntries(new URLSearchParams(trimmed)) };
}
