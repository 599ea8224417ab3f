import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { createNodeCore } from '../../../src/core/node-core';
import { SandboxDemoWorkspace } from '../../../src/hosts/demo-workspace';
import type { HipcallSandbox } from '../../../src/sandbox/hipcall/server';
import type { Activity, Lead, Note } from '../../../src/shared/domain';
import { tempDir } from '../../helpers/core';

/**
 * The lead view on the Hipcall Demo workspace, through the real core and the simulator over
 * HTTP: where a note on a contact lead and on a phone-only lead goes, and an expired recording
 * link refreshed through lead.recording and saved back into the cache.
 */
interface LeadView {
  lead: Lead;
  notes: Note[];
  timeline: Activity[];
  notesGoTo: 'provider' | 'local';
}

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

async function value<T>(answer: Promise<unknown>): Promise<T> {
  const result = (await answer) as Answer;
  if (!result.ok) throw new Error(`dispatch failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const HOUR = 60 * 60_000;

describe('the lead view on Hipcall', () => {
  let core: Core;
  let sb: HipcallSandbox;
  let leads: Lead[];

  beforeAll(async () => {
    const demo = new SandboxDemoWorkspace({ provider: 'hipcall', seed: 11, leads: 30 });
    core = createNodeCore({ hostKind: 'browser', dataDir: tempDir(), demo });
    sb = (await demo.simulator()).sandbox as HipcallSandbox;
    // The links the sync reads were signed two hours ago: they stopped playing an hour ago.
    sb.setNow(new Date(Date.now() - 2 * HOUR));
    await value(core.dispatch('sync.run', { full: true }));
    sb.setNow(new Date());
    leads = (await value<{ leads: Lead[] }>(core.dispatch('leads.list', { limit: 500 }))).leads;
  }, 120_000);
  afterAll(() => core.dispose());

  const open = (leadId: string) => value<LeadView>(core.dispatch('lead.open', { leadId }));

  it('says a contact lead\u2019s notes go to Hipcall and a phone-only lead\u2019s stay here', async () => {
    const contact = leads.find((lead) => lead.id.startsWith('contact:'));
    const phoneOnly = leads.find((lead) => lead.id.startsWith('phone:') && !lead.customFields.hipcallContactId);
    expect(contact, 'the seed has a contact lead').toBeDefined();
    expect(phoneOnly, 'the seed has a phone-only lead').toBeDefined();
    expect((await open(contact!.id)).notesGoTo).toBe('provider');
    expect((await open(phoneOnly!.id)).notesGoTo).toBe('local');

    // What the composer promised is what happens: the contact's note is a comment at Hipcall.
    await value(core.dispatch('lead.note', { leadId: contact!.id, text: 'Call back Tuesday' }));
    await value(core.dispatch('lead.note', { leadId: phoneOnly!.id, text: 'Wrong number?' }));
    await core.sync.push();
    expect(sb.comments.map((c) => c.content)).toContain('Call back Tuesday');
    expect(sb.comments.map((c) => c.content)).not.toContain('Wrong number?');
  });

  it('refreshes an expired recording through lead.recording and saves the fresh link', async () => {
    let lead: Lead | undefined;
    let call: Activity | undefined;
    for (const candidate of leads) {
      const view = await open(candidate.id);
      call = view.timeline.find((a) => a.recordingUrl !== null && a.recordingExpiresAt);
      if (call) {
        lead = candidate;
        break;
      }
    }
    expect(call, 'a synced call has a recording').toBeDefined();
    expect(Date.parse(call!.recordingExpiresAt!)).toBeLessThan(Date.now());
    expect((await fetch(call!.recordingUrl!)).status).toBe(403);

    const fresh = await value<{ url: string; expiresAt: string | null }>(
      core.dispatch('lead.recording', { leadId: lead!.id, activityId: call!.id }),
    );
    expect(fresh.url).not.toBe(call!.recordingUrl);
    expect(Date.parse(fresh.expiresAt!)).toBeGreaterThan(Date.now() + 30 * 60_000);
    const audio = await fetch(fresh.url);
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/mpeg');

    // Saved: the lead view now carries the fresh link, and asking again does not ask Hipcall.
    const saved = (await open(lead!.id)).timeline.find((a) => a.id === call!.id);
    expect(saved).toMatchObject({ recordingUrl: fresh.url, recordingExpiresAt: fresh.expiresAt });
    sb.resetCounters();
    const again = await value<{ url: string }>(
      core.dispatch('lead.recording', { leadId: lead!.id, activityId: call!.id }),
    );
    expect(again.url).toBe(fresh.url);
    expect(Object.values(sb.counters().requests ?? {}).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('says plainly when the activity is not a recording of this lead', async () => {
    const answer = (await core.dispatch('lead.recording', { leadId: leads[0]!.id, activityId: 'nope' })) as Answer;
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
