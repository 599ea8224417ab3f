import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  app,
  FakeSession,
  FakeWebContents,
  ipcMain,
  resetFakeElectron,
  type BrowserWindow as FakeBrowserWindow,
} from '../../fakes/electron';
import { registerBridgeIpc } from '../../../src/main/ipc';
import {
  createSenderCheck,
  hardenEveryWebContents,
  hardenWebContents,
  installContentSecurityPolicy,
  RENDERER_CSP,
} from '../../../src/main/security';
import { createAppWindow } from '../../../src/main/window';
import { ipcChannel } from '../../../src/shared/contract/envelope';
import { TRAY_CHANNEL_NAMES } from '../../../src/shared/contract/tray-channels';
import { createTestCore } from '../../helpers/core';

/**
 * The BrowserWindow security checklist, one test per item, against the fake electron module.
 * (Permission requests, sender frames and the window.open allowlist also have their own tests
 * in security.test.ts and ipc.test.ts.)
 */

const RENDERER = { url: 'file:///opt/callside/out/renderer/index.html' };

function windows() {
  const main = createAppWindow({ renderer: RENDERER, preloadPath: '/p.cjs' }) as unknown as FakeBrowserWindow;
  const tray = createAppWindow({
    renderer: RENDERER,
    preloadPath: '/p.cjs',
    route: '/tray',
    popup: true,
  }) as unknown as FakeBrowserWindow;
  return [main, tray];
}

