import { parseArgs } from 'node:util';
import { rendererDistDir } from '../../core/platform/project-paths';
import { startBrowserHost } from '../host/browser-host';
import { parsePort } from '../args';
import type { CommandContext } from '../context';

/**
 * `callside serve [--port N] [--demo] [--demo-port N]`: runs until interrupted. `--demo-port`
 * pins the Demo workspace's simulator to a known loopback port, so a person or a test can reach
 * its /__sandbox control endpoints (faults, counters) while the app uses it.
 */
export async function serveCommand(ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args: ctx.args,
    options: {
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'demo-port': { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const demoPort = values['demo-port'];
  const core = ctx.openCore({
    hostKind: 'browser',
    demo: values.demo ?? false,
    // A long-running host: the agent's changes go out as they are made, not only on "Sync now".
    background: true,
    ...(demoPort === undefined ? {} : { demoOptions: { port: parsePort(demoPort) } }),
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
