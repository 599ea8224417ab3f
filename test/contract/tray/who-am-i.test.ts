import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { createNodeCore } from '../../../src/core/node-core';
import { ownAgent, resolveMe } from '../../../src/core/services/metrics-service';
import { startHipcallSandbox, type HipcallSandbox } from '../../../src/sandbox/hipcall/server';
import { agentMetricsSchema, type AgentMetrics } from '../../../src/shared/domain';
import { call } from './helpers';

/**
 * "Who am I" when the agent picked nobody: an account that names its own user (Hipcall's
 * `uid`) speaks for them, so "my" figures show at once; an explicit pick or e-mail still wins.
 */

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ZONE = 'America/New_York';

function agent(agentId: string, agentName: string, agentEmail = ''): AgentMetrics {
  return agentMetricsSchema.parse({
    agentId,
    agentName,
    agentEmail,
    outboundCalls: 0,
    inboundCalls: 0,
    answeredCalls: 0,
    hangups: 0,
    answerRate: 0,
    talkMinutes: 0,
    conversations: 0,
    conversionRate: 0,
    prospects: 0,
    appointments: 0,
    sms: 0,
    loggedInSec: 0,
    firstCall: null,
    lastCall: null,
    dispositions: [],
  });
}

const TEAM = [agent('12', 'Ada Park', 'ada@example.com'), agent('13', 'Kenji Sato'), agent('14', 'Maya Cole')];
const NOBODY = { agentId: null, email: '' };

describe('resolveMe', () => {
  it("falls back to the account's uid when nobody was picked and no e-mail is set", () => {
    expect(resolveMe(TEAM, NOBODY, { uid: '13' })).toEqual({ me: TEAM[1], matchedBy: 'id' });
  });

  it('keeps an explicit pick winning over the account', () => {
    expect(resolveMe(TEAM, { agentId: '14', email: '' }, { uid: '13' })).toEqual({ me: TEAM[2], matchedBy: 'id' });
  });

  it('keeps an e-mail winning over the account, and does not fall back once the agent said who they are', () => {
    expect(resolveMe(TEAM, { agentId: null, email: 'ADA@example.com' }, { uid: '13' })).toEqual({
      me: TEAM[0],
      matchedBy: 'email',
    });
    // A pick or e-mail that matches nobody today is not overruled by the account.
    expect(resolveMe(TEAM, { agentId: '99', email: '' }, { uid: '13' })).toEqual({ me: null, matchedBy: null });
    expect(resolveMe(TEAM, { agentId: null, email: 'nobody@example.com' }, { uid: '13' })).toEqual({
      me: null,
      matchedBy: null,
    });
  });

  it("takes the account's user as an agent only where the provider says it is one (Hipcall), not Hot Prospector's API owner", () => {
    const base = { api: null, baseUrl: 'https://example.test', timezone: 'UTC' };
    expect(ownAgent({ ...base, provider: 'hipcall', uid: '13' })).toEqual({ uid: '13' });
    expect(ownAgent({ ...base, provider: 'hipcall', uid: '' })).toBeNull();
    expect(ownAgent({ ...base, provider: 'hotprospector', api: 'v2', uid: '4242' })).toBeNull();
    expect(ownAgent({ ...base, provider: 'callingly', uid: '' })).toBeNull();
  });

  it('matches nobody when the account names no user or a user not on the board', () => {
    expect(resolveMe(TEAM, NOBODY, { uid: '' })).toEqual({ me: null, matchedBy: null });
    expect(resolveMe(TEAM, NOBODY, { uid: '4242' })).toEqual({ me: null, matchedBy: null });
    expect(resolveMe(TEAM, NOBODY)).toEqual({ me: null, matchedBy: null });
  });
});

async function hipcallWorld(uid: string | undefined): Promise<{ sb: HipcallSandbox; core: Core }> {
  const sb = await startHipcallSandbox({ seed: 3, timezone: ZONE, rateLimit: { limit: 1000, windowMs: 60_000 } });
  cleanups.push(() => sb.close().catch(() => undefined));
  const dataDir = mkdtempSync(join(tmpdir(), 'callside-whoami-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const core = createNodeCore({ hostKind: 'browser', dataDir, demo: null });
  cleanups.push(() => core.dispose());
  const connected = await core.dispatch('account.connect', {
    provider: 'hipcall',
    baseUrl: sb.baseUrl,
    apiKey: sb.credentials.apiKey,
    timezone: ZONE,
    ...(uid ? { uid } : {}),
  });
  expect(connected.ok, JSON.stringify(connected)).toBe(true);
  return { sb, core };
}

describe('who am I on a Hipcall account with --uid (core, Hipcall simulator over HTTP)', () => {
  it("shows the account's own user as me on the board, the trend and without any pick", async () => {
    const { core } = await hipcallWorld('13');
    const board = await call(core, 'metrics.board', {});
    expect(board.agents.map((a) => a.agentId)).toContain('13');
    expect(board.me?.agentId).toBe('13');
    expect(board.meMatchedBy).toBe('id');
    const trend = await call(core, 'metrics.trend', { days: 3 });
    expect(trend.meMatched).toBe(true);
    expect(trend.days.every((day) => day.me === null || day.me.agentId === '13')).toBe(true);
  });

  it('an explicit pick wins over the account, and clearing it falls back to the account again', async () => {
    const { core } = await hipcallWorld('13');
    await call(core, 'desktop.settings.update', { agent: { agentId: '14' } });
    const picked = await call(core, 'metrics.board', {});
    expect(picked.me?.agentId).toBe('14');
    await call(core, 'desktop.settings.update', { agent: { agentId: null } });
    expect((await call(core, 'metrics.board', {})).me?.agentId).toBe('13');
  });

  it('an account without a uid leaves "me" to the agent', async () => {
    const { core } = await hipcallWorld(undefined);
    const board = await call(core, 'metrics.board', {});
    expect(board.agents.length).toBeGreaterThan(0);
    expect(board.me).toBeNull();
    expect(board.meMatchedBy).toBeNull();
  });
});
