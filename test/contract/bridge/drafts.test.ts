import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { createNodeCore } from '../../../src/core/node-core';
import { MAX_DRAFTS_PER_WORKSPACE } from '../../../src/core/services/drafts';
import { SandboxDemoWorkspace } from '../../../src/hosts/demo-workspace';
import { MAX_DRAFT_LENGTH } from '../../../src/shared/contract/draft-channels';
import { tempDir } from '../../helpers/core';

/** Real cores on real data folders: the drafts file is the one a restart reads. */
describe('note drafts over the bridge', () => {
  const cores: Core[] = [];
  const coreOn = (dataDir: string) => {
    const core = createNodeCore({ hostKind: 'browser', dataDir, demo: new SandboxDemoWorkspace({ leads: 50 }) });
    cores.push(core);
    return core;
  };
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.dispose();
  });

  const value = async <T>(answer: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> => {
    const settled = await answer;
    if (!settled.ok) throw new Error(JSON.stringify(settled.error));
    return settled.value as T;
  };

  it('keeps a draft per lead until it is discarded, and across a restart', async () => {
    const dataDir = tempDir();
    const first = coreOn(dataDir);
    expect(await value(first.dispatch('draft.get', { leadId: 'lead-1' }))).toBeNull();
    const saved = await value<{ text: string; savedAt: string }>(
      first.dispatch('draft.save', { leadId: 'lead-1', text: 'Call back <b>Tuesday</b>' }),
    );
    expect(saved).toMatchObject({ leadId: 'lead-1', text: 'Call back <b>Tuesday</b>' });
    await value(first.dispatch('draft.save', { leadId: 'lead-2', text: 'Wants a quote' }));
    await first.dispose();

    // A new core over the same data folder is what the next run of the app is.
    const second = coreOn(dataDir);
    expect(await value(second.dispatch('draft.get', { leadId: 'lead-1' }))).toMatchObject({
      text: 'Call back <b>Tuesday</b>',
      savedAt: saved.savedAt,
    });
    expect(await value(second.dispatch('draft.discard', { leadId: 'lead-1' }))).toEqual({ discarded: true });
    expect(await value(second.dispatch('draft.discard', { leadId: 'lead-1' }))).toEqual({ discarded: false });
    expect(await value(second.dispatch('draft.get', { leadId: 'lead-1' }))).toBeNull();
    expect(await value(second.dispatch('draft.get', { leadId: 'lead-2' }))).toMatchObject({ text: 'Wants a quote' });
  });

  it('lets saves made at once all land: the last write per lead wins, no other lead loses its draft', async () => {
    const core = coreOn(tempDir());
    // Two windows typing at once: each fires its saves without waiting for the other's.
    const saves = [];
    for (let i = 0; i < 20; i++) {
      saves.push(core.dispatch('draft.save', { leadId: `lead-${i % 10}`, text: `window A, take ${i}` }));
      saves.push(core.dispatch('draft.save', { leadId: `lead-${i % 10}`, text: `window B, take ${i}` }));
    }
    const answers = await Promise.all(saves);
    expect(answers.every((answer) => answer.ok)).toBe(true);
    for (let lead = 0; lead < 10; lead++) {
      // Each lead's last save was window B's second take on it.
      expect(await value(core.dispatch('draft.get', { leadId: `lead-${lead}` }))).toMatchObject({
        text: `window B, take ${lead + 10}`,
      });
    }
  });

  it('treats a blank draft as discarded and refuses one longer than a note may be', async () => {
    const core = coreOn(tempDir());
    await value(core.dispatch('draft.save', { leadId: 'lead-1', text: 'x' }));
    expect(await value(core.dispatch('draft.save', { leadId: 'lead-1', text: '   \n' }))).toBeNull();
    expect(await value(core.dispatch('draft.get', { leadId: 'lead-1' }))).toBeNull();
    const tooLong = await core.dispatch('draft.save', { leadId: 'lead-1', text: 'x'.repeat(MAX_DRAFT_LENGTH + 1) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'bridge_payload' } });
    const noLead = await core.dispatch('draft.save', { leadId: '', text: 'x' });
    expect(noLead).toMatchObject({ ok: false, error: { code: 'bridge_payload' } });
  });

  it('keeps a lead id that is provider text as data, and keeps the file bounded', async () => {
    const dataDir = tempDir();
    const core = coreOn(dataDir);
    await value(core.dispatch('draft.save', { leadId: '__proto__', text: 'odd id' }));
    expect(await value(core.dispatch('draft.get', { leadId: '__proto__' }))).toMatchObject({ text: 'odd id' });
    expect(await value(core.dispatch('draft.get', { leadId: 'constructor' }))).toBeNull();
    for (let i = 0; i < MAX_DRAFTS_PER_WORKSPACE + 5; i++) {
      await value(core.dispatch('draft.save', { leadId: `lead-${i}`, text: `draft ${i}` }));
    }
    const file = JSON.parse(readFileSync(join(dataDir, 'drafts.json'), 'utf8')) as {
      workspaces: Record<string, unknown[]>;
    };
    expect(Object.values(file.workspaces).map((drafts) => drafts.length)).toEqual([MAX_DRAFTS_PER_WORKSPACE]);
    // The oldest went first; the newest is there.
    expect(await value(core.dispatch('draft.get', { leadId: '__proto__' }))).toBeNull();
    expect(await value(core.dispatch('draft.get', { leadId: `lead-${MAX_DRAFTS_PER_WORKSPACE + 4}` }))).toMatchObject({
      text: `draft ${MAX_DRAFTS_PER_WORKSPACE + 4}`,
    });
  });

  it("keeps each workspace's drafts apart: the demo's do not show in another provider's demo", async () => {
    const core = coreOn(tempDir());
    await value(core.dispatch('draft.save', { leadId: 'lead-1', text: 'Hot Prospector demo' }));
    await value(core.dispatch('settings.update', { demoProvider: 'callingly' }));
    expect(await value(core.dispatch('draft.get', { leadId: 'lead-1' }))).toBeNull();
    await value(core.dispatch('settings.update', { demoProvider: 'hotprospector' }));
    expect(await value(core.dispatch('draft.get', { leadId: 'lead-1' }))).toMatchObject({
      text: 'Hot Prospector demo',
    });
  });
});
