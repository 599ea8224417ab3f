import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../../src/core/cache';
import { callhub, type CallhubClient } from '../../../src/core/providers/callhub';
import type { ProviderSession } from '../../../src/core/providers/port';
import { WorkspaceSync } from '../../../src/core/sync';
import { OP_KIND } from '../../../src/core/sync/outbox/op-kinds';
import { startCallhubDemo } from '../../../src/sandbox/callhub/demo';
import { startCallhubSandbox, type CallhubSandbox } from '../../../src/sandbox/callhub';
import type { DemoSimulator } from '../../../src/sandbox/demo';
import { CallsideError } from '../../../src/shared/errors';
import { tempDir } from '../../helpers/core';

/**
 * A CallHub account synced the way the app does it: the Demo simulator over HTTP, the module's
 * session through WorkspaceSync, a real SQLite cache.
 */
const NOW = new Date('2026-06-23T19:00:00Z');

describe('CallHub sync into the cache', () => {
  let demo: DemoSimulator;
  let sb: CallhubSandbox;
  let cache: Cache;
  let session: ProviderSession & { client: CallhubClient };
  let sync: WorkspaceSync;

  beforeEach(async () => {
    demo = await startCallhubDemo({ seed: 3, leads: 45 });
    sb = demo.sandbox as CallhubSandbox;
    cache = await openCache(join(tempDir(), 'callhub.sqlite'));
    session = callhub.connect({
      account: demo.account,
      apiKey: demo.apiKey,
      secrets: undefined as never,
      policy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 2 },
    }) as typeof session;
    sync = new WorkspaceSync({ cache, session: async () => session, now: () => NOW });
  });
  afterEach(async () => {
    await sync.dispose();
    await cache.close();
    await demo.close();
  });

  it('pulls phone books, fields and every contact, and verifies', async () => {
    await session.verify();
    const report = await sync.pull();
    expect(report.counts).toMatchObject({ groups: 3, leads: 45 });
    expect(report.counts.customFields).toBeGreaterThan(2);
    expect(await cache.leads.count()).toBe(45);
    const lead = await cache.leads.get(sb.fixtures.inTwoBooks);
    expect(lead).toMatchObject({ provider: 'callhub', groupIds: ['3100', '3101'] });
    expect((await cache.leads.get(sb.fixtures.dnc))?.unsubscribed).toBe(true);
    expect((await cache.customFields.list()).map((f) => f.name)).toContain('Preferred language');
  });

  it('fails a sync with a refused key as auth, the key in no message, the Demo describing itself', async () => {
    const wrong = callhub.connect({ account: demo.account, apiKey: 'not-the-key-4242', secrets: undefined as never });
    const refused = new WorkspaceSync({ cache, session: async () => wrong, now: () => NOW });
    const error = await refused.pull().catch((e: unknown) => e);
    await refused.dispose();
    expect(error).toMatchObject({ code: 'auth' });
    expect(String((error as Error).message)).not.toContain('not-the-key-4242');
    expect(await cache.leads.count()).toBe(0);
    expect(demo.account).toMatchObject({ provider: 'callhub', region: 'US', baseUrl: sb.baseUrl });
    expect(demo.describe().lines.join('\n')).toContain('--provider callhub');
  });

  it('resumes an interrupted pass at the page it stopped on, removing nothing it listed before', async () => {
    sb.setFaults({ only: ['/contacts/?page=2'], next: ['reset'] });
    await expect(sync.pull()).rejects.toMatchObject({ code: 'network' });
    expect(await cache.leads.count()).toBe(20);
    sb.setFaults({});
    sb.resetCounters();
    const report = await sync.pull();
    expect(sb.counters().requests['GET /contacts/']).toBe(2);
    expect(report.counts).toEqual(expect.objectContaining({ leads: 25 }));
    expect(report.counts.leadsRemoved).toBeUndefined();
    expect(await cache.leads.count()).toBe(45);
  });

  it('removes contacts CallHub stopped listing after a complete pass, keeping those in no phone book', async () => {
    await sync.pull();
    const bookless = (await cache.leads.list({ limit: 100 })).filter((l) => l.groupIds.length === 0);
    expect(bookless.length).toBeGreaterThan(0);
    sb.state.removeContact(sb.fixtures.french);
    const report = await sync.pull();
    expect(report.counts).toMatchObject({ leads: 44, leadsRemoved: 1 });
    expect(await cache.leads.get(sb.fixtures.french)).toBeNull();
    for (const lead of bookless) expect(await cache.leads.get(lead.id)).not.toBeNull();
  });

  it('keeps a contact gone from CallHub while a change to it is still queued', async () => {
    await sync.pull();
    await cache.addLocalNote({ leadId: sb.fixtures.french, text: 'Call back in June.' }, { kind: OP_KIND.noteAdd });
    sb.state.removeContact(sb.fixtures.french);
    const report = await sync.pull();
    expect(report.counts.leadsRemoved).toBeUndefined();
    expect(await cache.leads.get(sb.fixtures.french)).not.toBeNull();
  });

  it('opens a lead with its history, and keeps what it has when the history is unreadable', async () => {
    await sync.pull();
    const id = sb.fixtures.withHistory;
    const counts = await sync.refreshLead(id);
    expect(counts.activities).toBe(sb.state.data.history[id]?.length);
    const before = await cache.activities.timeline(id);
    expect(before.length).toBe(counts.activities);
    sb.setVariants({ mode: 'first', pin: { history: 'unknown' } });
    await expect(sync.refreshLead(id)).rejects.toMatchObject({ code: 'malformed' });
    expect(await cache.activities.timeline(id)).toEqual(before);
  });

  it('opens a lead no campaign has reached, and a lead made here, without an error', async () => {
    await sync.pull();
    const quiet = Object.entries(sb.state.data.history).find(([, rows]) => rows.length === 0)?.[0];
    if (quiet === undefined) throw new Error('fixture missing');
    expect(await sync.refreshLead(quiet)).toEqual({ notes: 0, activities: 0 });
    sb.resetCounters();
    expect(await sync.refreshLead('local-7f3a')).toEqual({ notes: 0, activities: 0 });
    expect(sb.counters().requests).toEqual({});
  });

  it('delivers a note once through the outbox to POST /contact-notes/{id}/', async () => {
    await sync.pull();
    const id = sb.fixtures.british;
    await cache.addLocalNote({ leadId: id, text: 'Prefers evenings.' }, { kind: OP_KIND.noteAdd });
    const result = await sync.sender.flush();
    expect(result).toMatchObject({ delivered: 1, pending: 0, failed: 0 });
    expect(sb.state.notes).toEqual([expect.objectContaining({ contactId: id, notes: 'Prefers evenings.' })]);
    expect(sb.counters().applied['POST /contact-notes/{id}/']).toBe(1);
  });

  it('refuses tags, do-not-disturb and metrics as unsupported, naming CallHub', async () => {
    expect(session.ops[OP_KIND.tagAdd]).toBeUndefined();
    expect(session.ops[OP_KIND.tagRemove]).toBeUndefined();
    expect(session.dashboard).toBeUndefined();
    const error = await session.agentStatus?.setDoNotDisturb('me', true, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallsideError);
    expect(error).toMatchObject({ code: 'unsupported', message: expect.stringContaining('CallHub') });
  });

  it('starts a call on the number the agent picked, mobile or landline', async () => {
    await sync.pull();
    const lead = await cache.leads.get(sb.fixtures.withMobile);
    if (!lead) throw new Error('fixture missing');
    await session.startCall?.({ leadId: lead.id, phone: lead.mobile });
    await session.startCall?.({ leadId: lead.id, phone: lead.phone });
    expect([...sb.state.dialers.values()].map((d) => d.calls)).toEqual([['mobile'], ['contact']]);
    await expect(session.startCall?.({ leadId: lead.id, phone: '+14155550000' })).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect((await session.agentStatus?.list())?.[0]).toMatchObject({ available: false, name: 'Dana Whitfield' });
  });
});

describe('CallHub account region', () => {
  it('reads national numbers of contacts without country_code in the account region, US when none is set', async () => {
    const sb = await startCallhubSandbox({ contacts: 20, region: 'GB' });
    try {
      const phoneOf = async (region: string | null): Promise<string | undefined> => {
        const account = {
          provider: 'callhub' as const,
          api: null,
          uid: '',
          baseUrl: sb.baseUrl,
          timezone: 'UTC',
          region,
        };
        const session = callhub.connect({ account, apiKey: sb.apiKey, secrets: undefined as never });
        const page = await (session as ProviderSession & { client: CallhubClient }).client.contactsPage(
          null,
          new Set(),
        );
        return page.leads.find((lead) => lead.id === sb.fixtures.nationalNoCountry)?.phone;
      };
      expect(await phoneOf('GB')).toMatch(/^\+4420794600?\d{3}$/);
      expect(await phoneOf(null)).toMatch(/^020 7946 0\d{3}$/);
    } finally {
      await sb.close();
    }
  });
});