/** The directives of a CSP string, each with its source list. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

function expectStrict(policy: string): void {
  const csp = directives(policy);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(csp.get('form-action')).toEqual(["'none'"]);
  // Recordings play inline: media (only) may come from https and the loopback simulators.
  expect(csp.get('media-src')).toEqual(["'self'", 'https:', 'http://127.0.0.1:*']);
  const withoutMedia = policy
    .split(';')
    .filter((directive) => !directive.trim().startsWith('media-src'))
    .join(';');
  expect(withoutMedia).not.toMatch(/unsafe-(inline|eval|hashes)|wasm-unsafe|\*|https?:|data:\s*;?\s*script/);
}

describe('BrowserWindow security checklist', () => {
  beforeEach(() => resetFakeElectron());

  it('context isolation is on for every window (main and tray)', () => {
    for (const window of windows()) expect(window.options.webPreferences?.contextIsolation).toBe(true);
  });

  it('the renderer sandbox is on for every window', () => {
    for (const window of windows()) expect(window.options.webPreferences?.sandbox).toBe(true);
  });

  it('Node integration is off, in subframes too, and webviews are disabled', () => {
    for (const window of windows()) {
      expect(window.options.webPreferences).toMatchObject({
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
      });
    }
  });

  it('a strict CSP: in index.html (file:// has no headers) and as a header on anything served', () => {
    const html = readFileSync(new URL('../../../src/renderer/index.html', import.meta.url), 'utf8');
    const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
    expect(meta).toBeDefined();
    expectStrict(meta ?? '');
    expectStrict(RENDERER_CSP);
    expect(directives(RENDERER_CSP).get('frame-ancestors')).toEqual(["'none'"]);

    const session = new FakeSession();
    installContentSecurityPolicy(session as never);
    const headers = session.webRequest.deliver('http://localhost:5173/', {
      'content-security-policy': ["default-src *; script-src 'unsafe-inline'"],
      'content-type': ['text/html'],
    });
    expect(headers['Content-Security-Policy']).toEqual([RENDERER_CSP]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['content-type']).toEqual(['text/html']);
  });

  it('navigation away from the app is denied, also through a redirect', () => {
    const [main] = windows();
    const contents = (main as FakeBrowserWindow).webContents;
    expect(contents.emitCancellable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitCancellable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emitCancellable('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(contents.emitCancellable('will-navigate', `${RENDERER.url}#/tray`)).toBe(false);
    expect(contents.emitCancellable('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.emitCancellable('will-attach-webview')).toBe(true);
  });

  it('window.open is denied for every URL', () => {
    for (const window of windows()) {
      for (const url of ['https://example.com', 'tel:+15551234567', `${RENDERER.url}#/tray`, 'about:blank']) {
        expect(window.webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
      }
    }
  });

  it('external links and click-to-call go to the OS only through the allowlist, opened or followed', () => {
    const contents = new FakeWebContents();
    const opened: string[] = [];
    hardenWebContents(contents as never, RENDERER, (url) => opened.push(url));
    // Followed in place, the way an <a href="tel:…"> without a target behaves.
    for (const url of [
      'tel:+15551234567',
      'sip:agent@pbx.example',
      'callto:+15551234567',
      'https://rec.example/1.mp3',
    ]) {
      expect(contents.emitCancellable('will-navigate', url)).toBe(true);
    }
    for (const url of [
      'http://plain.example/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://share/x',
      'data:text/html,x',
    ]) {
      expect(contents.emitCancellable('will-navigate', url)).toBe(true);
      contents.windowOpenHandler?.({ url });
    }
    expect(opened).toEqual([
      'tel:+15551234567',
      'sip:agent@pbx.example',
      'callto:+15551234567',
      'https://rec.example/1.mp3',
    ]);
  });

  it('contents created anywhere in the app are hardened by the app listener alone', () => {
    const opened: string[] = [];
    hardenEveryWebContents(app as never, RENDERER, (url) => opened.push(url));
    // Nothing but the app's web-contents-created path touches these two.
    const stray = new FakeWebContents();
    const webview = Object.assign(new FakeWebContents(), { getType: () => 'webview' as const });
    for (const contents of [stray, webview]) {
      app.emit('web-contents-created', {}, contents);
      expect(contents.emitCancellable('will-navigate', 'http://evil.example/')).toBe(true);
      expect(contents.emitCancellable('will-navigate', 'file:///etc/passwd')).toBe(true);
      expect(contents.emitCancellable('will-navigate', `${RENDERER.url}#/tray`)).toBe(false);
      expect(contents.emitCancellable('will-redirect', 'https://evil.example/')).toBe(true);
      expect(contents.emitCancellable('will-attach-webview')).toBe(true);
      expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
      expect(contents.windowOpenHandler?.({ url: 'tel:+15551234567' })).toEqual({ action: 'deny' });
    }
    // Allowlisted targets went to the OS (once per contents); the rest went nowhere.
    const perContents = ['https://example.com', 'tel:+15551234567'];
    expect(opened).toEqual([...perContents, ...perContents]);
  });

  it('hardening applies once per web contents, and to contents created anywhere in the app', () => {
    const opened: string[] = [];
    hardenEveryWebContents(app as never, RENDERER, (url) => opened.push(url));
    const stray = new FakeWebContents();
    app.emit('web-contents-created', {}, stray);
    hardenWebContents(stray as never, RENDERER, (url) => opened.push(url));
    expect(stray.emitCancellable('will-navigate', 'file:///etc/passwd')).toBe(true);
    stray.emitCancellable('will-navigate', 'tel:+15551234567');
    // Hardened twice would open the softphone twice.
    expect(opened).toEqual(['tel:+15551234567']);
  });

  it('every IPC message is sender-checked and schema-checked, desktop channels included', async () => {
    const unregister = registerBridgeIpc(ipcMain as never, createTestCore('electron'), createSenderCheck(RENDERER));
    try {
      for (const name of TRAY_CHANNEL_NAMES) {
        expect(ipcMain.handlers.has(ipcChannel(name)), name).toBe(true);
        const foreign = await ipcMain.invokeFrom({ url: 'https://evil.example/', parent: null }, ipcChannel(name), {});
        expect(foreign, name).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      }
      const own = { url: `${RENDERER.url}#/tray`, parent: null };
      const bad = await ipcMain.invokeFrom(own, ipcChannel('screen.pop'), { phone: '<script>' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'bridge_payload' } });
      const extra = await ipcMain.invokeFrom(own, ipcChannel('desktop.settings.update'), { evil: true });
      expect(extra).toMatchObject({ ok: false, error: { code: 'bridge_payload' } });
    } finally {
      unregister();
    }
  });
});
