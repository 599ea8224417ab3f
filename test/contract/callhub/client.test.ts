import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectCallhub, type CallhubClient, type CallhubPolicy } from '../../../src/core/providers/callhub';
import { startCallhubSandbox, type CallhubSandbox } from '../../../src/sandbox/callhub';
import { leadSchema, type Lead } from '../../../src/shared/domain';
import { CallsideError, type ErrorCode } from '../../../src/shared/errors';

/**
 * The CallHub client over HTTP against the simulator (src/sandbox/callhub): both list shapes,
 * foreign-host next links, the documented field variants, faults, and the key never anywhere
 * but the Authorization header to the configured origin.
 */
const KEY = 'ch-sandbox-secret-key-0a1b2c3d4e5f';
const NOW = new Date('2026-06-23T19:00:00Z');

describe('CallHub client against the simulator', () => {
  let sb: CallhubSandbox;
  const urls: string[] = [];
  const auths: string[] = [];

  beforeAll(async () => {
    sb = await startCallhubSandbox({ seed: 5, contacts: 45, now: NOW, apiKey: KEY });
  });
  afterAll(() => sb.close());
  beforeEach(() => {
    sb.setFaults({});
    sb.setVariants({ mode: 'first' });
    sb.resetCounters();
    urls.length = 0;
    auths.length = 0;
  });

  function client(overrides: { apiKey?: string; region?: string; policy?: CallhubPolicy } = {}): CallhubClient {
    const recording: typeof fetch = (input, init) => {
      urls.push(String(input));
      auths.push(String(new Headers(init?.headers).get('authorization')));
      return fetch(input, init);
    };
    return connectCallhub({
      baseUrl: sb.baseUrl,
      apiKey: overrides.apiKey ?? KEY,
      region: overrides.region ?? 'US',
      policy: { baseDelayMs: 1, maxDelayMs: 2, fetch: recording, ...overrides.policy },
    });
  }

  async function failure(promise: Promise<unknown>, code: ErrorCode): Promise<CallsideError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CallsideError);
    expect((error as CallsideError).code, (error as CallsideError).message).toBe(code);
    expect((error as CallsideError).message).not.toContain(KEY);
    return error as CallsideError;
  }

  async function allContacts(ch: CallhubClient): Promise<Lead[]> {
    const dnc = await ch.listDncNumbers();
    const leads: Lead[] = [];
    let link: string | null = null;
    do {
      const page = await ch.contactsPage(link, dnc);
      leads.push(...page.leads);
      link = page.next;
    } while (link !== null);
    return leads;
  }

  it('verifies with Token auth on /users/ in each of its three shapes', async () => {
    for (const shape of ['object', 'array', 'envelope']) {
      sb.setVariants({ mode: 'first', pin: { users: shape } });
      await client().verify();
    }
    expect(auths.every((auth) => auth === `Token ${KEY}`)).toBe(true);
    expect(urls.every((url) => url === `${sb.baseUrl}/users/`)).toBe(true);
  });

  it('reads a wrong key as auth, never repeating it', async () => {
    const error = await failure(client({ apiKey: 'wrong-key-123456789' }).verify(), 'auth');
    expect(error.message).not.toContain('wrong-key-123456789');
  });

  it('follows DRF pages and reads the same contacts from a bare array', async () => {
    const paged = await allContacts(client());
    expect(sb.counters().requests['GET /contacts/']).toBe(3);
    sb.setVariants({ mode: 'first', pin: { list: 'array' } });
    sb.resetCounters();
    const whole = await allContacts(client());
    expect(sb.counters().requests['GET /contacts/']).toBe(1);
    expect(whole.map((l) => l.id)).toEqual(paged.map((l) => l.id));
    expect(paged).toHaveLength(45);
    expect(new Set(paged.map((l) => l.id)).size).toBe(45);
    paged.forEach((lead) => leadSchema.parse(lead));
  });

  it('reads a next link on another host as the same path on the configured origin', async () => {
    sb.setVariants({ mode: 'first', pin: { 'next-host': 'foreign' } });
    const leads = await allContacts(client());
    expect(leads).toHaveLength(45);
    const origin = new URL(sb.baseUrl).origin;
    expect(urls.filter((u) => u.includes('/contacts/'))).toHaveLength(3);
    expect(urls.every((url) => url.startsWith(`${origin}/v1/`))).toBe(true);
  });

  it('sends every path with its trailing slash: no redirect is ever asked for', async () => {
    const ch = client();
    await allContacts(ch);
    await ch.listPhonebooks();
    await ch.listFields();
    await ch.addNote(sb.fixtures.french, 'Left a voicemail.');
    const requests = Object.keys(sb.counters().requests);
    expect(requests.some((key) => key.includes('no slash'))).toBe(false);
    for (const url of urls) expect(new URL(url).pathname.endsWith('/')).toBe(true);
    expect(urls.some((url) => url.includes(KEY))).toBe(false);
  });

  it('maps contacts: URL ids, two phone books, national and plus-less numbers, DNC, missing email', async () => {
    const leads = new Map((await allContacts(client())).map((l) => [l.id, l]));
    const f = sb.fixtures;
    expect(leads.get(f.inTwoBooks)?.groupIds).toEqual(['3100', '3101']);
    expect(leads.get(f.french)?.phone).toMatch(/^\+336\d{8}$/);
    expect(leads.get(f.british)?.phone).toMatch(/^\+447700900\d{3}$/);
    expect(leads.get(f.noCountry)?.phone).toMatch(/^\+1\d{10}$/);
    expect(leads.get(f.noEmail)?.email).toBe('');
    expect(leads.get(f.dnc)?.unsubscribed).toBe(true);
    const unsubscribed = [...leads.values()].filter((l) => l.unsubscribed).map((l) => l.id);
    expect(unsubscribed.length).toBe(sb.state.data.dncContacts.length);
    const books = await client().listPhonebooks();
    expect(books.map((b) => b.id)).toEqual(['3100', '3101', '3102']);
  });

  it('looks a number up with ?contact= and keeps only exact matches, even from a server that ignores it', async () => {
    const ch = client();
    const french = (await allContacts(ch)).find((lead) => lead.id === sb.fixtures.french);
    if (!french) throw new Error('fixture missing');
    expect((await ch.findByPhone(french.phone)).map((lead) => lead.id)).toEqual([french.id]);
    expect(urls.at(-1)).toContain(`contact=${french.phone.slice(1)}`);
    sb.setVariants({ mode: 'first', pin: { 'contact-filter': 'ignored' } });
    expect((await ch.findByPhone(french.phone)).map((lead) => lead.id)).toEqual([french.id]);
    expect(await ch.findByPhone('+14155550999')).toEqual([]);
    await failure(ch.findByPhone('0612'), 'invalid_request');
  });

  it('reads field definitions from both endpoints', async () => {
    const fields = await client().listFields();
    expect(fields).toContainEqual({ name: 'Preferred language', type: 'Multi-choice', builtIn: false });
    expect(fields).toContainEqual({ name: 'first_name', type: null, builtIn: true });
  });

  it('waits out a 429 as Retry-After asks, telling onWait first', async () => {
    sb.setFaults({ next: ['http429'], retryAfterSec: 1 });
    const waits: number[] = [];
    await client().contactsPage(null, new Set(), { onWait: (ms) => waits.push(ms) });
    expect(waits).toEqual([1000]);
    expect(sb.counters().requests['GET /contacts/']).toBe(2);
  });

  it('turns an HTML page, broken JSON, 5xx and dropped connections into typed errors', async () => {
    const once = client({ policy: { retries: 0 } });
    const cases: Array<[string, ErrorCode]> = [
      ['html', 'malformed'],
      ['truncated', 'malformed'],
      ['http5xx', 'remote'],
      ['reset', 'network'],
      ['drop', 'network'],
    ];
    for (const [kind, code] of cases) {
      sb.setFaults({ next: [kind as 'html'] });
      await failure(once.listPhonebooks(), code);
    }
    sb.setFaults({ next: ['reset', 'http5xx'] });
    expect((await client().listPhonebooks()).length).toBe(3);
  });

  it('reads the subscriber history in either shape and an unknown one as malformed', async () => {
    const id = sb.fixtures.withHistory;
    const expected = sb.state.data.history[id]?.length ?? 0;
    for (const shape of ['envelope', 'array']) {
      sb.setVariants({ mode: 'first', pin: { history: shape } });
      const rows = await client().history(id);
      expect(rows).toHaveLength(expected);
      expect(rows.every((row) => row.leadId === id && row.at.endsWith('Z'))).toBe(true);
    }
    sb.setVariants({ mode: 'first', pin: { history: 'unknown' } });
    await failure(client().history(id), 'malformed');
  });

  it('stores a note and rings the agent then the contact on the number asked for', async () => {
    const ch = client();
    await ch.addNote(sb.fixtures.withMobile, 'Wants a callback on Friday.');
    expect(sb.state.notes.at(-1)).toMatchObject({
      contactId: sb.fixtures.withMobile,
      notes: 'Wants a callback on Friday.',
    });
    await ch.startCall(sb.fixtures.withMobile, 'mobile');
    const dialer = [...sb.state.dialers.values()].at(-1);
    expect(dialer).toMatchObject({ contact: sb.fixtures.withMobile, calls: ['mobile'] });
    const status = await ch.agentStatus();
    expect(status).toMatchObject({ agentId: 'me', name: 'Dana Whitfield', available: false, doNotDisturb: false });
    await failure(ch.addNote('99999', 'x'), 'not_found');
  });
});
