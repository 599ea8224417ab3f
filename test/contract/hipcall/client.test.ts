import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { connectHipcall } from '../../../src/core/providers/hipcall/client';
import { hipcall } from '../../../src/core/providers/hipcall/provider';
import { createMemorySecretStore } from '../../../src/core/settings/memory-secret-store';
import { startHipcallSandbox, type HipcallSandbox } from '../../../src/sandbox/hipcall/server';
import { startHipcallDemo } from '../../../src/sandbox/hipcall/demo';
import { CallsideError, type ErrorCode } from '../../../src/shared/errors';
import type { Activity } from '../../../src/shared/domain';
import { harness, NOW, ZONE, type Harness } from './helpers';

const KEY = 'hc-sandbox-secret-token-7a6b5c4d3e';

async function failure(promise: Promise<unknown>): Promise<CallsideError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CallsideError);
  return error as CallsideError;
}

describe('Hipcall client: bad answers are typed errors, the key never shows', () => {
  let sb: HipcallSandbox;
  beforeAll(async () => {
    sb = await startHipcallSandbox({
      seed: 3,
      calls: 40,
      now: NOW,
      apiKey: KEY,
      rateLimit: { limit: 1000, windowMs: 60_000 },
    });
  });
  afterAll(() => sb.close());
  afterEach(() => sb.faults.set({}));

  const client = (apiKey = KEY) =>
    connectHipcall({ baseUrl: sb.baseUrl, apiKey, policy: { retries: 0, baseDelayMs: 1, maxDelayMs: 2 } });

  const cases: Array<[string, ErrorCode]> = [
    ['http5xx', 'remote'],
    ['html', 'malformed'],
    ['brokenJson', 'malformed'],
    ['drop', 'network'],
    ['http401', 'auth'],
    ['http429', 'remote'],
  ];
  for (const [kind, code] of cases) {
    it(`${kind} → ${code}`, async () => {
      sb.faults.set({ next: [kind as never] });
      const error = await failure(client().cdrPage(null));
      expect(error.code).toBe(code);
      expect(error.message).not.toContain(KEY);
      expect(JSON.stringify(error)).not.toContain(KEY);
    });
  }

  it('a wrong key is auth, and names neither key', async () => {
    const error = await failure(client('wrong-token-123456').verify());
    expect(error.code).toBe('auth');
    expect(error.message).not.toContain('wrong-token-123456');
  });

  it('reads through a transient failure', async () => {
    sb.faults.set({ next: ['http5xx', 'drop'] });
    const retrying = connectHipcall({
      baseUrl: sb.baseUrl,
      apiKey: KEY,
      policy: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    expect((await retrying.cdrPage(null)).cdrs.length).toBeGreaterThan(0);
  });

  it('verifies through the module with GET /users, and refuses plain http off loopback', async () => {
    const account = hipcall.account.normalize(
      { provider: 'hipcall', uid: ' 13 ' },
      { baseUrl: sb.baseUrl, timezone: ZONE },
    );
    expect(account).toMatchObject({ provider: 'hipcall', uid: '13', api: null });
    const session = hipcall.connect({ account, apiKey: KEY, secrets: createMemorySecretStore() });
    sb.resetCounters();
    await session.verify();
    expect(sb.counters().requests).toEqual({ 'GET /users': 1 });
    expect(() =>
      hipcall.connect({
        account: { ...account, baseUrl: 'http://example.com/api' },
        apiKey: KEY,
        secrets: createMemorySecretStore(),
      }),
    ).toThrow(CallsideError);
    expect(() =>
      hipcall.account.normalize({ provider: 'hipcall', uid: 'me' }, { baseUrl: sb.baseUrl, timezone: ZONE }),
    ).toThrow(/number/);
  });
});

describe('Hipcall recordings and notes', () => {
  let sb: HipcallSandbox;
  let h: Harness;
  beforeAll(async () => {
    sb = await startHipcallSandbox({
      seed: 8,
      calls: 120,
      now: NOW,
      timezone: ZONE,
      rateLimit: { limit: 1000, windowMs: 60_000 },
    });
    h = await harness(sb);
    await h.sync();
  });
  afterAll(async () => {
    await h.close();
    await sb.close();
  });
  afterEach(() => sb.setNow(NOW));

  async function recordedCall(offDay: boolean): Promise<Activity> {
    const cdr = sb.data.cdrs.find((c) => {
      const utc = DateTime.fromISO(c.started_at.replace(/\+0000$/, 'Z'), { zone: 'utc' }).toFormat('yyyy-MM-dd');
      return c.recorded && (c.pathDate !== utc) === offDay;
    })!;
    const leads = await h.cache.leads.list({ limit: 10_000 });
    for (const lead of leads) {
      const found = (await h.cache.activities.timeline(lead.id, { limit: 1000 })).find((a) => a.id === cdr.uuid);
      if (found) return found;
    }
    throw new Error('recorded call not synced');
  }

  it('a stored link stops playing after 60 minutes; a fresh one plays, found on a neighbouring day', async () => {
    for (const offDay of [false, true]) {
      const call = await recordedCall(offDay);
      expect((await fetch(call.recordingUrl!)).status).toBe(200);
      sb.setNow(new Date(NOW.getTime() + 61 * 60_000));
      expect((await fetch(call.recordingUrl!)).status).toBe(403);
      const fresh = await h.session.freshRecording!(call);
      expect(fresh).not.toBeNull();
      expect((await fetch(fresh!.url)).status).toBe(200);
      expect(Date.parse(fresh!.expiresAt!)).toBeGreaterThan(sb.now().getTime());
      sb.setNow(NOW);
    }
  });

  it('says a recording is gone when Hipcall no longer has the call', async () => {
    const call = await recordedCall(false);
    expect(await h.session.freshRecording!({ ...call, id: '00000000-0000-4000-8000-000000000000' })).toBeNull();
  });

  it('posts a note on a contact lead as a comment once; a phone-only lead keeps it here', async () => {
    const leads = await h.cache.leads.list({ limit: 10_000 });
    const contactLead = leads.find((lead) => lead.id.startsWith('contact:'))!;
    const phoneLead = leads.find((lead) => lead.id.startsWith('phone:') && !lead.customFields.hipcallContactId)!;
    expect(phoneLead).toBeDefined();
    await h.cache.addLocalNote({ leadId: contactLead.id, text: 'Wants a **callback** after 3' }, { kind: 'note.add' });
    await h.cache.addLocalNote({ leadId: phoneLead.id, text: 'Asked about pricing' }, { kind: 'note.add' });
    const result = await h.ws.sender.flush();
    expect(result).toMatchObject({ delivered: 1, keptLocal: 1, rejected: 0 });
    expect(sb.comments).toEqual([
      {
        id: 1,
        commentable_type: 'contact',
        commentable_id: Number(contactLead.id.slice('contact:'.length)),
        content: 'Wants a **callback** after 3',
      },
    ]);
    expect(sb.counters().applied['POST /comments']).toBe(1);
    const phoneNotes = await h.cache.notes.listForLead(phoneLead.id);
    expect(phoneNotes[0]).toMatchObject({ origin: 'local', text: 'Asked about pricing' });
  });

  it('never posts a comment twice when the answer was lost: the agent decides', async () => {
    const leads = await h.cache.leads.list({ limit: 10_000 });
    const contactLead = leads.filter((lead) => lead.id.startsWith('contact:'))[1]!;
    const before = sb.comments.length;
    sb.faults.set({ next: ['drop'], only: ['POST /comments'] });
    await h.cache.addLocalNote({ leadId: contactLead.id, text: 'Left a message' }, { kind: 'note.add' });
    await h.ws.sender.flush({ ignoreBackoff: true });
    await h.ws.sender.flush({ ignoreBackoff: true });
    expect(sb.comments.length).toBe(before + 1);
    const counts = await h.cache.outbox.counts();
    expect(counts.pending).toBe(0);
    const notes = await h.cache.notes.listForLead(contactLead.id);
    expect(notes.find((note) => note.text === 'Left a message')?.syncState).toBe('failed');
  });

  it('creates a task with the doc due-date format', async () => {
    const id = await h.session.client.createTask({
      name: 'Call back',
      dueAt: '2026-06-24T14:00:00Z',
      contactIds: ['301'],
    });
    expect(id).not.toBeNull();
    expect(sb.tasks.at(-1)?.body).toMatchObject({
      name: 'Call back',
      due_date: '20260624 14:00:00',
      contact_ids: [301],
    });
  });
});

describe('Hipcall demo simulator', () => {
  it('starts with an account in its own zone that verifies', async () => {
    const demo = await startHipcallDemo({ leads: 20 });
    try {
      expect(demo.account).toMatchObject({ provider: 'hipcall', timezone: 'America/New_York' });
      const session = hipcall.connect({
        account: demo.account,
        apiKey: demo.apiKey,
        secrets: createMemorySecretStore(),
      });
      await session.verify();
      expect(demo.describe().lines.join('\n')).toContain('--provider hipcall');
    } finally {
      await demo.close();
    }
  });
});
