import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, Notification, resetFakeElectron } from '../../fakes/electron';
import type { Core } from '../../../src/core/core';
import { createNodeCore } from '../../../src/core/node-core';
import { SandboxDemoWorkspace } from '../../../src/hosts/demo-workspace';
import { showNativeNotifications } from '../../../src/main/notifications';
import { invokeTray } from '../../../src/main/tray-bridge';
import type { AppNotification } from '../../../src/shared/contract/tray-schemas';
import { tempDir } from '../../helpers/core';

/**
 * Native notifications for what a real core raises on its event hub (checked against the
 * contract on the way out); a click opens the lead through the core's `lead.reveal` channel.
 */

function notification(patch: Partial<AppNotification> = {}): AppNotification {
  return {
    id: 'n1',
    kind: 'inbound-call',
    title: 'Inbound call from Jane Doe',
    body: '+15551234567 · Acme · 2:41 PM',
    leadId: '10000042',
    at: '2026-06-23T21:41:00.000Z',
    muted: false,
    ...patch,
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('native notifications', () => {
  let core: Core;
  let stop: (() => void) | null = null;
  /** What the core pushed, in order (the workspace window listens for `lead.show`). */
  let pushed: Array<{ event: string; payload: unknown }>;

  beforeEach(() => {
    resetFakeElectron();
    core = createNodeCore({ hostKind: 'electron', dataDir: tempDir(), demo: new SandboxDemoWorkspace({ leads: 200 }) });
    pushed = [];
    core.events.subscribe((event, payload) => pushed.push({ event, payload }));
  });
  afterEach(async () => {
    stop?.();
    stop = null;
    await core.dispose();
  });

  const start = (focusMain: () => void = () => {}) => {
    stop = showNativeNotifications({ core, focusMain });
    return stop;
  };

  it('shows an inbound call from a known lead as a native notification', () => {
    start();
    core.events.emit('notification', notification());
    expect(Notification.instances).toHaveLength(1);
    expect(Notification.instances[0]?.options).toMatchObject({
      title: 'Inbound call from Jane Doe',
      body: '+15551234567 · Acme · 2:41 PM',
    });
    expect(Notification.instances[0]?.shown).toBe(true);
  });

  it('opens that lead on click: the main window comes forward and the workspace is told which lead', async () => {
    let focused = 0;
    start(() => focused++);
    core.events.emit('notification', notification());
    const dispatch = vi.spyOn(core, 'dispatch');
    Notification.instances[0]?.click();
    expect(focused).toBe(1);
    expect(dispatch.mock.calls).toEqual([['lead.reveal', { leadId: '10000042' }]]);
    await vi.waitFor(() =>
      expect(pushed.filter((p) => p.event === 'lead.show').map((p) => p.payload)).toEqual([
        { leadId: '10000042', newLeadPhone: null },
      ]),
    );
  });

  it('brings the app forward for notices without a lead (sync failing, credentials rejected)', async () => {
    let focused = 0;
    start(() => focused++);
    core.events.emit(
      'notification',
      notification({ kind: 'credentials-rejected', title: 'Hot Prospector refused the API key', leadId: null }),
    );
    const dispatch = vi.spyOn(core, 'dispatch');
    Notification.instances[0]?.click();
    await flush();
    expect(focused).toBe(1);
    expect(dispatch).not.toHaveBeenCalled();
    expect(pushed.map((p) => p.event)).toEqual(['notification']);
  });

  it('shows nothing for a muted notification (quiet hours, do not disturb)', () => {
    start();
    core.events.emit('notification', notification({ muted: true }));
    expect(Notification.instances).toEqual([]);
  });

  it('shows nothing where the system has no notifications, nor for payloads outside the contract or other events', async () => {
    start();
    Notification.supported = false;
    core.events.emit('notification', notification());
    Notification.supported = true;
    // The real hub refuses a payload outside the contract before any listener sees it.
    expect(() => core.events.emit('notification', { title: 'no kind, no id' } as never)).toThrow();
    // A screen pop is another event: no notification for it.
    const pop = await invokeTray(core, 'screen.pop', { phone: '555-010-9999' });
    expect(pushed.filter((p) => p.event === 'pop').map((p) => p.payload)).toEqual([pop]);
    expect(Notification.instances).toEqual([]);
  });

  it('stops showing and closes what is open when the shell shuts down', () => {
    const stopNotifications = start();
    core.events.emit('notification', notification());
    stopNotifications();
    stop = null;
    expect(Notification.instances[0]?.closed).toBe(true);
    core.events.emit('notification', notification({ id: 'n2' }));
    expect(Notification.instances).toHaveLength(1);
    expect(app.quitCalls).toBe(0);
  });
});
