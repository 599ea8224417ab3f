import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CallsideError } from '../../../src/shared/errors';
import { createV1Transport, type HpV1TransportOptions } from '../../../src/core/providers/hotprospector/transport';
import { type FakeServer, type Handler, rejectionOf, startServer } from './fake-server';

const KEY = 'k3y-SECRET-abcdef0123456789';
const OK = { response: 'true', message: 'ok' };

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A sleep that records the backoff it was asked for and returns at once. */
function recordingSleep(): { sleeps: number[]; sleep: (ms: number) => Promise<void> } {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms) => void sleeps.push(ms) };
}

async function v1(handler: Handler, policy: Partial<HpV1TransportOptions> = {}) {
  server = await startServer(handler);
  return createV1Transport({ baseUrl: server.url, uid: 'u1', apiKey: KEY, ...policy });
}

describe('retries', () => {
  it('retries a read after HTTP 5xx with jittered exponential backoff, then succeeds', async () => {
    const { sleeps, sleep } = recordingSleep();
    const transport = await v1(
      (_r, i) => (i < 2 ? { status: 503, body: 'busy', contentType: 'text/plain' } : { json: OK }),
      {
        sleep,
        random: () => 0.5,
        baseDelayMs: 100,
      },
    );
    await expect(transport.call('FetchAllTags', {}, { write: false })).resolves.toEqual(OK);
    expect(server?.count('/')).toBe(3);
    expect(sleeps).toEqual([50, 100]); // 0.5 × 100, 0.5 × 200
  });

  it('gives up after maxAttempts reads and reports the last failure', async () => {
    const { sleeps, sleep } = recordingSleep();
    const transport = await v1(() => ({ status: 500, json: { message: 'down' } }), { sleep });
    const error = (await rejectionOf(transport.call('FetchAllTags', {}, { write: false }))) as CallsideError;
    expect(error.code).toBe('remote');
    expect(error.retryable).toBe(true);
    expect(server?.count('/')).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it('never retries a write after HTTP 5xx, and says it may have been saved', async () => {
    const { sleeps, sleep } = recordingSleep();
    const transport = await v1((_r, i) => (i === 0 ? { status: 502, json: { message: 'gateway' } } : { json: OK }), {
      sleep,
    });
    const error = (await rejectionOf(transport.call('AddTag', { TagTitle: 'x' }, { write: true }))) as CallsideError;
    expect(error.code).toBe('remote');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('may or may not have been saved');
    expect(server?.count('/')).toBe(1);
    expect(sleeps).toHaveLength(0);
  });

  it('does not retry a read that failed for a non-transient reason', async () => {
    const { sleep, sleeps } = recordingSleep();
    const transport = await v1(() => ({ body: '<html></html>', contentType: 'text/html' }), { sleep });
    const error = (await rejectionOf(transport.call('FetchAllTags', {}, { write: false }))) as CallsideError;
    expect(error.code).toBe('malformed');
    expect(server?.count('/')).toBe(1);
    expect(sleeps).toHaveLength(0);
  });
});

describe('network failures', () => {
  it('maps a dropped connection to network and retries it for reads', async () => {
    const { sleep } = recordingSleep();
    const transport = await v1((_r, i) => (i < 2 ? 'drop' : { json: OK }), { sleep });
    await expect(transport.call('FetchAllTags', {}, { write: false })).resolves.toEqual(OK);
    expect(server?.count('/')).toBe(3);
  });

  it('maps a dropped connection to network (retryable) and does not resend a write', async () => {
    const { sleep } = recordingSleep();
    const transport = await v1(() => 'drop', { sleep });
    const error = (await rejectionOf(transport.call('MoveLead', { LeadId: '1' }, { write: true }))) as CallsideError;
    expect(error).toBeInstanceOf(CallsideError);
    expect(error.code).toBe('network');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('may or may not have been saved');
    expect(server?.count('/')).toBe(1);
  });

  it('maps connection refused to network', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const transport = createV1Transport({
      baseUrl: `http://127.0.0.1:${port}`,
      uid: 'u1',
      apiKey: KEY,
      maxAttempts: 1,
    });
    const error = (await rejectionOf(transport.call('LoginUser', {}, { write: false }))) as CallsideError;
    expect(error.code).toBe('network');
    expect(error.message).toBe('Could not connect to Hot Prospector (connection refused).');
  });

  it('maps a server that never answers to timeout', async () => {
    const transport = await v1(() => 'hang', { timeoutMs: 150, maxAttempts: 1 });
    const started = Date.now();
    const error = (await rejectionOf(transport.call('FetchAllTags', {}, { write: false }))) as CallsideError;
    expect(error.code).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('honours a per-call timeout override', async () => {
    const transport = await v1(() => ({ json: OK, delayMs: 300 }), { timeoutMs: 10_000, maxAttempts: 1 });
    const error = (await rejectionOf(
      transport.call('FetchAllTags', {}, { write: false, timeoutMs: 100 }),
    )) as CallsideError;
    expect(error.code).toBe('timeout');
  });
});

describe('cancellation', () => {
  it('aborting an in-flight request → cancelled', async () => {
    const transport = await v1(() => 'hang');
    const controller = new AbortController();
    const pending = transport.call('FetchAllTags', {}, { write: false, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = (await rejectionOf(pending)) as CallsideError;
    expect(error.code).toBe('cancelled');
    expect(error.retryable).toBe(false);
  });

  it('an already aborted signal sends nothing', async () => {
    const transport = await v1(() => ({ json: OK }));
    const error = (await rejectionOf(
      transport.call('FetchAllTags', {}, { write: false, signal: AbortSignal.abort() }),
    )) as CallsideError;
    expect(error.code).toBe('cancelled');
    expect(server?.count('/')).toBe(0);
  });

  it('aborting during a backoff sleep ends it at once', async () => {
    // Real (default) sleep with a long backoff: only the abort can end it quickly.
    const transport = await v1(() => ({ status: 503, body: '' }), {
      baseDelayMs: 60_000,
      maxDelayMs: 60_000,
      random: () => 0.99,
    });
    const controller = new AbortController();
    const started = Date.now();
    const pending = transport.call('FetchAllTags', {}, { write: false, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = (await rejectionOf(pending)) as CallsideError;
    expect(error.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server?.count('/')).toBe(1);
  });
});

describe('concurrency cap', () => {
  it('keeps at most 4 router calls in flight by default', async () => {
    const transport = await v1(() => ({ json: OK, delayMs: 40 }));
    const calls = Array.from({ length: 12 }, () => transport.call('FetchAllTags', {}, { write: false }));
    await expect(Promise.all(calls)).resolves.toHaveLength(12);
    expect(server?.count('/')).toBe(12);
    expect(server?.maxInFlight('/')).toBe(4);
  });

  it('honours a configured cap', async () => {
    const transport = await v1(() => ({ json: OK, delayMs: 30 }), { maxConcurrent: 2 });
    await Promise.all(Array.from({ length: 6 }, () => transport.call('FetchAllTags', {}, { write: false })));
    expect(server?.maxInFlight('/')).toBe(2);
  });

  it('a call cancelled while queued for a slot never reaches the server', async () => {
    const transport = await v1(() => ({ json: OK, delayMs: 80 }), { maxConcurrent: 1 });
    const first = transport.call('FetchAllTags', {}, { write: false });
    const controller = new AbortController();
    const queued = transport.call('FetchAllGroups', {}, { write: false, signal: controller.signal });
    controller.abort();
    expect(((await rejectionOf(queued)) as CallsideError).code).toBe('cancelled');
    await first;
    expect(server?.requests.map((r) => r.json['Method'])).toEqual(['FetchAllTags']);
  });
});
