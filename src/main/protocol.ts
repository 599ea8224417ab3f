import type { App } from 'electron';
import { resolve } from 'node:path';
import { DEEP_LINK_SCHEME, findDeepLink, parseDeepLink, type DeepLink } from '../shared/deep-link';

/**
 * `callside://` links: the softphone opens `callside://pop?phone=…` when a call rings. How a
 * link arrives depends on the platform and on whether Callside already runs:
 *
 * - Windows/Linux, not running: in this process's argv.
 * - Windows/Linux, running: a second instance starts, loses the single-instance lock and quits;
 *   its argv reaches this one as `second-instance`.
 * - macOS: the `open-url` event, possibly before the app is ready.
 *
 * All three end in one DeepLinkRouter, which holds links until the shell is ready for them.
 */

export class DeepLinkRouter {
  private handler: ((link: DeepLink) => void) | null = null;
  private readonly waiting: DeepLink[] = [];

  handle(link: DeepLink): void {
    if (this.handler) this.handler(link);
    else this.waiting.push(link);
  }

  /** Sets the handler and replays what arrived before it. */
  attach(handler: (link: DeepLink) => void): void {
    this.handler = handler;
    for (const link of this.waiting.splice(0)) handler(link);
  }
}

/**
 * Makes this executable the OS handler for callside:. A development run (`electron .`) is
 * registered with the app path as its argument, or the OS would start a bare Electron.
 */
export function registerProtocolClient(
  app: Pick<App, 'setAsDefaultProtocolClient'>,
  proc: { defaultApp?: boolean; execPath: string; argv: readonly string[] },
): boolean {
  if (proc.defaultApp) {
    const appPath = proc.argv[1];
    if (!appPath) return false;
    return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, proc.execPath, [resolve(appPath)]);
  }
  return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
}

/**
 * Wires the three ways a link arrives. Call before the app is ready (macOS sends `open-url`
 * early). A second start without a link runs `onSecondInstance` (bring the window up).
 */
export function listenForDeepLinks(
  app: Pick<App, 'on'>,
  router: DeepLinkRouter,
  options: { argv: readonly string[]; onSecondInstance: () => void },
): void {
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const link = parseDeepLink(url);
    if (link) router.handle(link);
  });
  app.on('second-instance', (_event, argv) => {
    const link = findDeepLink(argv);
    if (link) router.handle(link);
    else options.onSecondInstance();
  });
  const first = findDeepLink(options.argv);
  if (first) router.handle(first);
}
