import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { createNodeCore } from '../../../src/core/node-core';
import { startCallinglySandbox, type CallinglySandbox } from '../../../src/sandbox';
import { call, callError, trayWorld } from './helpers';

/**
 * Agent do-not-disturb (issue 10, capability `agent.status.write`): a Callingly account's
 * agents and their DND read and set over HTTP against the Callingly simulator through the
 * bridge dispatcher; a provider without agent status says so instead of pretending.
 */

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NOW = new Date('2026-06-23T19:00:00Z');

async function callinglyWorld(): Promise<{ sb: CallinglySandbox; core: Core }> {
  const sb = await startCallinglySandbox({ seed: 4, leads: 20, now: NOW, timezone: 'America/Phoenix' });
  cleanups.push(() => sb.close().catch(() => undefined));
  const dataDir = mkdtempSync(join(tmpdir(), 'callside-dnd-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const core = createNodeCore({ hostKind: 'browser', dataDir, demo: null });
  cleanups.push(() => core.dispose());
  const connected = await core.dispatch('account.connect', {
    provider: 'callingly',
    baseUrl: sb.baseUrl,
    apiKey: sb.credentials.apiKey,
    timezone: 'America/Phoenix',
  });
  expect(connected.ok, JSON.stringify(connected)).toBe(true);
  return { sb, core };
}

describe('agent do-not-disturb (core, Callingly simulator over HTTP)', () => {
  it("lists the team's agents with their do-not-disturb state as the simulator holds it", async () => {
    const { sb, core } = await callinglyWorld();
    const status = await call(core, 'agent.status', {});
    expect(status.supported).toBe(true);
    expect(status.provider).toBe('Callingly');
    expect(status.agents.map((agent) => agent.agentId).sort()).toEqual(
      sb.state.data.agents.map((agent) => String(agent.id)).sort(),
    );
    for (const agent of sb.state.data.agents) {
      const listed = status.agents.find((row) => row.agentId === String(agent.id));
      expect(listed?.doNotDisturb, `agent ${agent.id}`).toBe(agent.donotdisturb);
      expect(listed?.name).toBeTruthy();
    }
  });

  it("turns one agent's do-not-disturb on with one PUT the simulator applies, then off again", async () => {
    const { sb, core } = await callinglyWorld();
    const target = sb.state.data.agents.find((agent) => !agent.donotdisturb);
    expect(target, 'the seeded team has an agent without DND').toBeDefined();
    const agentId = String(target?.id);
    const before = sb.counters().applied['PUT /agents/{id}'] ?? 0;

    const after = await call(core, 'agent.setDoNotDisturb', { agentId, on: true });
    expect(sb.counters().applied['PUT /agents/{id}'] ?? 0).toBe(before + 1);
    expect(sb.state.agentById.get(Number(agentId))?.donotdisturb).toBe(true);
    expect(after.agents.find((agent) => agent.agentId === agentId)?.doNotDisturb).toBe(true);
    expect(after.agents.filter((agent) => agent.agentId !== agentId).map((a) => a.doNotDisturb)).toEqual(
      sb.state.data.agents.filter((a) => String(a.id) !== agentId).map((a) => a.donotdisturb),
    );

    const off = await call(core, 'agent.setDoNotDisturb', { agentId, on: false });
    expect(sb.counters().applied['PUT /agents/{id}'] ?? 0).toBe(before + 2);
    expect(sb.state.agentById.get(Number(agentId))?.donotdisturb).toBe(false);
    expect(off.agents.find((agent) => agent.agentId === agentId)?.doNotDisturb).toBe(false);
  });

  it('hides the figures Callingly cannot derive instead of showing them as 0', async () => {
    const { core } = await callinglyWorld();
    const board = await call(core, 'metrics.board', { date: '2026-06-23' });
    expect([...board.hidden].sort()).toEqual(['appointments', 'loggedInSec', 'prospects', 'sms']);
    expect(board.goals.map((goal) => goal.metric)).not.toContain('appointments');
  });

  it('a Hot Prospector account answers supported: false, and refuses a DND change naming the provider', async () => {
    const world = await trayWorld();
    const status = await call(world.core, 'agent.status', {});
    expect(status).toEqual({ supported: false, provider: 'Hot Prospector', agents: [] });
    const error = await callError(world.core, 'agent.setDoNotDisturb', { agentId: '1', on: true });
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('Hot Prospector');
    const board = await call(world.core, 'metrics.board', {});
    expect(board.hidden).toEqual([]);
  });
});
