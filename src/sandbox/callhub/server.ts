import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counters, type CounterSnapshot } from '../counters';
import { BodyTooLargeError, jsonReply, readBody, send } from '../http';
import { VariantPicker, type VariantSettings } from '../variants';
import { handleControl } from '../control';
import {
  BEFORE_HANDLING,
  CallhubFaultInjector,
  failBeforeHandling,
  sendCorrupted,
  type CallhubFaultSettings,
} from './faults';
import { OPT_IN_VARIANTS, VARIANT_SITES } from './variants';
import { API_PREFIX, handleRoute, matchRoute, type RouterRuntime } from './router';
import { CALLHUB_DEFAULTS, generateCallhubDataset } from './seed';
import { CallhubState } from './state';
import type { ChDataset } from './types';

/**
 * The CallHub simulator as a real HTTP server on loopback: the API under /v1 (a client's base
 * URL ends in /v1, like https://api.callhub.io/v1), DRF's `Token` auth, trailing-slash
 * redirects, both list shapes, and a control surface under /__sandbox.
 */

/** Not a secret: the sandbox is a local simulator and prints it for anyone to use. */
export const CALLHUB_DEMO_API_KEY = 'demo-key-callhub-sandbox';

export interface CallhubSandboxOptions {
  seed?: number;
  /** Contacts in the account (default 45, at least 12: the fixtures). */
  contacts?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Pins the clock: history times, notes, dialers and the bulk-create throttle use it. */
  now?: Date;
  apiKey?: string;
  /** The account's country: contacts without country_code keep national numbers of it (default US). */
  region?: 'US' | 'GB';
  faults?: CallhubFaultSettings;
  /** Default `{mode: 'first'}`: DRF pages with same-host next links. */
  variants?: VariantSettings;
}

export interface CallhubSandbox {
  /** http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  controlUrl: string;
  apiKey: string;
  fixtures: ChDataset['fixtures'];
  /** The live store, for tests that check an effect directly. */
  state: CallhubState;
  counters(): CounterSnapshot;
  resetCounters(): void;
  setFaults(settings: CallhubFaultSettings): void;
  setVariants(settings: VariantSettings): void;
  close(): Promise<void>;
}

export async function startCallhubSandbox(options: CallhubSandboxOptions = {}): Promise<CallhubSandbox> {
  const seed = options.seed ?? CALLHUB_DEFAULTS.seed;
  const pinned = options.now?.getTime() ?? null;
  const state = new CallhubState(
    generateCallhubDataset({
      seed,
      contacts: options.contacts,
      ...(options.region ? { region: options.region } : {}),
      ...(options.now ? { now: options.now } : {}),
    }),
  );
  const apiKey = options.apiKey ?? CALLHUB_DEMO_API_KEY;
  const counters = new Counters();
  const faults = new CallhubFaultInjector(seed, options.faults);
  const defaultVariants: VariantSettings = { mode: 'first' };
  const variants = new VariantPicker(seed, options.variants ?? defaultVariants);
  let origin = '';
  const runtime: RouterRuntime = {
    state,
    variants,
    counters,
    now: () => pinned ?? Date.now(),
    apiKey,
    origin: () => origin,
  };
  const info = (): unknown => ({
    baseUrl: `${origin}${API_PREFIX}`,
    controlUrl: `${origin}/__sandbox`,
    apiKey,
    fixtures: state.data.fixtures,
    counts: {
      contacts: state.liveContacts().length,
      phonebooks: state.data.phonebooks.length,
      notes: state.notes.length,
    },
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    if (url.pathname.startsWith('/__sandbox/'))
      return handleControl(url.pathname, req, res, {
        counters,
        faults,
        variants,
        variantSites: VARIANT_SITES,
        optInVariants: OPT_IN_VARIANTS,
        info,
      });
    if (!url.pathname.startsWith(`${API_PREFIX}/`)) return send(res, jsonReply({ detail: 'Not found.' }, 404));
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.slice(API_PREFIX.length);
    const match = matchRoute(method, path);
    counters.request(match.key);
    // The path with its query names one page of a list ("/contacts/?page=2") for `only`.
    const decision = faults.decide([match.key, path, `${path}${url.search}`]);
    if (decision.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
    if (decision.kind && BEFORE_HANDLING.has(decision.kind)) return failBeforeHandling(decision.kind, faults, req, res);
    let text: string;
    try {
      text = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return send(res, jsonReply({ detail: 'Request too large.' }, 413));
      throw error;
    }
    let reply;
    if ('route' in match) {
      const body = parseBody(text);
      if (body === undefined) {
        reply = jsonReply({ detail: 'JSON parse error.' }, 400);
      } else {
        const handled = handleRoute(
          match,
          { method, path, query: url.searchParams, body, authorization: req.headers.authorization },
          runtime,
        );
        if (handled.applied) counters.applied(match.key);
        reply = handled.reply;
      }
    } else {
      reply = match.reply;
    }
    if (decision.kind) return sendCorrupted(decision.kind, reply, res);
    send(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, jsonReply({ detail: 'Server Error (500)' }, 500));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl: `${origin}${API_PREFIX}`,
    controlUrl: `${origin}/__sandbox`,
    apiKey,
    fixtures: state.data.fixtures,
    state,
    counters: () => counters.snapshot(),
    resetCounters: () => counters.reset(),
    setFaults: (settings) => faults.set(settings),
    setVariants: (settings) => variants.set(settings),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A JSON object body, or none; undefined when it does not parse (DRF's 400). */
function parseBody(text: string): Record<string, unknown> | null | undefined {
  if (text.trim() === '') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
