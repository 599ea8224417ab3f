import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { createNodeCore } from '../../../src/core/node-core';
import { SandboxDemoWorkspace } from '../../../src/hosts/demo-workspace';
import type { AccountStatus } from '../../../src/shared/contract/channels';
import type { Lead } from '../../../src/shared/domain';
import { tempDir } from '../../helpers/core';

/**
 * Issue 10: the agent picks the Demo workspace's provider in the app. A real core, both
 * simulators over real HTTP, everything through core.dispatch as the app's windows do.
 */
const cores: Core[] = [];

afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.dispose()));
});

interface Overview {
  kind: string;
  account: { provider: string };
  provider?: { name: string };
}
interface Settings {
  demoProvider: string | null;
}

async function value<T>(answer: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(`dispatch failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

describe('the Demo workspace provider setting', () => {
  it('switches the Demo workspace to the picked simulator, reloads the UI, and reopens its own data', async () => {
    const dataDir = tempDir();
    const core = createNodeCore({
      hostKind: 'browser',
      dataDir,
      demo: new SandboxDemoWorkspace({ leads: 40 }),
    });
    cores.push(core);
    const heard: string[] = [];
    core.events.subscribe((event, payload) => {
      if (event === 'account.changed') heard.push(`account.changed:${(payload as AccountStatus).mode}`);
      if (event === 'workspace.changed' && (payload as { leadIds: unknown }).leadIds === null) heard.push(event);
    });

    expect(await value<Settings>(core.dispatch('settings.get', {}))).toMatchObject({ demoProvider: 'hotprospector' });
    const before = await value<Overview>(core.dispatch('workspace.overview', {}));
    expect(before).toMatchObject({ kind: 'demo', account: { provider: 'hotprospector' } });
    expect(before.provider?.name).toBe('Hot Prospector');
    await value(core.dispatch('sync.run', { full: false }));
    const hpLeads = await value<{ leads: Lead[] }>(core.dispatch('leads.list', { limit: 500 }));
    expect(new Set(hpLeads.leads.map((lead) => lead.provider))).not.toContain('callingly');

    heard.length = 0;
    const saved = await value<Settings>(core.dispatch('settings.update', { demoProvider: 'callingly' }));
    expect(saved.demoProvider).toBe('callingly');
    expect(heard).toEqual(['account.changed:demo', 'workspace.changed']);
    expect(await value<Settings>(core.dispatch('settings.get', {}))).toMatchObject({ demoProvider: 'callingly' });

    const after = await value<Overview>(core.dispatch('workspace.overview', {}));
    expect(after).toMatchObject({ kind: 'demo', account: { provider: 'callingly' } });
    expect(after.provider?.name).toBe('Callingly');
    await value(core.dispatch('sync.run', { full: false }));
    const clLeads = await value<{ leads: Lead[] }>(core.dispatch('leads.list', { limit: 500 }));
    expect(clLeads.leads.length).toBeGreaterThan(0);
    expect(new Set(clLeads.leads.map((lead) => lead.provider))).toEqual(new Set(['callingly']));

    // Picking the same provider again changes nothing; picking Hot Prospector reopens its own cache.
    heard.length = 0;
    await value(core.dispatch('settings.update', { demoProvider: 'callingly' }));
    expect(heard).toEqual([]);
    await value(core.dispatch('settings.update', { demoProvider: 'hotprospector' }));
    expect(heard).toEqual(['account.changed:demo', 'workspace.changed']);
    const back = await value<{ leads: Lead[] }>(core.dispatch('leads.list', { limit: 500 }));
    expect(back.leads.map((lead) => lead.id).sort()).toEqual(hpLeads.leads.map((lead) => lead.id).sort());
  });

  it('follows a pick stored by another host sharing the settings file on its next call', async () => {
    const core = createNodeCore({
      hostKind: 'browser',
      dataDir: tempDir(),
      demo: new SandboxDemoWorkspace({ leads: 40 }),
    });
    cores.push(core);
    expect(await value<Overview>(core.dispatch('workspace.overview', {}))).toMatchObject({
      account: { provider: 'hotprospector' },
    });
    core.options.settings.update({ demoProvider: 'callingly' });
    expect(await value<Overview>(core.dispatch('workspace.overview', {}))).toMatchObject({
      kind: 'demo',
      account: { provider: 'callingly' },
    });
  });

  it('refuses a provider that has no simulator', async () => {
    const core = createNodeCore({ hostKind: 'browser', dataDir: tempDir(), demo: new SandboxDemoWorkspace() });
    cores.push(core);
    const answer = await core.dispatch('settings.update', { demoProvider: 'zoho' } as never);
    expect(answer).toMatchObject({ ok: false, error: { code: 'bridge_payload' } });
  });
});
