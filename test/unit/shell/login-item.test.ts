import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { app, fakePlatform, resetFakeElectron } from '../../fakes/electron';
import { applyLoginItem, autostartEntry, HIDDEN_FLAG, startedAtLogin } from '../../../src/main/login-item';

/** "Launch at login": Electron's login items on macOS and Windows, an XDG autostart entry on Linux. */
describe('launch at login', () => {
  beforeEach(() => resetFakeElectron());

  it('sets the login item on Windows and macOS, starting hidden in the tray', () => {
    fakePlatform.loginItems = true;
    applyLoginItem(app as never, true, { platform: 'win32', execPath: 'C:\\Callside\\Callside.exe' });
    expect(app.loginItem).toEqual({ openAtLogin: true, path: 'C:\\Callside\\Callside.exe', args: [HIDDEN_FLAG] });
    applyLoginItem(app as never, false, {
      platform: 'darwin',
      execPath: '/Applications/Callside.app/Contents/MacOS/Callside',
    });
    expect(app.loginItem.openAtLogin).toBe(false);
  });

  it('writes and removes an XDG autostart entry on Linux', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'callside-autostart-')), 'autostart');
    const target = { platform: 'linux' as const, execPath: '/opt/Callside/callside', autostartDir: dir };
    applyLoginItem(app as never, true, target);
    const entry = readFileSync(join(dir, 'callside.desktop'), 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain(`Exec=/opt/Callside/callside ${HIDDEN_FLAG}`);
    applyLoginItem(app as never, false, target);
    expect(existsSync(join(dir, 'callside.desktop'))).toBe(false);
    // Turning it off twice is fine.
    applyLoginItem(app as never, false, target);
  });

  it('starts a development run with the app folder, quoted as the Desktop Entry spec asks', () => {
    expect(autostartEntry(['/usr/lib/electron/electron', '/home/agent/My Apps/callside', '--hidden'])).toContain(
      'Exec=/usr/lib/electron/electron "/home/agent/My Apps/callside" --hidden',
    );
    expect(autostartEntry(['/opt/a"b$c`d\\e/100%'])).toContain('Exec="/opt/a\\"b\\$c\\`d\\\\e/100%%"');
  });

  it('knows when it was started by the login item', () => {
    expect(startedAtLogin(app as never, 'linux', ['/opt/Callside/callside', HIDDEN_FLAG])).toBe(true);
    expect(startedAtLogin(app as never, 'linux', ['/opt/Callside/callside'])).toBe(false);
    app.openedAtLogin = true;
    expect(startedAtLogin(app as never, 'darwin', ['/Applications/Callside.app/Contents/MacOS/Callside'])).toBe(true);
  });
});
