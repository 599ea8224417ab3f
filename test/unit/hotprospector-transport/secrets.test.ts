import { afterEach, describe, expect, it } from 'vitest';
import { CallsideError } from '../../../src/shared/errors';
import { createV1Transport, createV2Transport } from '../../../src/core/providers/hotprospector/transport';
import { type FakeServer, type Reply, rejectionOf, startServer } from './fake-server';
import { FakeV2, KEY, UID } from './fake-v2';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Everything a logger or the bridge could ever print from an error. */
function everythingPrintable(error: CallsideError): string {
  return [
    error.message,
    String(error),
    error.stack ?? '',
    JSON.stringify(error.toPayload()),
    String(error.cause ?? ''),
  ].join('\n');
}

function expectClean(error: unknown, secrets: string[]): CallsideError {
  expect(error).toBeInstanceOf(CallsideError);
  const printable = everythingPrintable(error as CallsideError);
  for (const secret of secrets) expect(printable).not.toContain(secret);
  return error as CallsideError;
}

describe('secrets never reach error messages', () => {
  // Servers that echo what they were sent: the worst case for a message we quote.
  const echoes: Array<[string, (echo: string) => Reply]> = [
    ['print_r', (echo) => ({ contentType: 'text/html', body: `Array\n(\n    [message] => Bad request ${echo}\n)\n` })],
    ['HTTP 500 JSON', (echo) => ({ status: 500, json: { message: `failed for ${echo}` } })],
    ['HTTP 400 JSON', (echo) => ({ status: 400, json: [{ response: 'false', message: `rejected ${echo}` }] })],
    ['HTML', (echo) => ({ status: 502, contentType: 'text/html', body: `<html><body>${echo}</body></html>` })],
    ['truncated', (echo) => ({ body: `{"message":"${echo}` })],
  ];

  it.each(echoes)('V1, server echoing the request body in %s', async (_kind, reply) => {
    server = await startServer((request) => reply(request.text));
    const transport = createV1Transport({ baseUrl: server.url, uid: UID, apiKey: KEY, maxAttempts: 1 });
    for (const write of [false, true]) {
      const error = expectClean(await rejectionOf(transport.call('AddTag', { TagTitle: 'x' }, { write })), [KEY]);
      expect(error.code).not.toBe('internal');
    }
  });

  it.each(echoes)('V2, server echoing the Bearer token in %s', async (_kind, reply) => {
    const fake = new FakeV2();
    server = await startServer((request, index) =>
      request.path.endsWith('/request')
        ? reply(`${request.headers['authorization'] ?? ''} ${KEY}`)
        : fake.handler(request, index),
    );
    const transport = createV2Transport({ baseUrl: `${server.url}/glu/api/v2`, uid: UID, apiKey: KEY, maxAttempts: 1 });
    const error = await rejectionOf(transport.call('FetchAllTags', {}, { write: false }));
    expectClean(error, [KEY, ...fake.access, ...fake.refresh]);
    expect((error as CallsideError).message).toMatch(/\[redacted\]|HTML|cut off/);
  });

  it('V2 auth failures mention neither the key nor the tokens', async () => {
    const fake = new FakeV2();
    fake.credentialsValid = false;
    fake.refreshWorks = false;
    server = await startServer(fake.handler);
    const stale = {
      accessToken: 'stale-access-abcdef',
      refreshToken: 'stale-refresh-abcdef',
      expiresAt: Date.now() + 1e6,
      obtainedAt: Date.now(),
    };
    const transport = createV2Transport({ baseUrl: `${server.url}/glu/api/v2`, uid: UID, apiKey: KEY, tokens: stale });
    const error = expectClean(await rejectionOf(transport.call('FetchAllTags', {}, { write: false })), [
      KEY,
      stale.accessToken,
      stale.refreshToken,
    ]);
    expect(error.code).toBe('auth');
  });

  it('network errors carry no cause that could hold the request', async () => {
    server = await startServer(() => 'drop');
    const transport = createV1Transport({ baseUrl: server.url, uid: UID, apiKey: KEY, maxAttempts: 1 });
    const error = expectClean(await rejectionOf(transport.call('LoginUser', {}, { write: false })), [KEY]);
    expect(error.code).toBe('network');
    expect(error.cause).toBeUndefined();
  });
});
