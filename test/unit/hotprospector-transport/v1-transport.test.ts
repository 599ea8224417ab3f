import { afterEach, describe, expect, it } from 'vitest';
import { CallsideError } from '../../../src/shared/errors';
import { createV1Transport } from '../../../src/core/providers/hotprospector/transport';
import { type FakeServer, rejectionOf, startServer } from './fake-server';

const UID = 'uid-4711';
const KEY = 'k3y-SECRET-abcdef0123456789';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('V1 transport', () => {
  it('POSTs JSON to the router with api_uId, api_key, Method and the params in the body', async () => {
    const tags = [{ response: 'true', message: 'All Tags fetched successfully', tags: [{ TagId: '401074' }] }];
    server = await startServer(() => ({ json: tags }));
    const transport = createV1Transport({ baseUrl: `${server.url}/glu/custom_api`, uid: UID, apiKey: KEY });

    const result = await transport.call('FetchAllTags', { limit: 50, cursor: 0 }, { write: false });

    expect(transport.api).toBe('v1');
    expect(result).toEqual(tags); // returned as sent: the one-item array is the normalizers' business
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.path).toBe('/glu/custom_api');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['authorization']).toBeUndefined();
    expect(request?.json).toEqual({ api_uId: UID, api_key: KEY, Method: 'FetchAllTags', limit: 50, cursor: 0 });
  });

  it('does not let params override the credentials or the Method', async () => {
    server = await startServer(() => ({ json: { response: 'true' } }));
    const transport = createV1Transport({ baseUrl: server.url, uid: UID, apiKey: KEY });
    await transport.call('LoginUser', { Method: 'DeleteGroup', api_key: 'other', api_uId: 'x' }, { write: false });
    expect(server.requests[0]?.json).toEqual({ api_uId: UID, api_key: KEY, Method: 'LoginUser' });
  });

  it('parses JSON sent with a text/html content type', async () => {
    server = await startServer(() => ({
      contentType: 'text/html; charset=UTF-8',
      body: '{"response":"true","message":"ok"}',
    }));
    const transport = createV1Transport({ baseUrl: server.url, uid: UID, apiKey: KEY });
    await expect(transport.call('LoginUser', {}, { write: false })).resolves.toEqual({
      response: 'true',
      message: 'ok',
    });
  });

  it('passes ordinary response:"false" envelopes through for the normalizers', async () => {
    const body = { response: 'false', message: 'Invalid provided TagId: 9' };
    server = await startServer(() => ({ json: body }));
    const transport = createV1Transport({ baseUrl: server.url, uid: UID, apiKey: KEY });
    await expect(transport.call('DeleteTag', { TagId: '9' }, { write: true })).resolves.toEqual(body);
  });

  it.each([
    ['object', { response: 'false', message: 'Invalid (api_uId or api_key)' }],
    ['one-item array', [{ response: 'false', message: 'Invalid (api_uId or api_key)' }]],
    ['LoginUser wording', { response: 'false', message: 'Invalid (login email or password)/(api_uId or api_key)' }],
    ['V2 wording', { success: false, message: 'Invalid api_uId or api_key.' }],
  ])('turns a credential refusal (%s) into auth, without retrying', async (_name, body) => {
    server = await startServer(() => ({ json: body }));
    const transport = createV1Transport({ baseUrl: server.url, uid: UID, apiKey: KEY, sleep: async () => undefined });
    const error = await rejectionOf(transport.call('FetchAllTags', {}, { write: false }));
    expect(error).toBeInstanceOf(CallsideError);
    expect((error as CallsideError).code).toBe('auth');
    expect((error as CallsideError).retryable).toBe(false);
    expect((error as CallsideError).message).toContain('refused the API credentials');
    expect((error as CallsideError).message).not.toContain(KEY);
    expect(server.count('/')).toBe(1);
  });

  it('treats HTTP 401 as auth', async () => {
    server = await startServer(() => ({ status: 401, body: 'Unauthorized', contentType: 'text/plain' }));
    const transport = createV1Transport({ baseUrl: server.url, uid: UID, apiKey: KEY });
    const error = (await rejectionOf(transport.call('LoginUser', {}, { write: false }))) as CallsideError;
    expect(error.code).toBe('auth');
  });

  it('refuses plain http to a non-loopback host, which would expose the key', () => {
    const make = (allowInsecureHttp?: boolean) =>
      createV1Transport({ baseUrl: 'http://example.com/glu/custom_api', uid: UID, apiKey: KEY, allowInsecureHttp });
    expect(make).toThrowError(/https/);
    expect(() => make(true)).not.toThrow();
    expect(() => createV1Transport({ uid: UID, apiKey: KEY })).not.toThrow();
    expect(() => createV1Transport({ baseUrl: 'not a url', uid: UID, apiKey: KEY })).toThrowError(CallsideError);
  });

  it('does not follow redirects (a 307 would replay the key elsewhere)', async () => {
    const target = await startServer(() => ({ json: { response: 'true' } }));
    try {
      server = await startServer(() => ({ status: 307, headers: { location: `${target.url}/steal` }, body: '' }));
      const transport = createV1Transport({ baseUrl: server.url, uid: UID, apiKey: KEY });
      const error = (await rejectionOf(transport.call('LoginUser', {}, { write: false }))) as CallsideError;
      expect(error.code).toBe('remote');
      expect(error.message).toContain('redirected');
      expect(target.requests).toHaveLength(0);
    } finally {
      await target.close();
    }
  });
});
