import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLargeError, htmlReply, readBody, send } from '../http';
import { handleControl } from './control';
import { Counters, type CounterSnapshot } from './counters';
import { FAULTS_BEFORE_HANDLING, failBeforeHandling, sendCorrupted } from './fault-replies';
import { FaultInjector, type FaultSettings } from './faults';
import { nginxErrorPage } from './php';
import { parseRequestFields } from './request-fields';
import { routeV1, v1Target, type V1Credentials } from './router-v1';
import { V2_PREFIX, routeV2, v2Target, type V2Runtime } from './router-v2';
import { generateDataset, DATASET_DEFAULTS, type DatasetOptions } from './seed';
import { HotProspectorState } from './state';
import { TokenStore } from './tokens';
import type { Dataset, SbFixtureIds } from './types';
import { VariantPicker, type VariantSettings } from './variants';

/**
 * The Hot Prospector simulator as a real HTTP server on loopback: V1 at /glu/custom_api, V2
 * under /glu/api/v2, and a control surface under /__sandbox. The Demo workspace, every test
 * and the benchmarks start one of these in-process.
 */

export const V1_PATH = '/glu/custom_api';

/** Not secrets: the sandbox is a local simulator and prints these for anyone to use. */
export const DEMO_CREDENTIALS: V1Credentials = { uid: '4242', apiKey: 'demo-key-callside-sandbox' };

export interface HotProspectorSandboxOptions extends DatasetOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: the simulator has no authentication worth the name. */
  host?: '127.0.0.1';
  /**
   * A prebuilt dataset (e.g. shared by a benchmark); otherwise one is generated from the options.
   * Pass the `now` it was built with as well to pin the clock the responses use.
   */
  dataset?: Dataset;
  faults?: FaultSettings;
  variants?: VariantSettings;
  credentials?: V1Credentials;
}

export interface HotProspectorSandbox {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** The V1 endpoint: POST here with api_uId, api_key and Method. */
  v1Url: string;
  /** The V2 base: append /auth/token, /auth/refresh, /auth/revoke or /request. */
  v2BaseUrl: string;
  credentials: V1Credentials;
  fixtures: SbFixtureIds;
  /** The live store, for tests that check an effect directly. */
  state: HotProspectorState;
  counters(): CounterSnapshot;
  resetCounters(): void;
  /** Replaces the fault settings (including the `next` queue); `{}` turns faults off. */
  setFaults(settings: FaultSettings): void;
  faults(): FaultSettings;
  setVariants(settings: VariantSettings): void;
  /** Expires every V2 access token issued so far (refresh tokens stay valid). */
  expireTokens(): void;
  close(): Promise<void>;
}

export async function startHotProspectorSandbox(
  options: HotProspectorSandboxOptions = {},
): Promise<HotProspectorSandbox> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('The sandbox listens on 127.0.0.1 only.');
  const seed = options.seed ?? DATASET_DEFAULTS.seed;
  const dataset = options.dataset ?? generateDataset({ ...options, seed });
  const pinnedNow = options.now === undefined ? null : new Date(options.now).getTime();
  const credentials = options.credentials ?? DEMO_CREDENTIALS;
  const state = new HotProspectorState(dataset);
  const counters = new Counters();
  const faults = new FaultInjector(seed, options.faults);
  const variants = new VariantPicker(seed, options.variants);
  const tokens = new TokenStore();
  const runtime: V2Runtime = {
    state,
    variants,
    counters,
    now: () => pinnedNow ?? Date.now(),
    zone: dataset.timeZone,
    seed,
    tokens,
    faults,
    credentials,
  };

  let urls = { baseUrl: '', v1Url: '', v2BaseUrl: '' };
  const info = (): unknown => ({
    ...urls,
    credentials,
    fixtures: dataset.fixtures,
    counts: {
      leads: dataset.leads.length,
      calls: dataset.calls.length,
      sms: dataset.sms.length,
      rvm: dataset.rvm.length,
      notes: dataset.notes.length,
    },
  });

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // A bug in a handler must look like what PHP would send, not kill the process.
      if (!res.headersSent) send(res, htmlReply(nginxErrorPage(500), 500));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const path = url.pathname;
    if (path.startsWith('/__sandbox/')) {
      return handleControl(path, req, res, { counters, faults, variants, tokens, info });
    }
    const api = path === V1_PATH ? 'v1' : path.startsWith(`${V2_PREFIX}/`) ? 'v2' : null;
    if (!api) return send(res, htmlReply(nginxErrorPage(404), 404));

    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return send(res, htmlReply(nginxErrorPage(413), 413));
      throw error;
    }
    const fields = parseRequestFields(body, url.searchParams);
    const target = api === 'v1' ? v1Target(fields) : v2Target(path, fields);
    counters.request(target);

    const decision = faults.decide(target);
    if (decision.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
    if (decision.kind && FAULTS_BEFORE_HANDLING.has(decision.kind)) {
      return failBeforeHandling(decision.kind, faults.status5xx(), req, res);
    }
    const reply =
      api === 'v1' ? routeV1(fields, credentials, runtime) : routeV2(path, fields, req.headers.authorization, runtime);
    if (decision.kind) return sendCorrupted(decision.kind, reply, res);
    send(res, reply);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://${host}:${port}`;
  urls = { baseUrl, v1Url: `${baseUrl}${V1_PATH}`, v2BaseUrl: `${baseUrl}${V2_PREFIX}` };

  return {
    ...urls,
    credentials,
    fixtures: dataset.fixtures,
    state,
    counters: () => counters.snapshot(),
    resetCounters: () => counters.reset(),
    setFaults: (settings) => faults.set(settings),
    faults: () => faults.get(),
    setVariants: (settings) => variants.set(settings),
    expireTokens: () => tokens.expireAccessTokens(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
