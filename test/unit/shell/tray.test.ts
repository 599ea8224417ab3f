import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, nativeImage, resetFakeElectron, Tray } from '../../fakes/electron';
import type { Core } from '../../../src/core/core';
import { createNodeCore } from '../../../src/core/node-core';
import { SandboxDemoWorkspace } from '../../../src/hosts/demo-workspace';
import { createTrayController, formatTooltip, trayWindowPosition, type TrayActions } from '../../../src/main/tray';
import { invokeTray } from '../../../src/main/tray-bridge';
import type { MetricsBoard } from '../../../src/shared/contract/tray-schemas';
import { tempDir } from '../../helpers/core';

/**
 * The tray icon against a real core (the Hot Prospector simulator in-process, its SQLite cache):
 * tooltip with today's numbers, click and menu actions, the metrics window's place.
 */

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

function recordActions() {
  const log: string[] = [];
  const actions: TrayActions = {
    toggleMetrics: () => log.push('toggleMetrics'),
    showMain: () => log.push('showMain'),
    syncNow: () => log.push('syncNow'),
    setDoNotDisturb: (on) => log.push(`dnd:${on}`),
    quit: () => log.push('quit'),
  };
  return { log, actions };
}

/** The clock as an agent reads it, in the account's zone (what the tooltip should say). */
function clock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' })
    .format(new Date(iso))
    .replace(/\u202f/g, ' ');
}

const tooltip = () => Tray.instances[0]?.toolTip;

