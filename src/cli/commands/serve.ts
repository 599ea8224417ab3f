import { parseArgs } from 'node:util';
import { rendererDistDir } from '../../main/core/platform/project-paths';
import { startBrowserHost } from '../host/browser-host';
import { parsePort } from '../args';
import type { CommandContext } from '../context';

/** `callside serve [--port N] [--demo]`: runs until interrupted. */
export async function serveCommand(ctx: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args: ctx.args,
    options: { port: { type: 'string' }, demo: { type: 'boolean', default: false }, json: { type: 'boolean' } },
    strict: true,
  });
  const core = ctx.openCore({ hostKind: 'browser', demo: values.demo ?? false });
  const host = await startBrowserHost({ core, rendererDir: rendererDistDir(), port: parsePort(values.port) });
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
