import { parseArgs } from 'node:util';
import { startCallinglySandbox, startHotProspectorSandbox } from '../../sandbox';
import { parsePort } from '../args';
import type { CommandContext } from '../context';
import { UsageError } from '../output';

/** `callside sandbox [--port N] [--seed N] [--leads N]`: the simulators, until interrupted. */
export async function sandboxCommand(ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args: ctx.args,
    options: {
      port: { type: 'string' },
      seed: { type: 'string', default: '1' },
      leads: { type: 'string', default: '500' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const seed = wholeNumber('--seed', values.seed);
  const leads = wholeNumber('--leads', values.leads);
  const sandbox = await startHotProspectorSandbox({ port: parsePort(values.port), seed, leads });
  // Beside it on a free port; --port stays Hot Prospector's, as before.
  const callingly = await startCallinglySandbox({ seed });
  const info = {
    hotprospector: {
      v1Url: sandbox.v1Url,
      v2BaseUrl: sandbox.v2BaseUrl,
      controlUrl: `${sandbox.baseUrl}/__sandbox`,
      // Demo credentials of a simulator on loopback: printed on purpose, they open nothing else.
      uid: sandbox.credentials.uid,
      apiKey: sandbox.credentials.apiKey,
    },
    callingly: {
      baseUrl: callingly.baseUrl,
      controlUrl: callingly.controlUrl,
      apiKey: callingly.credentials.apiKey,
      accountId: callingly.credentials.accountId,
    },
    seed,
    leads,
  };
  ctx.output.result(info, () =>
    [
      `Hot Prospector sandbox (seed ${seed}, ${leads} leads)`,
      `  V1:       ${info.hotprospector.v1Url}`,
      `  V2:       ${info.hotprospector.v2BaseUrl}`,
      `  control:  ${info.hotprospector.controlUrl}`,
      `  api_uId:  ${info.hotprospector.uid}`,
      `  api_key:  ${info.hotprospector.apiKey}`,
      '',
      `Try: CALLSIDE_API_KEY=${info.hotprospector.apiKey} callside account add --api v2 --uid ${info.hotprospector.uid} --base-url ${info.hotprospector.v2BaseUrl}`,
      '',
      `Callingly sandbox (seed ${seed}, ${callingly.state.data.leads.length} leads, ${callingly.timezone})`,
      `  base URL: ${info.callingly.baseUrl}`,
      `  control:  ${info.callingly.controlUrl}`,
      `  API key:  ${info.callingly.apiKey}`,
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.all([sandbox.close(), callingly.close()]);
  return 0;
}

function wholeNumber(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`${flag} must be a whole number, not "${value}".`);
  return number;
}
