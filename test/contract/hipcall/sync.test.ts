import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { activitySchema, leadSchema, type Activity, type Lead } from '../../../src/shared/domain';
import { startHipcallSandbox, type HipcallSandbox } from '../../../src/sandbox/hipcall/server';
import { WAIT_RESOURCE } from '../../../src/core/sync/pull/wait-progress';
import { harness, NOW, TODAY, ZONE, type Harness } from './helpers';

/**
 * A sync from the Hipcall simulator over HTTP into a real SQLite cache: leads made from call
 * records (one per number, never for extensions or our own line), agents from both pages of
 * /users, links.next on a foreign host read on the configured one, the incremental cursor, and
 * a 429 waited out on the progress bar.
 */
describe('Hipcall sync against the simulator', () => {
  let sb: HipcallSandbox;
  let h: Harness;
  let leads: Lead[];
  let calls: Activity[];

  beforeAll(async () => {
    sb = await startHipcallSandbox({ seed: 5, now: NOW, timezone: ZONE, rateLimit: { limit: 1000, windowMs: 60_000 } });
    h = await harness(sb);
    await h.sync();
    leads = await h.cache.leads.list({ limit: 10_000 });
    calls = (await Promise.all(leads.map((lead) => h.cache.activities.timeline(lead.id, { limit: 1000 })))).flat();
  });
  afterAll(async () => {
    await h.close();
    await sb.close();
  });

  it('makes one lead per external number, keyed by contact id or by number', () => {
    expect(leads.length).toBeGreaterThan(40);
    for (const lead of leads) expect(() => leadSchema.parse(lead)).not.toThrow();
    expect(leads.every((lead) => /^(contact:\d+|phone:\+[1-9]\d{6,14})$/.test(lead.id))).toBe(true);
    const phones = leads.map((lead) => lead.phone).filter((phone) => phone !== '');
    expect(new Set(phones).size).toBe(phones.length);
    // Our own caller id and the extensions never become leads.
    expect(phones).not.toContain(sb.data.companyNumber);
    expect(phones.every((phone) => phone.replace(/\D/g, '').length > 6)).toBe(true);
    expect(leads.every((lead) => lead.provider === 'hipcall')).toBe(true);
  });

  it('attaches calls with contact_id 0 to the lead that holds the number', () => {
    const byPhone = new Map(leads.map((lead) => [lead.phone, lead.id]));
    const zeroRows = sb.data.cdrs.filter(
      (cdr) => cdr.direction === 1 && cdr.contact_id === 0 && cdr.caller_id === 0 && byPhone.has(cdr.caller_number),
    );
    expect(zeroRows.length).toBeGreaterThan(0);
    for (const cdr of zeroRows) {
      expect(calls.find((call) => call.id === cdr.uuid)?.leadId).toBe(byPhone.get(cdr.caller_number));
    }
  });

  it('writes one call per external record with its agent, status and an expiring recording', () => {
    const external = sb.data.cdrs.filter((cdr) => cdr.direction !== 3);
    const internal = sb.data.cdrs.filter((cdr) => cdr.direction === 3);
    const ids = new Set(calls.map((call) => call.id));
    expect(internal.some((cdr) => ids.has(cdr.uuid))).toBe(false);
    const unplaced = external.filter((cdr) => !ids.has(cdr.uuid));
    // Only an outbound call to a contact saved under an extension number with no id can have no lead.
    expect(unplaced.every((cdr) => cdr.callee_number === '1015' && cdr.contact_id === 0)).toBe(true);
    for (const call of calls) expect(() => activitySchema.parse(call)).not.toThrow();

    const busiest = sb.data.users.find((user) => user.id === 13)!;
    expect(calls.some((call) => call.agentId === '13' && call.agentName === busiest.name)).toBe(true);
    const orphan = sb.data.cdrs.find((cdr) => cdr.user_id === 1 && cdr.direction !== 3);
    if (orphan) expect(calls.find((call) => call.id === orphan.uuid)?.agentName).toBe('User 1');

    const wordy = sb.data.cdrs.find((cdr) => typeof cdr.voicemail_type === 'string')!;
    expect(calls.find((call) => call.id === wordy.uuid)?.status).toBe('voicemail');
    const missed = sb.data.cdrs.find((cdr) => cdr.missing_call && cdr.voicemail_type === null)!;
    expect(calls.find((call) => call.id === missed.uuid)?.status).toMatch(/^missed:/);

    const recorded = calls.filter((call) => call.recordingUrl !== null);
    expect(recorded.length).toBeGreaterThan(10);
    for (const call of recorded) {
      expect(call.recordingUrl!.startsWith(sb.origin)).toBe(true);
      expect(Date.parse(call.recordingExpiresAt!)).toBe(Math.floor((NOW.getTime() + 3_600_000) / 1000) * 1000);
    }
  });

  it('reads every page on the configured origin although links.next names the production host', () => {
    const cdrPages = h.urls.filter((url) => url.includes('/cdrs'));
    expect(cdrPages.length).toBeGreaterThan(2);
    expect(h.urls.filter((url) => url.includes('/users')).length).toBe(2);
    expect(h.urls.every((url) => url.startsWith(sb.origin))).toBe(true);
    const all = sb.data.cdrs.filter((cdr) => cdr.started_at <= NOW.toISOString().replace('.000Z', '+0000'));
    expect(all.length).toBe(sb.data.cdrs.length);
  });

  it('resumes incrementally: a later sync stops a day before the newest call it had', async () => {
    const firstPages = h.urls.filter((url) => url.includes('/cdrs')).length;
    const before = h.urls.length;
    const report = await h.sync();
    const pages = h.urls.slice(before).filter((url) => url.includes('/cdrs')).length;
    expect(firstPages).toBeGreaterThanOrEqual(7);
    expect(pages).toBeLessThanOrEqual(2);
    expect(report.counts.calls).toBeGreaterThan(0);
    expect(await h.cache.leads.count()).toBe(leads.length);
  });

  it('derives the day per user in the account zone and hides what Hipcall cannot tell', async () => {
    const board = await h.session.dashboard!(TODAY);
    expect(board.date).toBe(TODAY);
    const dayOf = (at: string) =>
      DateTime.fromISO(at.replace(/\+0000$/, 'Z'))
        .setZone(ZONE)
        .toFormat('yyyy-MM-dd');
    const today = sb.data.cdrs.filter((cdr) => dayOf(cdr.started_at) === TODAY && cdr.user_id === 13);
    const row = board.agents.find((agent) => agent.agentId === '13')!;
    expect(row.inboundCalls).toBe(today.filter((cdr) => cdr.direction === 1).length);
    expect(row.outboundCalls).toBe(today.filter((cdr) => cdr.direction === 2).length);
    expect(row.hangups).toBe(today.filter((cdr) => cdr.missing_call).length);
    expect(row.inboundCalls + row.outboundCalls).toBeGreaterThan(0);
    expect(board.agents.length).toBeGreaterThanOrEqual(14);
    expect(h.session.hiddenMetrics).toEqual(expect.arrayContaining(['sms', 'appointments', 'loggedInSec']));
  });

  it('lists the newest inbound calls of the window, newest first, with no SMS, reading no more pages than it needs', async () => {
    sb.resetCounters();
    const { calls: inbound, sms } = await h.session.recentInbound!({ fromDate: TODAY, toDate: TODAY, limit: 5 });
    // Polled every 20 s under a 30-a-minute limit: the first page of 50 newest calls holds 5 inbound ones.
    const pages = Object.entries(sb.counters().requests)
      .filter(([name]) => name.includes('cdrs'))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(pages).toBe(1);
    expect(sms).toEqual([]);
    expect(inbound.length).toBeGreaterThan(0);
    expect(inbound.every((call) => call.direction === 'inbound')).toBe(true);
    const times = inbound.map((call) => call.at);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('Hipcall sync cut short', () => {
  it('keeps every page written before the failure and resumes at the next page', async () => {
    const sb = await startHipcallSandbox({
      seed: 5,
      now: NOW,
      timezone: ZONE,
      rateLimit: { limit: 1000, windowMs: 60_000 },
    });
    const h = await harness(sb, { retries: 0 });
    try {
      // Users, then three call pages, then the fourth breaks.
      sb.faults.set({ next: [], only: ['GET /cdrs'] });
      let served = 0;
      const failAt = 4;
      const original = sb.faults.decide.bind(sb.faults);
      sb.faults.decide = (names) => {
        const decision = original(names);
        if ([names].flat().includes('GET /cdrs') && ++served === failAt) return { ...decision, kind: 'http5xx' };
        return decision;
      };
      await expect(h.sync()).rejects.toMatchObject({ code: 'remote' });
      const partial = await h.cache.activities.count();
      expect(partial).toBeGreaterThan(0);
      const cursor = await h.cache.syncCursors.get('hipcall:calls');
      expect(cursor?.value).toMatchObject({ readThrough: null, walk: { next: expect.stringContaining('page=4') } });

      const before = h.urls.length;
      await h.sync();
      const resumed = h.urls.slice(before).filter((url) => url.includes('/cdrs'));
      expect(resumed[0]).toContain('page=4');
      expect(resumed.some((url) => /page=[123](&|$)/.test(url))).toBe(false);
      const external = sb.data.cdrs.filter(
        (cdr) => cdr.direction !== 3 && !(cdr.callee_number === '1015' && cdr.contact_id === 0),
      ).length;
      expect(await h.cache.activities.count()).toBe(external);
      expect((await h.cache.members.list()).length).toBe(sb.data.users.length);
    } finally {
      await h.close();
      await sb.close();
    }
  });
});

describe('Hipcall rate limit', () => {
  let sb: HipcallSandbox;
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    await sb.close();
  });

  it('waits out a 429 as Retry-After asks, shows the wait, and finishes the sync', async () => {
    sb = await startHipcallSandbox({
      seed: 5,
      calls: 60,
      now: NOW,
      timezone: ZONE,
      rateLimit: { limit: 1000, windowMs: 60_000 },
    });
    h = await harness(sb);
    sb.faults.set({ next: ['http429'], retryAfterSec: 1, only: ['GET /cdrs'] });
    const started = Date.now();
    const report = await h.sync();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(h.statuses).toContain(429);
    expect(report.counts.calls).toBeGreaterThan(0);
    const waits = h.progress.filter((p) => p.resource === WAIT_RESOURCE);
    expect(waits[0]).toMatchObject({ total: 1, state: 'running' });
  });

  it('slows down before the limit instead of running into it', async () => {
    sb = await startHipcallSandbox({
      seed: 5,
      calls: 300,
      now: NOW,
      timezone: ZONE,
      rateLimit: { limit: 4, windowMs: 400 },
    });
    h = await harness(sb, { windowMs: 400 });
    await h.sync();
    expect(h.urls.filter((url) => url.includes('/cdrs')).length).toBeGreaterThan(4);
    expect(h.statuses).not.toContain(429);
  });
});
