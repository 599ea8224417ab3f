import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { createNodeCore } from '../../../src/core/node-core';
import { SandboxDemoWorkspace } from '../../../src/hosts/demo-workspace';
import type { CallhubSandbox } from '../../../src/sandbox/callhub';
import type { Lead } from '../../../src/shared/domain';
import { tempDir } from '../../helpers/core';

/**
 * lead.call: click-to-call through the provider, through the real core and the simulators over
 * HTTP. CallHub (`call.start`) opens a dialer on the contact and rings the agent; Hot Prospector
 * refuses at once, naming itself; a call CallHub refused is never reported as ringing.
 */
type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.dispose()));
});

async function syncedCore(demo: SandboxDemoWorkspace): Promise<{ core: Core; leads: Lead[] }> {
  const core = createNodeCore({ hostKind: 'browser', dataDir: tempDir(), demo });
  cores.push(core);
  const run = (await core.dispatch('sync.run', { full: true })) as Answer;
  expect(run.ok, JSON.stringify(run)).toBe(true);
  const listed = (await core.dispatch('leads.list', { limit: 500 })) as Answer & { value: { leads: Lead[] } };
  return { core, leads: listed.value.leads };
}

describe('lead.call', () => {
  it('places the call on CallHub: a dialer on the contact rings the agent, then the number', async () => {
    const demo = new SandboxDemoWorkspace({ provider: 'callhub', seed: 3, leads: 30 });
    const { core, leads } = await syncedCore(demo);
    const sb = (await demo.simulator()).sandbox as CallhubSandbox;
    const lead = leads.find((l) => l.phone !== '' && !l.unsubscribed && `${l.firstName}${l.lastName}` !== '');
    expect(lead, 'the seed has a contact with a number').toBeDefined();

    const answer = (await core.dispatch('lead.call', { leadId: lead!.id, phone: lead!.phone })) as Answer;
    expect(answer, JSON.stringify(answer)).toMatchObject({
      ok: true,
      value: {
        message: `CallHub is ringing you now; answer to be connected to ${`${lead!.firstName} ${lead!.lastName}`.trim()}.`,
      },
    });
    const dialers = [...sb.state.dialers.values()].filter((d) => d.contact === lead!.id);
    expect(dialers).toHaveLength(1);
    expect(dialers[0]!.calls).toEqual(['contact']);

    // A number that is not the lead's own is refused before CallHub is asked.
    const other = (await core.dispatch('lead.call', { leadId: lead!.id, phone: '+15550000000' })) as Answer;
    expect(other).toMatchObject({ ok: false, error: { code: 'invalid_request' } });

    // Gone at CallHub: the call fails, and nothing says it is ringing.
    const gone = leads.find((l) => l.id !== lead!.id && l.phone !== '')!;
    sb.state.removeContact(gone.id);
    const failed = (await core.dispatch('lead.call', { leadId: gone.id, phone: gone.phone })) as Answer;
    expect(failed.ok).toBe(false);
    expect(JSON.stringify(failed)).not.toContain('ringing');
    expect([...sb.state.dialers.values()].some((d) => d.contact === gone.id && d.calls.length > 0)).toBe(false);
  }, 120_000);

  it('is unsupported on Hot Prospector, naming it', async () => {
    const { core, leads } = await syncedCore(new SandboxDemoWorkspace({ leads: 40 }));
    const lead = leads.find((l) => l.phone !== '')!;
    const answer = (await core.dispatch('lead.call', { leadId: lead.id, phone: lead.phone })) as Answer;
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: 'Hot Prospector cannot place calls.' },
    });
  }, 120_000);
});
