import { describe, expect, it } from 'vitest';
import { FakeSession, FakeWebContents, shell, type BrowserWindow as FakeBrowserWindow } from '../../fakes/electron';
import {
  denyAllPermissions,
  hardenWebContents,
  isAllowedExternalUrl,
  openExternalChecked,
} from '../../../src/main/security';
import { createAppWindow } from '../../../src/main/window';

const RENDERER = { url: 'file:///opt/callside/out/renderer/index.html' };

describe('window security', () => {
  it('creates windows with context isolation, sandbox, no node integration and the preload', () => {
    const window = createAppWindow({
      renderer: RENDERER,
      preloadPath: '/opt/callside/out/preload/index.cjs',
      route: '/tray',
    }) as unknown as FakeBrowserWindow;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/opt/callside/out/preload/index.cjs',
    });
    expect(window.loadedUrl).toBe(`${RENDERER.url}#/tray`);
  });

  it('blocks navigation away from the app but allows in-app routes', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, RENDERER, () => {});
    expect(contents.emitCancellable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitCancellable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emitCancellable('will-navigate', `${RENDERER.url}#/tray`)).toBe(false);
    expect(contents.emitCancellable('will-attach-webview')).toBe(true);
  });

  it('denies window.open and hands only allowlisted schemes to the OS', () => {
    const contents = new FakeWebContents();
    const opened: string[] = [];
    hardenWebContents(contents as never, RENDERER, (url) => opened.push(url));
    for (const url of [
      'tel:+15551234567',
      'https://example.com',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'http://x',
    ]) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['tel:+15551234567', 'https://example.com']);
    expect(shell.opened).toEqual([]);
  });

  it('allows tel:, sip:, callto: and https only', () => {
    expect(['tel:1', 'sip:a@b', 'callto:1', 'https://a'].every(isAllowedExternalUrl)).toBe(true);
    expect(['http://a', 'data:text/html,x', 'file:///x', 'not a url', 'smb://x'].some(isAllowedExternalUrl)).toBe(
      false,
    );
  });

  it('denies every permission request and check', () => {
    const session = new FakeSession();
    denyAllPermissions(session as never);
    const answers: boolean[] = [];
    session.permissionRequestHandler?.(null, 'media', (granted) => answers.push(granted));
    session.permissionRequestHandler?.(null, 'notifications', (granted) => answers.push(granted));
    expect(answers).toEqual([false, false]);
    expect(session.permissionCheckHandler?.()).toBe(false);
  });
});

describe('click-to-call payloads re-checked in main', () => {
  const good = [
    'tel:+15551234567',
    'tel:911',
    'tel:555-010-9999',
    'tel:+1(555)010.9999',
    'callto:+15551234567',
    'sip:+15551234567',
    'sip:agent@pbx.example',
    'sip:agent.7@pbx.example:5060',
    'TEL:+15551234567',
  ];
  const bad = [
    'tel:+1555;rm -rf',
    'tel:+1555;rm -rf /',
    'tel:javascript:alert(1)',
    'tel:+1555\u0000',
    'tel:+1555\n--flag',
    'tel:+1555\u202e',
    'tel:+1555%0a',
    'tel:+1 555 010 9999',
    'tel:+1555?body=x',
    'tel:+1555#frag',
    'tel:',
    'tel:+',
    'tel:--',
    `tel:+1${'5'.repeat(20)}`,
    `tel:+1${'-'.repeat(40)}5`,
    'callto:+1555 & calc.exe',
    'callto:echo123;x',
    'callto:javascript:alert(1)',
    'sip:agent@pbx.example;transport=tcp',
    'sip:agent@pbx.example?subject=x',
    'sip:javascript:alert(1)',
    'sip:agent@pbx.example:99999999',
    'sip:@pbx.example',
    'sip:agent@',
    `sip:${'a'.repeat(300)}@pbx.example`,
    'sip:agent@pbx\u0000.example',
  ];

  it('accepts phone numbers (and sip user@host), and nothing else, for tel:, sip: and callto:', () => {
    for (const url of good) expect([url, isAllowedExternalUrl(url)]).toEqual([url, true]);
    for (const url of bad) expect([url, isAllowedExternalUrl(url)]).toEqual([url, false]);
  });

  it('a page cannot hand a crafted dial link to the OS, followed or opened', () => {
    const contents = new FakeWebContents();
    const opened: string[] = [];
    hardenWebContents(contents as never, RENDERER, (url) => opened.push(url));
    for (const url of bad) {
      expect(contents.emitCancellable('will-navigate', url)).toBe(true);
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([]);
    contents.emitCancellable('will-navigate', 'tel:+15551234567');
    expect(opened).toEqual(['tel:+15551234567']);
  });

  it('the one function that calls shell.openExternal checks again, whoever calls it', () => {
    shell.opened.length = 0;
    for (const url of [...bad, 'http://plain.example/', 'file:///etc/passwd']) openExternalChecked(url);
    expect(shell.opened).toEqual([]);
    openExternalChecked('tel:+15551234567');
    openExternalChecked('https://rec.example/1.mp3');
    expect(shell.opened).toEqual(['tel:+15551234567', 'https://rec.example/1.mp3']);
    shell.opened.length = 0;
  });
});
