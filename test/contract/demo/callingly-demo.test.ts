import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { createNodeCore } from '../../../src/core/node-core';
import { CALLINGLY_CAPABILITIES } from '../../../src/core/providers/callingly/provider';
import { SandboxDemoWorkspace, type DemoOptions } from '../../../src/hosts/demo-workspace';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../src/shared/contract/channels';
import type { Lead } from '../../../src/shared/domain';
import { tempDir } from '../../helpers/core';

/**
 * The Demo workspace on the Callingly simulator: a real core, the simulator over real HTTP,
 * reached through the real Callingly client, a real SQLite cache. Everything goes through
 * core.dispatch, as the app's windows do.
 */
const cores: Core[] = [];

function demoCore(dataDir: string, options: DemoOptions): Core {
  const core = createNodeCore({ hostKind: 'browser', dataDir, demo: new SandboxDemoWorkspace(options) });
  cores.push(core);
  return core;
}

async function value<C extends ChannelName>(core: Core, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`dispatch failed: ${JSON.stringify(result.error)}`);
  return result.value as ChannelOutput<C>;
}

afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.dispose()));
});

describe('the Demo workspace on the Callingly simulator', () => {
  it('shows Callingly, syncs its leads with their calls, and refuses what Callingly cannot do', async () => {
    const dataDir = tempDir();
    const core = demoCore(dataDir, { provider: 'callingly', leads: 60 });

    const overview = await value(core, 'workspace.overview', {});
    expect(overview).toMatchObject({ kind: 'demo', account: { provider: 'callingly' } });
    expect(overview.provider?.name).toBe('Callingly');
    expect(new Set(overview.provider?.capabilities)).toEqual(CALLINGLY_CAPABILITIES);
    expect(overview.account.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);

    const status = await value(core, 'sync.run', { full: false });
    expect(status).toMatchObject({ running: false, lastError: null });

    const page = await value(core, 'leads.list', { limit: 500 });
    expect(page.leads.length).toBeGreaterThanOrEqual(60);
    expect(new Set(page.leads.map((lead: Lead) => lead.provider))).toEqual(new Set(['callingly']));
    expect((await value(core, 'workspace.overview', {})).totalLeads).toBe(page.leads.length);

    let opened = null;
    for (const lead of page.leads) {
      const view = await value(core, 'lead.open', { leadId: lead.id });
      if (view?.timeline.some((activity) => activity.kind === 'call')) {
        opened = view;
        break;
      }
    }
    expect(opened?.lead.provider).toBe('callingly');
    expect(opened?.timeline.filter((activity) => activity.kind === 'call').length).toBeGreaterThan(0);

    const tags = await core.dispatch('lead.tags', { leadId: page.leads[0]!.id, action: 'add', tags: ['hot'] });
    expect(tags).toMatchObject({ ok: false, error: { code: 'unsupported' } });

    // Campaigns are Hot Prospector's alone: the Callingly demo has no Hot Prospector client.
    const campaigns = await core.dispatch('metrics.campaigns', {});
    expect(JSON.stringify(campaigns)).toContain('"code":"unsupported"');

    // Its cache is its own file: the Hot Prospector demo keeps demo.sqlite.
    expect(existsSync(join(dataDir, 'cache', 'demo-callingly.sqlite'))).toBe(true);
    expect(existsSync(join(dataDir, 'cache', 'demo.sqlite'))).toBe(false);
  });

  it('never mixes its data with the Hot Prospector demo of the same data folder', async () => {
    const dataDir = tempDir();
    const hotProspector = demoCore(dataDir, { leads: 40 });
    await value(hotProspector, 'sync.run', { full: false });
    const hpLeads = await value(hotProspector, 'leads.list', { limit: 500 });
    expect(new Set(hpLeads.leads.map((lead: Lead) => lead.provider))).not.toContain('callingly');
    await hotProspector.dispose();
    cores.splice(cores.indexOf(hotProspector), 1);
    expect(existsSync(join(dataDir, 'cache', 'demo.sqlite'))).toBe(true);

    const callingly = demoCore(dataDir, { provider: 'callingly', leads: 30 });
    const before = await value(callingly, 'workspace.overview', {});
    expect(before.totalLeads).toBe(0);
    await value(callingly, 'sync.run', { full: false });
    const clLeads = await value(callingly, 'leads.list', { limit: 500 });
    expect(new Set(clLeads.leads.map((lead: Lead) => lead.provider))).toEqual(new Set(['callingly']));
  });

  it("pops a caller the cache does not know from Callingly's phone lookup, national spelling too, and keeps the lead", async () => {
    const demo = new SandboxDemoWorkspace({ provider: 'callingly', leads: 20 });
    const core = createNodeCore({ hostKind: 'browser', dataDir: tempDir(), demo });
    cores.push(core);
    const sandbox = await demo.callinglySandbox();
    const known = sandbox.state.data.leads.find((lead) => lead.phone.startsWith('+1'))!;
    // Nothing synced: the cache is empty, so only the provider can know this number.
    expect((await value(core, 'workspace.overview', {})).totalLeads).toBe(0);
    const national = known.phone.slice(2);

    const pop = await core.dispatch('screen.pop', { phone: national });
    expect(pop).toMatchObject({ ok: true, value: { e164: known.phone, lead: { phone: known.phone } } });
    expect((await value(core, 'workspace.overview', {})).totalLeads).toBeGreaterThanOrEqual(1);

    // The provider down: the next pop of that number answers from the cache all the same.
    sandbox.setFaults({ rates: { http5xx: 1 } });
    const again = await core.dispatch('screen.pop', { phone: known.phone });
    expect(again).toMatchObject({ ok: true, value: { lead: { phone: known.phone } } });
    const unknown = await core.dispatch('screen.pop', { phone: '+12025550199' });
    expect(unknown).toMatchObject({ ok: true, value: { lead: null } });
  });

  it("keeps the Hot Prospector demo on Hot Prospector, with what only it has (campaigns), and Callingly's without", async () => {
    const demo = new SandboxDemoWorkspace({ leads: 20 });
    const callingly = demo.forProvider('callingly');
    try {
      expect((await demo.account()).provider).toBe('hotprospector');
      const session = await demo.session();
      expect(session.name).toBe('Hot Prospector');
      expect((await session.campaigns?.list())?.length).toBeGreaterThan(0);
      const other = await callingly.session();
      expect(other.name).toBe('Callingly');
      expect(other.campaigns).toBeUndefined();
      expect(other.capabilities.has('campaigns.read')).toBe(false);
    } finally {
      await demo.stop();
    }
  });
});
