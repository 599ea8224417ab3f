import { beforeEach, describe, expect, it } from 'vitest';
import { app, resetFakeElectron } from '../../fakes/electron';
import { DeepLinkRouter, listenForDeepLinks, registerProtocolClient } from '../../../src/main/protocol';
import type { DeepLink } from '../../../src/shared/deep-link';

/** callside:// links: registration, and the three ways a link reaches the running app. */
describe('callside:// protocol handling', () => {
  beforeEach(() => resetFakeElectron());

  it('registers the packaged app as the callside: handler', () => {
    expect(
      registerProtocolClient(app as never, { execPath: '/opt/Callside/callside', argv: ['/opt/Callside/callside'] }),
    ).toBe(true);
    expect(app.protocolClients.get('callside')).toEqual({});
  });

  it('registers a development run (electron .) with the app path, or the OS would start a bare Electron', () => {
    registerProtocolClient(app as never, {
      defaultApp: true,
      execPath: '/usr/lib/electron/electron',
      argv: ['/usr/lib/electron/electron', '/home/agent/callside'],
    });
    expect(app.protocolClients.get('callside')).toEqual({
      path: '/usr/lib/electron/electron',
      args: ['/home/agent/callside'],
    });
  });

  it('pops the number the app was started with (Windows/Linux argv)', () => {
    const router = new DeepLinkRouter();
    const seen: DeepLink[] = [];
    listenForDeepLinks(app as never, router, {
      argv: ['/opt/Callside/callside', '--no-sandbox', 'callside://pop?phone=%2B15551234567'],
      onSecondInstance: () => {},
    });
    router.attach((link) => seen.push(link));
    expect(seen).toEqual([{ kind: 'pop', phone: '+15551234567' }]);
  });

  it('pops from a second start: its argv arrives as second-instance, and no extra window is raised', () => {
    const router = new DeepLinkRouter();
    const seen: DeepLink[] = [];
    let raised = 0;
    listenForDeepLinks(app as never, router, { argv: ['/opt/Callside/callside'], onSecondInstance: () => raised++ });
    router.attach((link) => seen.push(link));
    app.emit('second-instance', {}, ['/opt/Callside/callside', 'callside://pop?phone=(555) 123-4567'], '/home/agent');
    expect(seen).toEqual([{ kind: 'pop', phone: '(555) 123-4567' }]);
    expect(raised).toBe(0);
    // A plain second start (the agent clicked the launcher again) brings the window up.
    app.emit('second-instance', {}, ['/opt/Callside/callside'], '/home/agent');
    expect(raised).toBe(1);
  });

  it('takes macOS open-url, even before the app is ready, and keeps macOS from handling it again', () => {
    const router = new DeepLinkRouter();
    listenForDeepLinks(app as never, router, { argv: [], onSecondInstance: () => {} });
    let prevented = false;
    app.emit('open-url', { preventDefault: () => (prevented = true) }, 'callside://lead?id=123');
    expect(prevented).toBe(true);
    const seen: DeepLink[] = [];
    router.attach((link) => seen.push(link));
    expect(seen).toEqual([{ kind: 'lead', leadId: '123' }]);
    app.emit('open-url', { preventDefault: () => {} }, 'callside://pop?phone=5551234567');
    expect(seen).toHaveLength(2);
  });

  it('ignores links that are not ours or carry garbage', () => {
    const router = new DeepLinkRouter();
    const seen: DeepLink[] = [];
    router.attach((link) => seen.push(link));
    listenForDeepLinks(app as never, router, {
      argv: ['https://evil.example/?callside://pop?phone=1', 'callside://pop?phone=<script>'],
      onSecondInstance: () => {},
    });
    app.emit('open-url', { preventDefault: () => {} }, 'callside://exec?cmd=rm');
    app.emit('second-instance', {}, ['callside://pop?phone=javascript:alert(1)'], '/');
    expect(seen).toEqual([]);
  });
});
