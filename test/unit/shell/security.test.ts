import { describe, expect, it } from 'vitest';
import { FakeSession, FakeWebContents, shell, type BrowserWindow as FakeBrowserWindow } from '../../fakes/electron';
import { denyAllPermissions, hardenWebContents, isAllowedExternalUrl } from '../../../src/main/security';
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
