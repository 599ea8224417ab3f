import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { AgentMetrics } from '../../../src/shared/domain';
import { call, callError, eventsNamed, hotProspectorClient, requests, trayWorld, type TrayWorld } from './helpers';

/**
 * Tray metrics against the sandbox over HTTP with the account's real SQLite cache: the board,
 * who-am-I, goals, the refresh interval, offline fallback with staleness, snapshots that
 * survive a restart, the 7-day trend and the per-campaign breakdown.
 */

const ZONE = 'America/Los_Angeles';
const today = () => DateTime.now().setZone(ZONE).toFormat('yyyy-MM-dd');

/** The agent with the most calls today: the one the tests are "signed in" as. */
async function busiestAgent(world: TrayWorld): Promise<AgentMetrics> {
  const board = await call(world.core, 'metrics.board', {});
  const agent = [...board.agents].sort((a, b) => b.outboundCalls - a.outboundCalls)[0];
  expect(agent, 'the sandbox has agents with calls today').toBeDefined();
  return agent as AgentMetrics;
}

describe('tray metrics (core, sandbox over HTTP, real cache)', () => {
  it("shows today's board as the provider reports it and keeps a snapshot per date", async () => {
    const world = await trayWorld();
    const board = await call(world.core, 'metrics.board', {});
    const client = await hotProspectorClient(await world.core.workspaces.active());
    const direct = await client.getDashboard({ date: today() });

    expect(board).toMatchObject({ date: today(), isToday: true, source: 'live', stale: false, error: null });
    expect(board.agents.map((a) => [a.agentId, a.outboundCalls, a.talkMinutes])).toEqual(
      direct.agents.map((a) => [a.agentId, a.outboundCalls, a.talkMinutes]),
    );
    expect(board.lastUpdated).toBe(direct.lastUpdated);
    expect(Date.parse(board.fetchedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const cache = (await world.core.workspaces.active()).cache;
    expect((await cache.metrics.getDashboard(today()))?.agents).toHaveLength(board.agents.length);
    expect(eventsNamed(world, 'metrics.updated')).toContainEqual({ date: today(), fetchedAt: board.fetchedAt });
  });

  it('answers from the cache within the refresh interval and fetches again on refresh', async () => {
    const world = await trayWorld();
    await call(world.core, 'metrics.board', {});
    const before = requests(world.sb, 'getMemberDashboardData');
    const again = await call(world.core, 'metrics.board', {});
    expect(again.source).toBe('cache');
    expect(again.stale).toBe(false);
    expect(requests(world.sb, 'getMemberDashboardData')).toBe(before);

    const refreshed = await call(world.core, 'metrics.board', { refresh: true });
    expect(refreshed.source).toBe('live');
    expect(requests(world.sb, 'getMemberDashboardData')).toBe(before + 1);
  });

  it('finds "me" by e-mail in any case, and a picked agent id wins over the e-mail', async () => {
    const world = await trayWorld();
    const agent = await busiestAgent(world);
    const other = (await call(world.core, 'metrics.board', {})).agents.find((a) => a.agentId !== agent.agentId);

    await call(world.core, 'desktop.settings.update', { agent: { email: `  ${agent.agentEmail.toUpperCase()} ` } });
    const byEmail = await call(world.core, 'metrics.board', {});
    expect(byEmail.me?.agentId).toBe(agent.agentId);
    expect(byEmail.meMatchedBy).toBe('email');

    await call(world.core, 'desktop.settings.update', { agent: { agentId: other?.agentId ?? null } });
    const byId = await call(world.core, 'metrics.board', {});
    expect(byId.me?.agentId).toBe(other?.agentId);
    expect(byId.meMatchedBy).toBe('id');

    await call(world.core, 'desktop.settings.update', { agent: { agentId: null, email: 'nobody@example.com' } });
    expect((await call(world.core, 'metrics.board', {})).me).toBeNull();
  });

  it('measures my day against the goals set in Settings', async () => {
    const world = await trayWorld();
    const agent = await busiestAgent(world);
    await call(world.core, 'desktop.settings.update', {
      agent: { agentId: agent.agentId },
      goals: {
        outboundCalls: agent.outboundCalls,
        talkMinutes: agent.talkMinutes + 1_000,
        conversations: 0,
        appointments: 0,
        answeredCalls: 0,
        prospects: 0,
        sms: 0,
      },
    });
    const board = await call(world.core, 'metrics.board', {});
    expect(board.goals).toEqual([
      { metric: 'outboundCalls', goal: agent.outboundCalls, value: agent.outboundCalls, reached: true },
      { metric: 'talkMinutes', goal: agent.talkMinutes + 1_000, value: agent.talkMinutes, reached: false },
    ]);
  });

  it('shows the last known figures, marked stale with the reason, when the provider fails', async () => {
    const world = await trayWorld();
    const live = await call(world.core, 'metrics.board', {});
    world.sb.setFaults({ rates: { http5xx: 1 } });
    const offline = await call(world.core, 'metrics.board', { refresh: true });
    expect(offline.source).toBe('cache');
    expect(offline.stale).toBe(true);
    expect(offline.error?.code).toBe('remote');
    expect(offline.agents).toEqual(live.agents);
    expect(offline.fetchedAt).toBe(live.fetchedAt);

    world.sb.setFaults({});
    const back = await call(world.core, 'metrics.board', { refresh: true });
    expect(back).toMatchObject({ source: 'live', stale: false, error: null });
  });

  it('says plainly when nothing is known yet and the provider cannot be reached', async () => {
    const world = await trayWorld();
    await world.sb.close();
    const board = await call(world.core, 'metrics.board', {});
    expect(board).toMatchObject({ source: 'none', stale: true, agents: [], me: null, fetchedAt: null });
    expect(board.error?.code).toBe('network');
  });

  it('keeps the snapshot across a restart, so the tray shows figures offline', async () => {
    const world = await trayWorld();
    const agent = await busiestAgent(world);
    await call(world.core, 'desktop.settings.update', { agent: { agentId: agent.agentId } });
    const before = await call(world.core, 'metrics.board', {});
    const core = await world.restart();
    await world.sb.close();
    const after = await call(core, 'metrics.board', { refresh: true });
    expect(after.source).toBe('cache');
    expect(after.stale).toBe(true);
    expect(after.me).toEqual(before.me);
    expect(after.lastUpdated).toBe(before.lastUpdated);
  });

  it('refuses a day that has not happened yet', async () => {
    const world = await trayWorld();
    const tomorrow = DateTime.now().setZone(ZONE).plus({ days: 2 }).toFormat('yyyy-MM-dd');
    expect((await callError(world.core, 'metrics.board', { date: tomorrow })).code).toBe('invalid_request');
    expect((await callError(world.core, 'metrics.board', { date: 'yesterday' })).code).toBe('bridge_payload');
  });

  it('builds a 7-day trend from the date parameter, fetching each finished day only once', async () => {
    const world = await trayWorld();
    const agent = await busiestAgent(world);
    await call(world.core, 'desktop.settings.update', { agent: { agentId: agent.agentId } });
    const trend = await call(world.core, 'metrics.trend', {});
    expect(trend.days.map((d) => d.date)).toEqual(
      Array.from({ length: 7 }, (_, i) =>
        DateTime.now()
          .setZone(ZONE)
          .minus({ days: 6 - i })
          .toFormat('yyyy-MM-dd'),
      ),
    );
    const client = await hotProspectorClient(await world.core.workspaces.active());
    for (const day of trend.days) {
      const direct = await client.getDashboard({ date: day.date });
      const mine = direct.agents.find((a) => a.agentId === agent.agentId);
      expect(day.me?.outboundCalls ?? 0, day.date).toBe(mine?.outboundCalls ?? 0);
    }
    expect(trend.meMatched).toBe(true);

    const before = requests(world.sb, 'getMemberDashboardData');
    await call(world.core, 'metrics.trend', {});
    expect(requests(world.sb, 'getMemberDashboardData')).toBe(before);
    // A past day from the trend opens on the board from its final snapshot.
    const past = await call(world.core, 'metrics.board', { date: trend.days[0]?.date ?? '' });
    expect(past).toMatchObject({ isToday: false, source: 'cache', stale: false });
  });

  it('breaks my day down per campaign, with my dispositions in each', async () => {
    const world = await trayWorld();
    const agent = await busiestAgent(world);
    await call(world.core, 'desktop.settings.update', { agent: { agentId: agent.agentId } });
    const breakdown = await call(world.core, 'metrics.campaigns', {});
    const client = await hotProspectorClient(await world.core.workspaces.active());
    const campaigns = await client.listCampaigns();
    expect(breakdown.campaigns.map((c) => c.id)).toEqual(campaigns.map((c) => c.id));
    expect(breakdown).toMatchObject({ source: 'live', error: null, meMatched: true });

    expect(breakdown.campaigns.length).toBeGreaterThan(0);
    for (const row of breakdown.campaigns) {
      const direct = await client.getCampaignDashboard({ campaignId: row.id, date: today() });
      const mine = direct.agents.find((a) => a.agentId === agent.agentId) ?? null;
      expect(row.me?.outboundCalls ?? null, row.title).toBe(mine?.outboundCalls ?? null);
      expect(row.me?.dispositions ?? null).toEqual(mine?.dispositions ?? null);
      expect(row.team.agents).toBe(direct.agents.length);
    }
    const withDispositions = breakdown.campaigns.filter((row) => (row.me?.dispositions.length ?? 0) > 0);
    expect(withDispositions.length, 'my calls carry dispositions somewhere').toBeGreaterThan(0);

    world.sb.setFaults({ rates: { http5xx: 1 } });
    const offline = await call(world.core, 'metrics.campaigns', { refresh: true });
    expect(offline.source).toBe('cache');
    expect(offline.error?.code).toBe('remote');
    expect(offline.campaigns).toEqual(breakdown.campaigns);
  });

  it('keeps desktop settings with their defaults and refuses values outside the contract', async () => {
    const world = await trayWorld();
    const settings = await call(world.core, 'desktop.settings', {});
    expect(settings).toMatchObject({
      refreshSec: 60,
      startMinimized: false,
      launchAtLogin: false,
      secretProtection: 'file-0600',
      launchAtLoginAvailable: false,
      notifications: { enabled: true, doNotDisturb: false, quietHours: { enabled: false } },
    });
    const updated = await call(world.core, 'desktop.settings.update', {
      refreshSec: 120,
      notifications: { quietHours: { enabled: true, start: '21:30', end: '07:00' } },
    });
    expect(updated.refreshSec).toBe(120);
    expect(updated.notifications).toMatchObject({ enabled: true, quietHours: { start: '21:30', end: '07:00' } });
    expect(eventsNamed(world, 'desktop.settings')).toContainEqual(updated);
    expect((await callError(world.core, 'desktop.settings.update', { refreshSec: 5 })).code).toBe('bridge_payload');
    expect(
      (
        await callError(world.core, 'desktop.settings.update', {
          notifications: { quietHours: { enabled: true, start: '25:00', end: '07:00' } },
        })
      ).code,
    ).toBe('bridge_payload');
    // Starting with the system is the desktop app's to offer.
    expect((await callError(world.core, 'desktop.settings.update', { launchAtLogin: true })).code).toBe(
      'invalid_request',
    );
    // Survives a restart: it lives in the settings file.
    const core = await world.restart();
    expect((await call(core, 'desktop.settings', {})).refreshSec).toBe(120);
  });
});
