import { afterEach, describe, expect, it } from 'vitest';
import { CallsideError } from '../../../src/shared/errors';
import { createV1Transport } from '../../../src/core/providers/hotprospector/transport';
import { decodeBody } from '../../../src/core/providers/hotprospector/transport/decode';
import { type FakeServer, type Reply, rejectionOf, startServer } from './fake-server';

const KEY = 'k3y-SECRET-abcdef0123456789';
const PRINT_R = 'Array\n(\n    [message] => Sorry you cannot access page, Please provide required details.\n)\n';
const HTML = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';

describe('decodeBody', () => {
  it('classifies each kind of body', () => {
    expect(decodeBody('{"a":1}', 'application/json')).toEqual({ kind: 'json', value: { a: 1 } });
    expect(decodeBody('\uFEFF [{"a":1}] ', 'text/html')).toEqual({ kind: 'json', value: [{ a: 1 }] });
    expect(decodeBody(PRINT_R, 'text/html')).toEqual({
      kind: 'php',
      message: 'Sorry you cannot access page, Please provide required details.',
    });
    expect(decodeBody('Array\n(\n)\n', 'text/html')).toEqual({ kind: 'php', message: null });
    expect(decodeBody(HTML, 'text/html')).toEqual({ kind: 'html' });
    expect(decodeBody('<html><body>oops', 'application/json')).toEqual({ kind: 'html' });
    expect(decodeBody('', 'application/json')).toEqual({ kind: 'empty' });
    expect(decodeBody('  \n', 'application/json')).toEqual({ kind: 'empty' });
    expect(decodeBody('{"response":"true","tags":[{"TagId":"1"', 'application/json')).toEqual({ kind: 'truncated' });
    expect(decodeBody('Service Unavailable', 'text/plain')).toEqual({ kind: 'text' });
  });
});

describe('body decoding over HTTP', () => {
  let server: FakeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const callWith = async (reply: Reply): Promise<CallsideError> => {
    server = await startServer(() => reply);
    const transport = createV1Transport({ baseUrl: server.url, uid: 'u1', apiKey: KEY, maxAttempts: 1 });
    const error = await rejectionOf(transport.call('FetchAllTags', {}, { write: false }));
    expect(error).toBeInstanceOf(CallsideError);
    expect((error as CallsideError).message).not.toContain(KEY);
    return error as CallsideError;
  };

  it('PHP print_r router output → remote, quoting its [message]', async () => {
    const error = await callWith({ contentType: 'text/html', body: PRINT_R });
    expect(error.code).toBe('remote');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('Sorry you cannot access page, Please provide required details.');
  });

  it('HTML with HTTP 200 → malformed', async () => {
    const error = await callWith({ contentType: 'text/html', body: HTML });
    expect(error.code).toBe('malformed');
    expect(error.message).toBe('Hot Prospector answered with an HTML page instead of data (HTTP 200).');
  });

  it('HTML with HTTP 502 → remote, retryable', async () => {
    const error = await callWith({ status: 502, contentType: 'text/html', body: HTML });
    expect(error.code).toBe('remote');
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('Hot Prospector answered with an HTML page instead of data (HTTP 502).');
  });

  it('empty body → malformed', async () => {
    const error = await callWith({ body: '' });
    expect(error.code).toBe('malformed');
    expect(error.message).toBe('Hot Prospector sent an empty answer (HTTP 200).');
  });

  it('truncated JSON → malformed', async () => {
    const error = await callWith({ body: '[{"response":"true","message":"All Tags fetched","tags":[{"TagId":"4010' });
    expect(error.code).toBe('malformed');
    expect(error.message).toContain('cut off');
  });

  it('plain text → malformed', async () => {
    const error = await callWith({ contentType: 'text/plain', body: 'ok' });
    expect(error.code).toBe('malformed');
  });

  it('JSON error with HTTP 500 → remote quoting the server message', async () => {
    const error = await callWith({ status: 500, json: { response: 'false', message: 'Database went away' } });
    expect(error.code).toBe('remote');
    expect(error.message).toBe('Hot Prospector failed on its side (HTTP 500): Database went away');
  });

  it('HTTP 400 → invalid_request', async () => {
    const error = await callWith({ status: 400, json: { message: 'Bad payload' } });
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('Bad payload');
  });
});