describe('tray icon', () => {
  let dataDir: string;
  let core: Core;
  let demo: SandboxDemoWorkspace;
  let controller: { destroy(): void } | null = null;

  beforeEach(() => {
    resetFakeElectron();
    dataDir = tempDir();
    demo = new SandboxDemoWorkspace({ leads: 200 });
    core = createNodeCore({ hostKind: 'electron', dataDir, demo });
  });
  afterEach(async () => {
    controller?.destroy();
    controller = null;
    await core.dispose();
  });

  const startTray = (actions: TrayActions = recordActions().actions) => {
    const created = createTrayController({ core, icon: nativeImage.createEmpty() as never, actions });
    controller = created;
    return created;
  };

  it("shows today's key numbers in the tooltip, read through the contract", async () => {
    // Who I am and my goals, set through the real settings channel: one goal reached, one not.
    const team = await invokeTray(core, 'metrics.board', {});
    const busiest = [...team.agents].sort((a, b) => b.outboundCalls - a.outboundCalls)[0];
    expect(busiest?.outboundCalls).toBeGreaterThan(0);
    await invokeTray(core, 'desktop.settings.update', {
      agent: { agentId: busiest?.agentId ?? '' },
      goals: {
        outboundCalls: busiest?.outboundCalls ?? 1,
        appointments: (busiest?.appointments ?? 0) + 1,
        answeredCalls: 0,
        conversations: 0,
        talkMinutes: 0,
        prospects: 0,
        sms: 0,
      },
    });
    const board = await invokeTray(core, 'metrics.board', {});
    const me = board.me;
    expect(me?.agentId).toBe(busiest?.agentId);
    expect(board.goals.map((goal) => [goal.metric, goal.reached])).toEqual([
      ['outboundCalls', true],
      ['appointments', false],
    ]);

    const dispatch = vi.spyOn(core, 'dispatch');
    const created = startTray();
    const expected = [
      `Callside: ${me?.agentName} today`,
      `${me?.outboundCalls} out · ${me?.inboundCalls} in · ${me?.answeredCalls} answered (${Math.round((me?.answerRate ?? 0) * 100)}%)`,
      `${me?.talkMinutes} talk min · ${me?.conversations} conversations · ${me?.appointments} appts`,
      'Goals: 1 of 2 reached',
      `Updated ${clock(board.fetchedAt ?? '', board.timezone)}`,
    ].join('\n');
    await vi.waitFor(() => expect(tooltip()).toBe(expected));
    expect(dispatch.mock.calls.filter(([channel]) => channel === 'metrics.board')).toEqual([['metrics.board', {}]]);

    const tray = Tray.instances[0];
    created.destroy();
    controller = null;
    expect(tray?.isDestroyed()).toBe(true);
  });

  it('rewrites the tooltip when the core refreshes the board, and says when figures are offline', async () => {
    startTray();
    await vi.waitFor(() => expect(tooltip()).toMatch(/\nUpdated \d{1,2}:\d{2} [AP]M$/));

    // The provider fails: the core falls back to the cached snapshot and marks it stale.
    (await demo.sandbox()).setFaults({ rates: { http5xx: 1 } });
    const offline = await invokeTray(core, 'metrics.board', { refresh: true });
    expect(offline).toMatchObject({ source: 'cache', stale: true });
    core.events.emit('metrics.updated', { date: offline.date, fetchedAt: offline.fetchedAt ?? '' });
    await vi.waitFor(() =>
      expect(tooltip()).toContain(`Offline, as of ${clock(offline.fetchedAt ?? '', offline.timezone)}`),
    );

    // The core cannot answer at all (its data directory's cache is gone and cannot be reopened).
    await core.workspaces.close();
    rmSync(join(dataDir, 'cache'), { recursive: true, force: true });
    writeFileSync(join(dataDir, 'cache'), '');
    expect((await core.dispatch('metrics.board', {})).ok).toBe(false);
    core.events.emit('metrics.updated', { date: offline.date, fetchedAt: new Date().toISOString() });
    await vi.waitFor(() => expect(tooltip()).toBe('Callside: no figures yet'));
  });

  it('shows the team when the agent is not matched yet, and says so when there are no figures at all', async () => {
    const board: MetricsBoard = await invokeTray(core, 'metrics.board', {});
    expect(board.me).toBeNull();
    const calls = board.agents.reduce((sum, agent) => sum + agent.outboundCalls + agent.inboundCalls, 0);
    expect(calls).toBeGreaterThan(0);
    startTray();
    await vi.waitFor(() =>
      expect(tooltip()).toBe(
        [
          'Callside: team today',
          `${calls} calls by ${board.agents.length} agents`,
          'Open the tray to pick who you are',
          `Updated ${clock(board.fetchedAt ?? '', board.timezone)}`,
        ].join('\n'),
      ),
    );
  });

  it('says there are no figures yet when the provider has never answered', async () => {
    // Faults on before the first fetch: nothing cached, nothing live.
    (await demo.sandbox()).setFaults({ rates: { http5xx: 1 } });
    const board = await invokeTray(core, 'metrics.board', {});
    expect(board).toMatchObject({ source: 'none', agents: [], me: null });
    expect(formatTooltip(board)).toBe('Callside: no figures yet (offline)');
    startTray();
    await vi.waitFor(() => expect(tooltip()).toBe('Callside: no figures yet (offline)'));
  });

  it('opens the metrics window on click, and offers every action in its menu (Linux trays send no clicks)', async () => {
    const { log, actions } = recordActions();
    startTray(actions);
    await flush();
    const tray = Tray.instances[0];
    tray?.emit('click', {}, { x: 0, y: 0, width: 0, height: 0 });
    const menu = tray?.contextMenu;
    for (const label of ["Today's metrics", 'Show Callside', 'Sync now', 'Do not disturb', 'Quit Callside']) {
      menu?.find(label)?.click();
    }
    expect(log).toEqual(['toggleMetrics', 'toggleMetrics', 'showMain', 'syncNow', 'dnd:true', 'quit']);
  });

  it('keeps the do-not-disturb tick in step with the setting, wherever it was changed', async () => {
    await invokeTray(core, 'desktop.settings.update', { notifications: { doNotDisturb: true } });
    startTray();
    await vi.waitFor(() => expect(Tray.instances[0]?.contextMenu?.find('Do not disturb')?.checked).toBe(true));
    // Changed elsewhere (the settings page, the app menu): the core pushes `desktop.settings`.
    await invokeTray(core, 'desktop.settings.update', { notifications: { doNotDisturb: false } });
    expect(Tray.instances[0]?.contextMenu?.find('Do not disturb')?.checked).toBe(false);
  });

  it('cannot be created before the app is ready (as in Electron)', () => {
    app.ready = false;
    expect(() => startTray()).toThrow(/before the app is ready/);
    expect(Tray.instances).toEqual([]);
  });

  it('places the metrics window by the tray icon, inside the work area', () => {
    const area = { x: 0, y: 0, width: 1920, height: 1040 };
    // Top bar (macOS, GNOME): under the icon.
    expect(trayWindowPosition({ x: 1700, y: 0, width: 24, height: 24 }, { width: 400, height: 660 }, area)).toEqual({
      x: 1512,
      y: 28,
    });
    // Bottom taskbar (Windows), icon near the right edge: above it, kept on screen.
    expect(
      trayWindowPosition(
        { x: 1880, y: 1044, width: 24, height: 36 },
        { width: 400, height: 660 },
        { ...area, height: 1040 },
      ),
    ).toEqual({ x: 1512, y: 372 });
    // No tray geometry (Linux AppIndicator): top-right of the work area.
    expect(trayWindowPosition({ x: 0, y: 0, width: 0, height: 0 }, { width: 400, height: 660 }, area)).toEqual({
      x: 1512,
      y: 8,
    });
  });
});
