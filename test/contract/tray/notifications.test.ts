import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../../../src/shared/contract/tray-schemas';
import { createNodeSecretStore } from '../../../src/core/settings/node-secret-store';
import {
  cacheAllLeads,
  call,
  eventsNamed,
  injectInboundCall,
  injectInboundSms,
  startSandbox,
  trayOf,
  trayWorld,
} from './helpers';

/**
 * The notification watcher against the sandbox's account logs over HTTP: inbound calls and
 * SMS from known leads, each notified once, also after a restart; quiet hours; goals reached;
 * sync failing; credentials rejected.
 */

const notifications = (events: unknown[]) => events as AppNotification[];

describe('notification watcher (core, sandbox over HTTP, real cache)', () => {
  it('notifies an inbound call and an SMS from a known lead once, and not again after a restart', async () => {
    const world = await trayWorld();
    const leads = await cacheAllLeads(world.core);
    const lead = leads[0];
    expect(lead).toBeDefined();
    const tray = trayOf(world.core);

    // The first look only takes note of what the log already holds.
    await tray.poll();
    expect(eventsNamed(world, 'notification')).toEqual([]);

    const ring = injectInboundCall(world.sb, lead?.id ?? '');
    await tray.poll();
    const [first] = notifications(eventsNamed(world, 'notification'));
    expect(first).toMatchObject({ kind: 'inbound-call', leadId: lead?.id, muted: false });
    expect(first?.title).toContain(`${lead?.firstName}`);

    await tray.poll();
    expect(eventsNamed(world, 'notification')).toHaveLength(1);

    injectInboundSms(world.sb, lead?.id ?? '', 'Can you call me back after lunch?');
    await tray.poll();
    const sms = notifications(eventsNamed(world, 'notification'))[1];
    expect(sms).toMatchObject({ kind: 'inbound-sms', leadId: lead?.id });
    expect(sms?.body).toContain('Can you call me back after lunch?');

    const recent = await call(world.core, 'notifications.recent', {});
    expect(recent.items.map((n) => n.kind)).toEqual(['inbound-sms', 'inbound-call']);

    const core = await world.restart();
    await trayOf(core).poll();
    expect(eventsNamed(world, 'notification')).toHaveLength(2);
    expect(ring.inbound).toBe(true);
  });

  it('notifies once when two looks at the logs overlap (the timer and a manual refresh)', async () => {
    const world = await trayWorld();
    const [lead] = await cacheAllLeads(world.core);
    const tray = trayOf(world.core);
    await tray.poll();
    injectInboundCall(world.sb, lead?.id ?? '');
    await Promise.all([tray.poll(), tray.poll(), tray.poll()]);
    expect(eventsNamed(world, 'notification')).toHaveLength(1);
  });

  it('stays quiet about callers the cache does not know', async () => {
    const world = await trayWorld();
    const leads = await cacheAllLeads(world.core);
    const stranger = world.sb.state.data.leads.find((l) => !leads.some((known) => known.id === String(l.id)));
    const workspace = await world.core.workspaces.active();
    // Either a lead outside every group, or one taken out of the cache for this test.
    const unknownId = stranger ? String(stranger.id) : (leads[1]?.id ?? '');
    if (!stranger) await workspace.cache.leads.remove([unknownId]);
    await trayOf(world.core).poll();
    injectInboundCall(world.sb, unknownId);
    await trayOf(world.core).poll();
    expect(eventsNamed(world, 'notification')).toEqual([]);
  });

  it('mutes notifications during do-not-disturb and quiet hours, but still lists them', async () => {
    const world = await trayWorld();
    const [lead] = await cacheAllLeads(world.core);
    await trayOf(world.core).poll();

    await call(world.core, 'desktop.settings.update', { notifications: { doNotDisturb: true } });
    injectInboundCall(world.sb, lead?.id ?? '');
    await trayOf(world.core).poll();

    const now = DateTime.now().setZone('America/Los_Angeles');
    await call(world.core, 'desktop.settings.update', {
      notifications: {
        doNotDisturb: false,
        quietHours: {
          enabled: true,
          start: now.minus({ hours: 1 }).toFormat('HH:mm'),
          end: now.plus({ hours: 1 }).toFormat('HH:mm'),
        },
      },
    });
    injectInboundCall(world.sb, lead?.id ?? '');
    await trayOf(world.core).poll();

    await call(world.core, 'desktop.settings.update', {
      notifications: { quietHours: { enabled: false, start: '22:00', end: '06:00' } },
    });
    injectInboundCall(world.sb, lead?.id ?? '');
    await trayOf(world.core).poll();

    expect(notifications(eventsNamed(world, 'notification')).map((n) => n.muted)).toEqual([true, true, false]);
    expect((await call(world.core, 'notifications.recent', {})).items).toHaveLength(3);
  });

  it('skips inbound calls when that kind is switched off', async () => {
    const world = await trayWorld();
    const [lead] = await cacheAllLeads(world.core);
    await trayOf(world.core).poll();
    await call(world.core, 'desktop.settings.update', { notifications: { inboundCalls: false } });
    injectInboundCall(world.sb, lead?.id ?? '');
    await trayOf(world.core).poll();
    expect(eventsNamed(world, 'notification')).toEqual([]);
  });

  it('announces each goal reached once a day, also across a restart', async () => {
    const world = await trayWorld();
    const board = await call(world.core, 'metrics.board', {});
    const agent = [...board.agents].sort((a, b) => b.outboundCalls - a.outboundCalls)[0];
    await call(world.core, 'desktop.settings.update', {
      agent: { agentId: agent?.agentId ?? null },
      goals: { outboundCalls: 1, conversations: 0, talkMinutes: 0, appointments: 0 },
    });
    await trayOf(world.core).refresh();
    await trayOf(world.core).refresh();
    const goals = notifications(eventsNamed(world, 'notification')).filter((n) => n.kind === 'goal-reached');
    expect(goals).toHaveLength(1);
    expect(goals[0]?.body).toMatch(/^1 outbound call today/);

    const core = await world.restart();
    await trayOf(core).refresh();
    expect(notifications(eventsNamed(world, 'notification')).filter((n) => n.kind === 'goal-reached')).toHaveLength(1);
  });

  it('tells the agent once when the provider refuses the credentials', async () => {
    const sb = await startSandbox();
    const world = await trayWorld({ api: 'v1', sb });
    // The key changed on the provider's side: what the app holds is now wrong.
    createNodeSecretStore(world.dataDir).set('hotprospector.apiKey', 'revoked-key');
    const core = await world.restart();
    await expect(trayOf(core).poll()).rejects.toMatchObject({ code: 'auth' });
    await trayOf(core).refresh();
    const rejected = notifications(eventsNamed(world, 'notification')).filter((n) => n.kind === 'credentials-rejected');
    expect(rejected).toHaveLength(1);
    expect(JSON.stringify(rejected)).not.toContain('revoked-key');
  });

  it('announces a failing sync once per distinct error, once the host runs the watcher', async () => {
    const world = await trayWorld();
    const tray = trayOf(world.core);
    tray.start();
    try {
      const status = { online: true, running: false, lastSyncAt: null, pending: 0, failed: 0 };
      world.core.events.emit('sync.status', { ...status, lastError: 'The server did not answer in time.' });
      world.core.events.emit('sync.status', { ...status, lastError: 'The server did not answer in time.' });
      world.core.events.emit('sync.status', { ...status, lastError: null });
      world.core.events.emit('sync.status', { ...status, lastError: 'The server did not answer in time.' });
    } finally {
      tray.stop();
    }
    const failed = notifications(eventsNamed(world, 'notification')).filter((n) => n.kind === 'sync-failed');
    expect(failed.map((n) => n.body)).toEqual([
      'The server did not answer in time.',
      'The server did not answer in time.',
    ]);
  });
});
