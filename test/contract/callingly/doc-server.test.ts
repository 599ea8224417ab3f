import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectCallingly, type CallinglyClient } from '../../../src/core/providers/callingly';
import { CallsideError, type ErrorCode } from '../../../src/shared/errors';

/**
 * The client over real HTTP against a tiny server that answers with the doc's own examples,
 * byte for byte (test/fixtures/callingly): the object-literal calls list, the trailing-comma call
 * detail, bare arrays, the broken create-webhook answer. Every request is recorded, so the
 * headers, the query and the body the client sends are checked as the server saw them.
 */

const KEY = 'cl-secret-key-0123456789abcdef';
const ZONE = 'America/Phoenix';

function doc(name: string): string {
  return readFileSync(new URL(`../../fixtures/callingly/${name}`, import.meta.url), 'utf8');
}

interface Seen {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

type Reply = { status: number; body: string; type?: string; headers?: Record<string, string> };

function json(body: string, status = 200): Reply {
  return { status, body, type: 'application/json' };
}

const ROUTES: Record<string, () => Reply> = {
  'GET /v1/teams': () => json(doc('teams.list.json')),
  'GET /v1/agents': () => json(doc('agents.list.json')),
  'GET /v1/calls': () => json(doc('calls.list.txt')),
  'GET /v1/calls/1234': () => json(doc('calls.get.txt')),
  'GET /v1/calls/1124': () => json(doc('webhooks.create.txt')),
  'GET /v1/leads': () => json(doc('leads.list.json')),
  'GET /v1/leads/1': () => json(doc('leads.get.json')),
  'PUT /v1/agents/123': () => json('{"id": 123}'),
};

describe('Callingly client against the doc examples', () => {
  let server: Server;
  let elsewhere: Server;
  let baseUrl: string;
  let elsewhereUrl: string;
  const seen: Seen[] = [];
  const elsewhereSeen: Seen[] = [];
  /** Replaces the next answer of a route (key as in ROUTES), once. */
  const overrides = new Map<string, Reply>();

  function record(into: Seen[], req: IncomingMessage, body: string): Seen {
    const entry = { method: req.method ?? '', url: new URL(req.url ?? '/', 'http://x'), headers: req.headers, body };
    into.push(entry);
    return entry;
  }

  function listen(handler: (req: IncomingMessage, body: string) => Reply, into: Seen[]): Promise<[Server, string]> {
    const s = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        record(into, req, body);
        const reply = handler(req, body);
        res.writeHead(reply.status, { 'content-type': reply.type ?? 'application/json', ...reply.headers });
        res.end(reply.body);
      });
    });
    return new Promise((resolve) =>
      s.listen(0, '127.0.0.1', () => resolve([s, `http://127.0.0.1:${(s.address() as AddressInfo).port}`])),
    );
  }

  beforeAll(async () => {
    [elsewhere, elsewhereUrl] = await listen(() => json('[]'), elsewhereSeen);
    [server, baseUrl] = await listen((req) => {
      const key = `${req.method} ${new URL(req.url ?? '/', 'http://x').pathname}`;
      const override = overrides.get(key);
      if (override) {
        overrides.delete(key);
        return override;
      }
      if (!/^Bearer cl-secret-key-0123456789abcdef$/.test(req.headers.authorization ?? '')) {
        return json('{"message":"Unauthenticated."}', 401);
      }
      return ROUTES[key]?.() ?? json(`{"message":"The route ${key} could not be found."}`, 404);
    }, seen);
    baseUrl = `${baseUrl}/v1`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    elsewhere.closeAllConnections();
    await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => elsewhere.close(r))]);
  });
  beforeEach(() => {
    seen.length = 0;
    overrides.clear();
  });

  function client(accountId: string | null = '77', apiKey = KEY): CallinglyClient {
    return connectCallingly({
      account: { baseUrl, timezone: ZONE, accountId },
      apiKey,
      policy: { baseDelayMs: 1, maxDelayMs: 2 },
    });
  }

  async function failure(promise: Promise<unknown>, code: ErrorCode): Promise<CallsideError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CallsideError);
    expect((error as CallsideError).code).toBe(code);
    expect((error as CallsideError).message).not.toContain(KEY);
    return error as CallsideError;
  }

  it('reads every example answer into domain rows', async () => {
    const cl = client();
    await cl.verify();
    expect(await cl.listTeams()).toEqual([{ id: '123', title: 'Main Team' }]);
    expect((await cl.listAgents()).map((a) => [a.id, a.name, a.doNotDisturb, a.available])).toEqual([
      ['123', 'John Smith', false, true],
    ]);
    const calls = await cl.listCalls({ start: '2020-01-01', end: '2020-02-01', teamId: '123', page: 1, limit: 10 });
    expect(calls.map((c) => [c.activity.id, c.activity.durationSec, c.agentId])).toEqual([['12343', 37, null]]);
    const detail = await cl.getCall('1234');
    expect(detail.transcript?.turns).toEqual([{ speaker: 'Speaker A', text: 'Hello this is a call...' }]);
    expect(detail.agentName).toBe('Michael Scott');
    const page = await cl.listLeads({ start: '2020-01-01', end: '2020-02-01' });
    expect(page.leads.map((l) => [l.id, l.phone, l.customFields.scheduledCallAt])).toEqual([
      ['1', '+14801234567', '2024-06-13T22:48:00.000Z'],
    ]);
    expect(page.activities.map((a) => [a.id, a.leadId])).toEqual([['1', '1']]);
    expect((await cl.getLead('1'))?.firstName).toBe('Test');
  });

  it('sends Bearer, Accept and account_id on every request, and account_id in the PUT body', async () => {
    const cl = client('77');
    await cl.verify();
    await cl.listAgents();
    await cl.listCalls({ start: '2020-01-01', end: '2020-02-01', page: 2, limit: 10 });
    await cl.getCall('1234');
    await cl.listLeads({ start: '2020-01-01', end: '2020-02-01' });
    await cl.getLead('1');
    await cl.findByPhone('+14801234567');
    await cl.setDoNotDisturb('123', true, '2021-01-26T05:00:00.000Z');
    expect(seen).toHaveLength(8);
    for (const request of seen) {
      const where = `${request.method} ${request.url.pathname}`;
      expect(request.headers.authorization, where).toBe(`Bearer ${KEY}`);
      expect(request.headers.accept, where).toBe('application/json');
      expect(request.url.searchParams.get('account_id'), where).toBe('77');
      expect(request.url.href, where).not.toContain(KEY);
    }
    const put = seen[7] as Seen;
    expect(put.method).toBe('PUT');
    expect(put.headers['content-type']).toBe('application/json');
    expect(JSON.parse(put.body)).toEqual({
      donotdisturb: 1,
      donotdisturb_until: '2021-01-25 22:00:00',
      account_id: 77,
    });
    expect(Object.fromEntries((seen[2] as Seen).url.searchParams)).toEqual({
      start: '2020-01-01',
      end: '2020-02-01',
      limit: '10',
      page: '2',
      account_id: '77',
    });
  });

  it('sends no account_id for a direct account', async () => {
    await client(null).listTeams();
    await client(null).setDoNotDisturb('123', false, null);
    expect(seen.map((s) => s.url.searchParams.has('account_id'))).toEqual([false, false]);
    expect(JSON.parse((seen[1] as Seen).body)).toEqual({ donotdisturb: 0, donotdisturb_until: null });
  });

  it('looks a phone up with the + encoded, and retries with a window when the server wants one', async () => {
    const cl = client();
    const national = await cl.findByPhone('(480) 123-4567');
    expect(national.leads.map((l) => l.id)).toEqual(['1']);
    expect((seen[0] as Seen).url.search).toContain('phone_number=%2B14801234567');

    seen.length = 0;
    overrides.set('GET /v1/leads', json('{"message":"The start field is required.","errors":{}}', 422));
    const windowed = await cl.findByPhone('+14801234567');
    expect(windowed.leads).toHaveLength(1);
    expect(seen.map((s) => s.url.searchParams.get('start'))).toEqual([null, '2010-01-01']);
  });

  it('never pops a lead whose number is not the one asked for', async () => {
    const page = await client().findByPhone('+16025550199');
    expect(page).toEqual({ leads: [], activities: [] });
  });

  it('fails an unrecoverable broken answer as malformed, naming Callingly and the endpoint', async () => {
    const error = await failure(client().getCall('1124'), 'malformed');
    expect(error.message).toMatch(/Callingly/);
    expect(error.message).toContain('GET /calls/1124');
    expect(error.message).not.toContain('My Webhook');
  });

  it('refuses a wrong key as auth, without repeating it', async () => {
    const error = await failure(client('77', 'wrong-key-but-long-enough').listTeams(), 'auth');
    expect(error.message).not.toContain('wrong-key-but-long-enough');
  });

  it('answers null for a lead that is not there, not_found for a call', async () => {
    expect(await client().getLead('999')).toBeNull();
    await failure(client().getCall('999'), 'not_found');
  });

  it('scrubs the key from a server message that echoes it', async () => {
    overrides.set('GET /v1/teams', json(`{"message":"Token ${KEY} is not valid for this account."}`, 422));
    const error = await failure(client().listTeams(), 'invalid_request');
    expect(error.message).toContain('[redacted]');
  });

  it('does not follow a redirect to another origin', async () => {
    overrides.set('GET /v1/teams', { status: 302, body: '', headers: { location: `${elsewhereUrl}/v1/teams` } });
    await failure(client().listTeams(), 'remote');
    expect(elsewhereSeen).toHaveLength(0);
  });

  it('checks its input before sending anything', async () => {
    const cl = client();
    await failure(cl.listLeads({ start: '2020-02-30', end: '2020-03-01' }), 'invalid_request');
    await failure(cl.listCalls({ start: '2020-01-01', end: '2020-01-02', page: 0, limit: 10 }), 'invalid_request');
    await failure(cl.findByPhone('101'), 'invalid_request');
    await failure(cl.setDoNotDisturb('123', true, '2021-01-25 22:00:00'), 'invalid_request');
    expect(seen).toHaveLength(0);
    expect(() =>
      connectCallingly({
        account: { baseUrl: 'http://api.callingly.com/v1', timezone: ZONE, accountId: null },
        apiKey: KEY,
      }),
    ).toThrow(/https/);
  });
});
