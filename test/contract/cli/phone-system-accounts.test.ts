import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startCallhubSandbox,
  startHipcallSandbox,
  type CallhubSandbox,
  type HipcallSandbox,
} from '../../../src/sandbox';
import { dashboardSchema, leadSchema } from '../../../src/shared/domain';
import { ownStderr, runCli, type CliRun } from '../../helpers/cli';
import { tempDir } from '../../helpers/core';

/**
 * Issues 11 and 12 through the `callside` command, as a script would use it: a Hipcall and a
 * CallHub account each added with their own flags (and only those), synced, read, popped and
 * written to, against their simulators over HTTP. What a provider cannot do fails at once with
 * `unsupported`, naming it.
 */
const json = (run: CliRun): unknown => {
  expect(ownStderr(run).includes('"error"'), run.stderr).toBe(false);
  return JSON.parse(run.stdout) as unknown;
};
const errorOf = (run: CliRun) => JSON.parse(ownStderr(run)).error as { code: string; message: string };

describe('callside with a CallHub account', () => {
  let sb: CallhubSandbox;
  const dataDir = tempDir();
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(['--data-dir', dataDir, ...args], { env });

  beforeAll(async () => {
    sb = await startCallhubSandbox({ seed: 6 });
  });
  afterAll(() => sb.close());

  it('takes only its own flags, verifies the key, and says what CallHub can do', async () => {
    const base = ['account', 'add', '--provider', 'callhub', '--base-url', sb.baseUrl, '--json'];
    const foreign = await cli([...base, '--uid', '7'], { CALLSIDE_API_KEY: sb.apiKey });
    expect(foreign.code).not.toBe(0);
    expect(foreign.stderr).toContain('--uid is not a CallHub account setting');

    const wrong = await cli([...base, '--region', 'FR'], { CALLSIDE_API_KEY: 'not-the-key' });
    expect(errorOf(wrong).code).toBe('auth');
    expect(wrong.stderr).not.toContain('not-the-key');

    const added = await cli([...base, '--region', 'fr'], { CALLSIDE_API_KEY: sb.apiKey });
    expect(added.code, added.stderr).toBe(0);
    expect(json(added)).toMatchObject({ provider: 'callhub', baseUrl: sb.baseUrl, region: 'FR' });
    const shown = json(await cli(['account', 'show', '--json'])) as { capabilities: string[] };
    expect(shown.capabilities).toEqual(expect.arrayContaining(['leads.list', 'notes.write', 'call.start']));
    expect(shown.capabilities).not.toContain('tags.write');
    expect(shown.capabilities).not.toContain('metrics.derived');
  });

  it('syncs the contacts and pops a French national number in the account region', async () => {
    const synced = await cli(['sync', '--json']);
    expect(synced.code, synced.stderr).toBe(0);
    const french = sb.state.contact(sb.fixtures.french)!;
    const digits = french.contact.replace(/\D/g, '');
    // As an agent types it off a French softphone: national, spaced, no +.
    const national = (digits.startsWith('33') ? `0${digits.slice(2)}` : digits).replace(/(\d{2})(?=\d)/g, '$1 ');
    const popped = json(await cli(['pop', national, '--json'])) as { lead: unknown };
    expect(leadSchema.parse(popped.lead)).toMatchObject({ id: french.id, provider: 'callhub' });
  });

  it('sends a note to CallHub once and says so; refuses tags and figures, naming CallHub', async () => {
    const contact = sb.state.contact(sb.fixtures.inTwoBooks)!;
    const noted = json(await cli(['note', 'add', contact.id, 'Wants the volunteer schedule', '--json']));
    expect(noted).toMatchObject({ status: 'delivered' });
    expect(sb.state.notes.filter((note) => note.contactId === contact.id)).toEqual([
      expect.objectContaining({ notes: 'Wants the volunteer schedule' }),
    ]);
    const human = await cli(['note', 'add', contact.id, 'Called back']);
    expect(human.stdout).toContain('sent to CallHub');

    const tagged = await cli(['tag', 'add', contact.id, 'Hot', '--json']);
    expect(errorOf(tagged)).toMatchObject({ code: 'unsupported', message: expect.stringContaining('CallHub') });
    const metrics = await cli(['metrics', '--json']);
    expect(errorOf(metrics)).toMatchObject({ code: 'unsupported', message: expect.stringContaining('CallHub') });
    expect(json(await cli(['outbox', '--json']))).toEqual({ pending: [], failed: [] });
  });
});

describe('callside with a Hipcall account', () => {
  let sb: HipcallSandbox;
  const dataDir = tempDir();
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(['--data-dir', dataDir, ...args], { env });
  const NOW = new Date('2026-06-23T19:00:00Z');

  beforeAll(async () => {
    sb = await startHipcallSandbox({ seed: 6, now: NOW, timezone: 'America/New_York' });
  });
  afterAll(() => sb.close());

  it('adds the account with the agent as --uid, syncs its callers and derives the day', async () => {
    const added = await cli(
      [
        'account',
        'add',
        '--provider',
        'hipcall',
        '--uid',
        '13',
        '--base-url',
        sb.baseUrl,
        '--timezone',
        'America/New_York',
        '--json',
      ],
      { CALLSIDE_API_KEY: sb.credentials.apiKey },
    );
    expect(added.code, added.stderr).toBe(0);
    expect(json(added)).toMatchObject({ provider: 'hipcall', uid: '13', timezone: 'America/New_York' });

    const synced = await cli(['sync', '--json']);
    expect(synced.code, synced.stderr).toBe(0);
    const leads = json(await cli(['leads', '--limit', '1000', '--json'])) as {
      leads: Array<{ id: string; phone: string }>;
    };
    expect(leads.leads.length).toBeGreaterThan(0);
    // One lead per number, and never an extension.
    const phones = leads.leads.map((lead) => lead.phone);
    expect(new Set(phones).size).toBe(phones.length);
    for (const phone of phones) expect(phone.replace(/\D/g, '').length).toBeGreaterThan(6);

    const board = dashboardSchema.parse(json(await cli(['metrics', '--date', '2026-06-23', '--json'])));
    expect(board.agents.some((agent) => agent.inboundCalls + agent.outboundCalls > 0)).toBe(true);
  });

  it('keeps a note on a phone-only lead on this computer, and refuses tags naming Hipcall', async () => {
    const leads = json(await cli(['leads', '--limit', '1000', '--json'])) as { leads: Array<{ id: string }> };
    const phoneOnly = leads.leads.find((lead) => lead.id.startsWith('phone:'));
    expect(phoneOnly, 'the simulator has a caller that is not a Hipcall contact').toBeDefined();
    const before = sb.comments.length;
    const noted = json(await cli(['note', 'add', phoneOnly!.id, 'Left a voicemail', '--json']));
    expect(noted).toMatchObject({ status: 'kept_local' });
    expect(sb.comments.length).toBe(before);

    const tagged = await cli(['tag', 'add', phoneOnly!.id, 'Hot', '--json']);
    expect(errorOf(tagged)).toMatchObject({ code: 'unsupported', message: expect.stringContaining('Hipcall') });
  });
});
