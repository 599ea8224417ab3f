import type { StartDemoSimulator } from '../demo';
import { startCallhubSandbox } from './server';

/**
 * The CallHub simulator as the Demo workspace runs it: the account a CallHub user would add
 * (its base URL on the simulator, numbers without `+` read in the US), and the demo key.
 */
export const startCallhubDemo: StartDemoSimulator = async (options) => {
  const sandbox = await startCallhubSandbox({
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.leads === undefined ? {} : { contacts: options.leads }),
    port: options.port ?? 0,
  });
  const { apiKey, baseUrl, controlUrl } = sandbox;
  return {
    account: { provider: 'callhub', api: null, uid: '', baseUrl, timezone: 'UTC', region: 'US' },
    apiKey,
    sandbox,
    describe: () => ({
      title: `CallHub sandbox (${sandbox.state.liveContacts().length} contacts)`,
      lines: [
        `  base URL: ${baseUrl}`,
        `  control:  ${controlUrl}`,
        `  API key:  ${apiKey}`,
        '',
        `Try: CALLSIDE_API_KEY=${apiKey} callside account add --provider callhub --base-url ${baseUrl} --region US`,
      ],
      // Demo credentials of a simulator on loopback: printed on purpose, they open nothing else.
      json: { baseUrl, controlUrl, apiKey },
    }),
    close: () => sandbox.close(),
  };
};
