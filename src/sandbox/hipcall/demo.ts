import type { StartDemoSimulator } from '../demo';
import { startHipcallSandbox } from './server';

/** The demo account's zone: the seeded business days and "today" are New York's. */
export const HIPCALL_DEMO_TIMEZONE = 'America/New_York';

/**
 * The Hipcall simulator for the Demo workspace. `leads` has no direct meaning on Hipcall (leads
 * come from calls): it is read as four calls per lead, at most 2,000 calls.
 */
export const startHipcallDemo: StartDemoSimulator = async (options) => {
  const sandbox = await startHipcallSandbox({
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.leads === undefined ? {} : { calls: Math.min(2_000, Math.max(20, options.leads * 4)) }),
    timezone: HIPCALL_DEMO_TIMEZONE,
    port: options.port ?? 0,
  });
  const { apiKey } = sandbox.credentials;
  return {
    account: { provider: 'hipcall', api: null, uid: '13', baseUrl: sandbox.baseUrl, timezone: HIPCALL_DEMO_TIMEZONE },
    apiKey,
    sandbox,
    describe: () => ({
      title: `Hipcall sandbox (${sandbox.data.cdrs.length} calls, ${sandbox.data.users.length} users, ${HIPCALL_DEMO_TIMEZONE})`,
      lines: [
        `  base URL: ${sandbox.baseUrl}`,
        `  control:  ${sandbox.controlUrl}`,
        `  API key:  ${apiKey}`,
        '',
        `Try: CALLSIDE_API_KEY=${apiKey} callside account add --provider hipcall --base-url ${sandbox.baseUrl} --timezone ${HIPCALL_DEMO_TIMEZONE} --uid 13`,
      ],
      json: { baseUrl: sandbox.baseUrl, controlUrl: sandbox.controlUrl, apiKey },
    }),
    close: () => sandbox.close(),
  };
};
