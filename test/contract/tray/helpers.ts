import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Core } from '../../../src/core/core';
import type { TrayServices } from '../../../src/core/services/tray-services';
import { trayServicesOf } from '../../../src/main/tray-bridge';
import { createNodeCore } from '../../../src/core/node-core';
import { startHotProspectorSandbox, type HotProspectorSandbox } from '../../../src/sandbox';
import type { SbCall, SbSms } from '../../../src/sandbox';
import type { TrayChannelInput, TrayChannelName, TrayChannelOutput } from '../../../src/shared/contract/tray-channels';
import type { EventName, HostKind } from '../../../src/shared/contract/channels';
import type { Lead } from '../../../src/shared/domain';
import type { HotProspectorClient } from '../../../src/core/providers/hotprospector/client';
import type { HotProspectorSession } from '../../../src/core/providers/hotprospector/provider';

/**
 * The desktop services as the hosts run them: a real core (settings and secrets files, an
 * account verified against the sandbox, its SQLite cache) talking HTTP to a Hot Prospector
 * sandbox started by the test. Calls go through the contract dispatcher, like a window's.
 */

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export interface TrayWorld {
  sb: HotProspectorSandbox;
  dataDir: string;
  core: Core;
  /** Every event the core pushed, in order. */
  events: Array<{ event: string; payload: unknown }>;
  /** A fresh core on the same data directory: what a restart of the app sees. */
  restart(): Promise<Core>;
}

export async function startSandbox(): Promise<HotProspectorSandbox> {
  const sb = await startHotProspectorSandbox({ seed: 11, leads: 60, faults: { latencyMs: 0 } });
  cleanups.push(() => sb.close().catch(() => undefined));
  return sb;
}

export async function trayWorld(
  options: { api?: 'v1' | 'v2'; sb?: HotProspectorSandbox; hostKind?: HostKind } = {},
): Promise<TrayWorld> {
  const sb = options.sb ?? (await startSandbox());
  const dataDir = mkdtempSync(join(tmpdir(), 'callside-tray-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const api = options.api ?? 'v2';
  const open = (): Core => {
    const core = createNodeCore({ hostKind: options.hostKind ?? 'browser', dataDir, demo: null });
    cleanups.push(() => core.dispose());
    return core;
  };
  const core = open();
  await core.accounts.add(
    { provider: 'hotprospector', api, uid: sb.credentials.uid, baseUrl: api === 'v1' ? sb.v1Url : sb.v2BaseUrl },
    sb.credentials.apiKey,
  );
  const events: TrayWorld['events'] = [];
  core.events.subscribe((event, payload) => events.push({ event, payload }));
  return {
    sb,
    dataDir,
    core,
    events,
    async restart() {
      await core.dispose();
      const next = open();
      next.events.subscribe((event, payload) => events.push({ event, payload }));
      return next;
    },
  };
}

/** The core's desktop services (Core.tray). */
export function trayOf(core: Core): TrayServices {
  const tray = trayServicesOf(core);
  if (!tray) throw new Error('createCore does not build the tray services (see tray-handlers.ts)');
  return tray;
}

/** A desktop channel through the core's dispatcher; fails the test on an error envelope. */
export async function call<C extends TrayChannelName>(
  core: Core,
  channel: C,
  input: TrayChannelInput<C>,
): Promise<TrayChannelOutput<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as TrayChannelOutput<C>;
}

export async function callError(
  core: Core,
  channel: string,
  input: unknown,
): Promise<{ code: string; message: string }> {
  const result = await core.dispatch(channel, input);
  expect(result.ok, `${channel} should fail`).toBe(false);
  return (result as { ok: false; error: { code: string; message: string } }).error;
}

export function eventsNamed(world: TrayWorld, name: EventName | string): unknown[] {
  return world.events.filter((e) => e.event === name).map((e) => e.payload);
}

/** Fills the account's cache with every lead of every group, read from the sandbox over HTTP. */
export async function cacheAllLeads(core: Core): Promise<Lead[]> {
  const workspace = await core.workspaces.active();
  const client = await hotProspectorClient(workspace);
  const seen = new Map<string, Lead>();
  for (const group of await client.listGroups()) {
    for (const lead of await client.searchLeads({ groupId: group.id })) seen.set(lead.id, lead);
  }
  const leads = [...seen.values()];
  await workspace.cache.leads.upsertPage(leads);
  return leads;
}

export function requests(sb: HotProspectorSandbox, method: string): number {
  return sb.counters().requests[method] ?? 0;
}

/** A call the agent's phone system takes right now, appended to the sandbox's log. */
export function injectInboundCall(sb: HotProspectorSandbox, leadId: string): SbCall {
  const calls = sb.state.data.calls;
  const template = calls[calls.length - 1] as SbCall;
  const call: SbCall = {
    ...template,
    id: Math.max(...calls.map((c) => c.id)) + 1,
    leadId: Number(leadId),
    at: Math.max(Date.now() - 1000, template.at + 1),
    inbound: true,
    status: 'completed',
    durationSec: 95,
  };
  calls.push(call);
  return call;
}

export function injectInboundSms(sb: HotProspectorSandbox, leadId: string, body: string): SbSms {
  const sms = sb.state.data.sms;
  const template = sms[sms.length - 1] as SbSms;
  const message: SbSms = {
    ...template,
    id: Math.max(...sms.map((s) => s.id)) + 1,
    leadId: Number(leadId),
    at: Math.max(Date.now() - 1000, template.at + 1),
    status: 'Received',
    body,
  };
  sms.push(message);
  return message;
}

/** The Hot Prospector client behind a workspace's session, for reading the sandbox directly. */
export async function hotProspectorClient(workspace: { session(): Promise<unknown> }): Promise<HotProspectorClient> {
  return ((await workspace.session()) as HotProspectorSession).client;
}
