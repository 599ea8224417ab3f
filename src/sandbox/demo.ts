import type { AccountSummary, DemoProvider } from '../shared/domain';
import { startCallhubDemo } from './callhub/demo';
import { startCallinglySandbox } from './callingly/server';
import { startHipcallDemo } from './hipcall/demo';
import { startHotProspectorSandbox } from './hotprospector/server';

/**
 * A provider's simulator as the Demo workspace uses it: the account a real user of that
 * provider would add (only its address points at the simulator), the key that opens it, and
 * the simulator itself for its fault and counter controls. One entry per simulator below: the
 * hosts start whichever the agent picked without knowing any provider by name.
 */
export interface DemoSimulator<Sandbox = unknown> {
  account: AccountSummary;
  apiKey: string;
  /** The running simulator (tests reach its faults and counters through it). */
  sandbox: Sandbox;
  /** What `callside sandbox` prints for it: addresses and credentials a person can paste. */
  describe(): { title: string; lines: string[]; json: Record<string, unknown> };
  close(): Promise<void>;
}

export interface DemoSimulatorOptions {
  seed?: number;
  leads?: number;
  /** 0 (default) picks a free port. */
  port?: number;
}

export type StartDemoSimulator = (options: DemoSimulatorOptions) => Promise<DemoSimulator>;

/** Hot Prospector demos have always had 2,000 leads from seed 7. */
const HOT_PROSPECTOR_DEMO = { seed: 7, leads: 2_000 } as const;

const startHotProspectorDemo: StartDemoSimulator = async (options) => {
  const seed = options.seed ?? HOT_PROSPECTOR_DEMO.seed;
  const leads = options.leads ?? HOT_PROSPECTOR_DEMO.leads;
  const sandbox = await startHotProspectorSandbox({ seed, leads, port: options.port ?? 0 });
  const { uid, apiKey } = sandbox.credentials;
  const controlUrl = `${sandbox.baseUrl}/__sandbox`;
  return {
    account: { provider: 'hotprospector', api: 'v2', uid, baseUrl: sandbox.v2BaseUrl, timezone: 'America/Los_Angeles' },
    apiKey,
    sandbox,
    describe: () => ({
      title: `Hot Prospector sandbox (seed ${seed}, ${leads} leads)`,
      lines: [
        `  V1:       ${sandbox.v1Url}`,
        `  V2:       ${sandbox.v2BaseUrl}`,
        `  control:  ${controlUrl}`,
        `  api_uId:  ${uid}`,
        `  api_key:  ${apiKey}`,
        '',
        `Try: CALLSIDE_API_KEY=${apiKey} callside account add --api v2 --uid ${uid} --base-url ${sandbox.v2BaseUrl}`,
      ],
      // Demo credentials of a simulator on loopback: printed on purpose, they open nothing else.
      json: { v1Url: sandbox.v1Url, v2BaseUrl: sandbox.v2BaseUrl, controlUrl, uid, apiKey },
    }),
    close: () => sandbox.close(),
  };
};

const startCallinglyDemo: StartDemoSimulator = async (options) => {
  const sandbox = await startCallinglySandbox({
    // The simulator's own defaults make a believable team's day; a seed or size is passed only when asked for.
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.leads === undefined ? {} : { leads: options.leads }),
    port: options.port ?? 0,
  });
  const { apiKey, accountId } = sandbox.credentials;
  return {
    // The account's zone is the simulator's: Callingly's zone-less times are its wall clock.
    account: {
      provider: 'callingly',
      api: null,
      uid: '',
      baseUrl: sandbox.baseUrl,
      timezone: sandbox.timezone,
      accountId,
    },
    apiKey,
    sandbox,
    describe: () => ({
      title: `Callingly sandbox (${sandbox.state.data.leads.length} leads, ${sandbox.timezone})`,
      lines: [
        `  base URL: ${sandbox.baseUrl}`,
        `  control:  ${sandbox.controlUrl}`,
        `  API key:  ${apiKey}`,
        '',
        `Try: CALLSIDE_API_KEY=${apiKey} callside account add --provider callingly --base-url ${sandbox.baseUrl} --timezone ${sandbox.timezone}`,
      ],
      json: { baseUrl: sandbox.baseUrl, controlUrl: sandbox.controlUrl, apiKey, accountId },
    }),
    close: () => sandbox.close(),
  };
};

/** Every simulator the Demo workspace and `callside sandbox` can start. Adding one is adding a line. */
export const DEMO_SIMULATORS: Readonly<Record<DemoProvider, StartDemoSimulator>> = {
  hotprospector: startHotProspectorDemo,
  callingly: startCallinglyDemo,
  hipcall: startHipcallDemo,
  callhub: startCallhubDemo,
};
