import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  connectCallingly,
  deriveDayMetrics,
  type CallinglyCall,
  type CallinglyClient,
  type CallinglyPolicy,
} from '../../../src/core/providers/callingly';
import { startCallinglySandbox, type CallinglySandbox } from '../../../src/sandbox';
import { activitySchema, leadSchema } from '../../../src/shared/domain';
import { CallsideError, type ErrorCode } from '../../../src/shared/errors';

/**
 * The Callingly client over HTTP against the simulator (src/sandbox/callingly): every wire
 * variant it rotates through, an agency key that needs account_id, faults (429 with
 * Retry-After, dropped and reset connections, 5xx, HTML, cut-off JSON), and the key never in a
 * message.
 */

const NOW = new Date('2026-06-23T19:00:00Z');
const TODAY = '2026-06-23';
const KEY = 'cl-sandbox-secret-key-9f8e7d6c5b4a';

describe('Callingly client against the simulator', () => {
  let sb: CallinglySandbox;
  const errors: CallsideError[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    sb = await startCallinglySandbox({ seed: 11, leads: 80, now: NOW, accountId: 4242, apiKey: KEY });
  });
  afterAll(() => sb.close());
  beforeEach(() => {
    sb.setFaults({});
    sb.setVariants({});
    sb.resetCounters();
    urls.length = 0;
  });

  function client(
    overrides: { accountId?: string | null; apiKey?: string; policy?: CallinglyPolicy } = {},
  ): CallinglyClient {
    const recording: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    return connectCallingly({
      account: {
        baseUrl: sb.baseUrl,
        timezone: sb.timezone,
        accountId: overrides.accountId === undefined ? sb.credentials.accountId : overrides.accountId,
      },
      apiKey: overrides.apiKey ?? sb.credentials.apiKey,
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
    errors.push(error as CallsideError);
    return error as CallsideError;
  }

  const requests = (key: string): number => sb.counters().requests[key] ?? 0;

  it('reads every endpoint into valid domain rows, sending account_id every time', async () => {
    const cl = client();
    await cl.verify();
    const teams = await cl.listTeams();
    expect(teams.length).toBeGreaterThan(0);
    const agents = await cl.listAgents();
    expect(agents.length).toBeGreaterThan(0);
    const page = await cl.listLeads({ start: '2020-01-01', end: TODAY });
    expect(page.leads.length).toBeGreaterThan(10);
    for (const lead of page.leads) leadSchema.parse(lead);
    for (const activity of page.activities) activitySchema.parse(activity);
    const teamIds = new Set(teams.map((t) => t.id));
    expect(page.leads.every((l) => l.groupIds.every((id) => teamIds.has(id)))).toBe(true);
    const calls = await cl.listCalls({ start: TODAY, end: TODAY, page: 1, limit: 100 });
    expect(calls.length).toBeGreaterThan(0);
    const detail = await cl.getCall(calls[0]?.activity.id ?? '');
    expect(detail.agentId).not.toBeNull();
    const lead = page.leads[0];
    expect(await cl.getLead(lead?.id ?? '')).toMatchObject({ id: lead?.id, phone: lead?.phone });
    expect((await cl.findByPhone(lead?.phone ?? '')).leads.map((l) => l.id)).toContain(lead?.id);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect(new URL(url).searchParams.get('account_id'), url).toBe('4242');
  });

  it("sees nothing of the client's account without account_id (the agency's own, empty view)", async () => {
    expect(await client({ accountId: null }).listTeams()).toEqual([]);
    await failure(client({ accountId: '999' }).listTeams(), 'auth');
  });

  it('reads every variant the simulator rotates through', async () => {
    const pins: Array<Record<string, string>> = [
      { 'envelope:/teams': 'data', 'envelope:/agents': 'data', 'envelope:/leads': 'data', 'envelope:/calls': 'bare' },
      { 'envelope:/teams': 'bare', 'envelope:/agents': 'bare', 'envelope:/leads': 'bare', 'envelope:/calls': 'data' },
      {
        booleans: 'bool',
        'calls.relations': 'objects',
        'lead.tags': 'objects',
        'lead.calls.status': 'value',
        'lead.owner': 'empty',
      },
      {
        booleans: 'int',
        'calls.relations': 'empty',
        'lead.tags': 'strings',
        'lead.calls.status': 'null',
        'lead.owner': 'null',
      },
      { booleans: 'doc', 'calls.encoding': 'js-literal' },
    ];
    const cl = client();
    const shapes: unknown[] = [];
    for (const pin of pins) {
      sb.setVariants({ pin });
      const teams = await cl.listTeams();
      const agents = await cl.listAgents();
      const page = await cl.listLeads({ start: '2020-01-01', end: TODAY });
      const calls = await cl.listCalls({ start: TODAY, end: TODAY, page: 1, limit: 100 });
      const detail = await cl.getCall(calls[0]?.activity.id ?? '');
      shapes.push({
        teams: teams.map((t) => t.id),
        agents: agents.map((a) => [a.id, a.name, a.doNotDisturb, a.available]),
        leads: page.leads.map((l) => [l.id, l.phone, l.groupIds, l.tags.map((t) => t.title)]),
        activities: page.activities.map((a) => [a.id, a.leadId, a.at, a.durationSec]),
        calls: calls.map((c) => [c.activity.id, c.activity.at, c.activity.durationSec, c.activity.status]),
        detail: [detail.activity.id, detail.voicemail, detail.agentId],
      });
    }
    // Whatever the spelling, the same data.
    for (const shape of shapes.slice(1)) expect(shape).toEqual(shapes[0]);
    sb.setVariants({ pin: { 'calls.relations': 'objects' } });
    const withAgents = await cl.listCalls({ start: TODAY, end: TODAY, page: 1, limit: 100 });
    expect(withAgents.every((c) => c.agentId !== null && c.teamId !== null && c.activity.leadId !== '')).toBe(true);
  });

  it('reads tags given as objects and as strings as the same {id, title} titles', async () => {
    const cl = client();
    sb.setVariants({ pin: { 'lead.tags': 'objects' } });
    const objects = await cl.listLeads({ start: '2020-01-01', end: TODAY });
    sb.setVariants({ pin: { 'lead.tags': 'strings' } });
    const strings = await cl.listLeads({ start: '2020-01-01', end: TODAY });
    const tagged = objects.leads.find((l) => l.tags.length > 0);
    expect(tagged).toBeDefined();
    const same = strings.leads.find((l) => l.id === tagged?.id);
    expect(same?.tags.map((t) => t.title)).toEqual(tagged?.tags.map((t) => t.title));
    expect(same?.tags.every((t) => t.id === t.title)).toBe(true);
  });

  it('refuses a wrong key as auth, without the key in the message', async () => {
    const error = await failure(client({ apiKey: 'not-the-key-0000000000' }).verify(), 'auth');
    expect(error.message).not.toContain('not-the-key-0000000000');
  });

  it('waits out a 429 for the seconds Retry-After asks, telling onWait, then succeeds', async () => {
    sb.setFaults({ next: ['http429'], retryAfterSec: 1 });
    const waits: number[] = [];
    const started = Date.now();
    const teams = await client().listTeams({ onWait: (ms) => waits.push(ms) });
    expect(teams.length).toBeGreaterThan(0);
    expect(waits).toEqual([1000]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(requests('GET /teams')).toBe(2);
  });

  it('gives up as remote (retryable) when 429s do not stop', async () => {
    sb.setFaults({ next: ['http429', 'http429', 'http429'], retryAfterSec: 0 });
    const error = await failure(client().listTeams(), 'remote');
    expect(error.retryable).toBe(true);
    expect(requests('GET /teams')).toBe(3);
  });

  it('retries a read after a dropped connection, a reset and a 5xx', async () => {
    for (const kind of ['drop', 'reset', 'http5xx'] as const) {
      sb.resetCounters();
      sb.setFaults({ next: [kind] });
      expect((await client().listLeads({ start: '2020-01-01', end: TODAY })).leads.length, kind).toBeGreaterThan(0);
      expect(requests('GET /leads'), kind).toBe(2);
    }
  });

  it('fails as remote when 5xx keeps coming, after the retries', async () => {
    sb.setFaults({ next: ['http5xx', 'http5xx', 'http5xx'] });
    const error = await failure(client().listAgents(), 'remote');
    expect(error.retryable).toBe(true);
    expect(requests('GET /agents')).toBe(3);
  });

  it('fails an HTML page and cut-off JSON as malformed naming the endpoint, without retrying', async () => {
    sb.setFaults({ next: ['html'] });
    const html = await failure(client().listTeams(), 'malformed');
    expect(html.message).toContain('Callingly');
    expect(html.message).toContain('GET /teams');
    expect(html.message).not.toMatch(/<html|Login/i);
    sb.setFaults({ next: ['truncated'] });
    const cut = await failure(client().listAgents(), 'malformed');
    expect(cut.message).toContain('GET /agents');
    expect(requests('GET /teams') + requests('GET /agents')).toBe(2);
  });

  it('times out a silent server as timeout', async () => {
    sb.setFaults({ latencyMs: 400 });
    await failure(client({ policy: { timeoutMs: 100, retries: 0 } }).listTeams(), 'timeout');
  });

  it('writes do-not-disturb with its end on the account clock, and off again', async () => {
    const cl = client();
    const agentId = sb.state.data.agents[0]?.id ?? 0;
    const until = '2026-06-24T01:00:00.000Z';
    await cl.setDoNotDisturb(String(agentId), true, until);
    expect(sb.state.agentById.get(agentId)).toMatchObject({ donotdisturb: true, donotdisturbUntil: Date.parse(until) });
    expect((await cl.listAgents()).find((a) => a.id === String(agentId))?.doNotDisturb).toBe(true);
    await cl.setDoNotDisturb(String(agentId), false, null);
    expect(sb.state.agentById.get(agentId)?.donotdisturb).toBe(false);
  });

  it('does not resend a write whose answer was lost, and says it may have landed', async () => {
    const agentId = String(sb.state.data.agents[1]?.id ?? 0);
    sb.setFaults({ next: ['drop'] });
    const error = await failure(client().setDoNotDisturb(agentId, true, null), 'network');
    expect(error.message).toMatch(/may or may not have been saved/);
    expect(requests('PUT /agents/{id}')).toBe(1);
    expect(sb.counters().applied['PUT /agents/{id}']).toBe(1);
  });

  it('sends a write again after a 429, which the server refused unread', async () => {
    const agentId = sb.state.data.agents[2]?.id ?? 0;
    sb.setFaults({ next: ['http429'], retryAfterSec: 0 });
    await client().setDoNotDisturb(String(agentId), true, null);
    expect(requests('PUT /agents/{id}')).toBe(2);
    expect(sb.state.agentById.get(agentId)?.donotdisturb).toBe(true);
  });

  it("derives the day's figures: every call of each agent that day, whatever its status", async () => {
    const cl = client();
    sb.setVariants({ pin: { 'calls.relations': 'empty' } });
    const rows: CallinglyCall[] = [];
    for (let page = 1; ; page += 1) {
      const batch = await cl.listCalls({ start: TODAY, end: TODAY, page, limit: 25 });
      rows.push(...batch);
      if (batch.length < 25) break;
    }
    // List rows carry no agent here: the details do.
    const details = await Promise.all(rows.map((row) => cl.getCall(row.activity.id)));
    const dashboard = deriveDayMetrics(TODAY, details, await cl.listAgents(), sb.timezone);
    const dayStart = Date.parse('2026-06-23T07:00:00Z');
    const expected = new Map<string, number>();
    for (const c of sb.state.data.calls) {
      if (c.at >= dayStart && c.at < dayStart + 86_400_000)
        expected.set(String(c.agentId), (expected.get(String(c.agentId)) ?? 0) + 1);
    }
    const derived = new Map(
      dashboard.agents
        .filter((a) => a.inboundCalls + a.outboundCalls > 0)
        .map((a) => [a.agentId, a.inboundCalls + a.outboundCalls]),
    );
    expect(derived).toEqual(expected);
    const names = new Map(sb.state.data.agents.map((a) => [String(a.id), `${a.fname} ${a.lname}`]));
    for (const agent of dashboard.agents) expect(agent.agentName).toBe(names.get(agent.agentId));
  });

  it('never put the key in any error message', () => {
    expect(errors.length).toBeGreaterThanOrEqual(8);
    for (const error of errors) {
      expect(error.message).not.toContain(KEY);
      expect(JSON.stringify(error.toPayload())).not.toContain(KEY);
    }
  });
});
