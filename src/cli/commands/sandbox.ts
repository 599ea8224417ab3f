import { parseArgs } from 'node:util';
import { DEMO_SIMULATORS, type DemoSimulator } from '../../sandbox/demo';
import { demoProviderSchema, type DemoProvider } from '../../shared/domain';
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
  const port = parsePort(values.port);
  const running: Array<[DemoProvider, DemoSimulator]> = [];
  try {
    for (const provider of demoProviderSchema.options) {
      // --port stays Hot Prospector's, as it always was; the others take free ports beside it.
      const start = DEMO_SIMULATORS[provider];
      running.push([provider, await start({ seed, leads, port: provider === 'hotprospector' ? port : 0 })]);
    }
  } catch (error) {
    await Promise.all(running.map(([, simulator]) => simulator.close()));
    throw error;
  }
  const described = running.map(([provider, simulator]) => [provider, simulator.describe()] as const);
  const info = {
    ...Object.fromEntries(described.map(([provider, about]) => [provider, about.json])),
    seed,
    leads,
  };
  ctx.output.result(info, () => described.map(([, about]) => [about.title, ...about.lines].join('\n')).join('\n\n'));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.all(running.map(([, simulator]) => simulator.close()));
  return 0;
}

function wholeNumber(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`${flag} must be a whole number, not "${value}".`);
  return number;
}
