import { parseArgs } from 'node:util';
import { rendererDistDir } from '../../core/platform/project-paths';
import { DEMO_PROVIDERS, isDemoProvider, type DemoOptions } from '../../hosts/demo-workspace';
import { startBrowserHost } from '../host/browser-host';
import { parsePort } from '../args';
import { UsageError } from '../output';
import type { CommandContext } from '../context';

/**
 * `callside serve [--port N] [--demo [--provider hotprospector|callingly|hipcall|callhub]] [--demo-port N]`:
 * runs until interrupted. `--provider` picks whose simulator the Demo workspace runs on (Hot
 * Prospector unless told; each keeps its own demo cache). `--demo-port` pins that simulator to
 * a known loopback port, so a person or a test can reach its /__sandbox control endpoints
 * (faults, counters) while the app uses it.
 */
export async function serveCommand(ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args: ctx.args,
    options: {
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'demo-port': { type: 'string' },
      provider: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const demo = values.demo ?? false;
  const demoOptions = readDemoOptions(values.provider, values['demo-port'], demo);
  const core = ctx.openCore({
    hostKind: 'browser',
    demo,
    // A long-running host: the agent's changes go out as they are made, not only on "Sync now".
    background: true,
    demoOptions,
  });
  const host = await startBrowserHost({ core, rendererDir: rendererDistDir(), port: parsePort(values.port) });
  // The tray's timers: today's board every refresh interval, the account logs every few seconds.
  core.tray.start();
  // The one line scripts and people look for; it holds the token, so it is printed nowhere else.
  process.stdout.write(`Callside is served at ${host.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await core.dispose();
  return 0;
}

function readDemoOptions(provider: string | undefined, port: string | undefined, demo: boolean): DemoOptions {
  if (provider !== undefined) {
    if (!demo) throw new UsageError("--provider picks the Demo workspace's simulator; use it with --demo.");
    if (!isDemoProvider(provider)) {
      throw new UsageError(`--provider must be one of ${DEMO_PROVIDERS.join(', ')}, not "${provider}".`);
    }
  }
  return {
    ...(provider === undefined ? {} : { provider }),
    ...(port === undefined ? {} : { port: parsePort(port) }),
  };
}
