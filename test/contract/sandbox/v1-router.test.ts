import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTER_MISSING_METHOD, ROUTER_UNKNOWN_METHOD, type HotProspectorSandbox } from '../../../src/sandbox';
import { envelope, raw, startSandbox, v1 } from './helpers';

describe('V1 router and credentials', () => {
  let sb: HotProspectorSandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  const post = (body: string, contentType: string, query = '') =>
    raw(`${sb.v1Url}${query}`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('listens on loopback and publishes fixed demo credentials', () => {
    expect(sb.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sb.v1Url).toBe(`${sb.baseUrl}/glu/custom_api`);
    expect(sb.v2BaseUrl).toBe(`${sb.baseUrl}/glu/api/v2`);
    expect(sb.credentials).toEqual({ uid: '4242', apiKey: 'demo-key-callside-sandbox' });
  });

  it('describes itself at GET /__sandbox/info', async () => {
    const info = (await (await fetch(`${sb.baseUrl}/__sandbox/info`)).json()) as Record<string, unknown>;
    expect(info).toMatchObject({ v1Url: sb.v1Url, v2BaseUrl: sb.v2BaseUrl, credentials: sb.credentials });
    expect(info.counts).toMatchObject({ leads: 120 });
    expect((info.fixtures as { xssLeadId: number }).xssLeadId).toBe(sb.fixtures.xssLeadId);
  });

  it('authenticates LoginUser with good credentials', async () => {
    expect(await v1(sb, { Method: 'LoginUser' })).toEqual({ response: 'true', message: 'Successfully Authenticated' });
  });

  it('refuses bad credentials with both documented LoginUser texts, in turn', async () => {
    const texts = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const answer = await post(
        JSON.stringify({ api_uId: '4242', api_key: 'wrong', Method: 'LoginUser' }),
        'application/json',
      );
      expect(answer.status).toBe(200);
      const json = JSON.parse(answer.text) as { response: string; message: string };
      expect(json.response).toBe('false');
      texts.add(json.message);
    }
    expect(texts).toEqual(
      new Set(['Invalid (api_uId or api_key)', 'Invalid (login email or password)/(api_uId or api_key)']),
    );
  });

  it('refuses bad credentials on other Methods with the text their doc section shows', async () => {
    const tags = JSON.parse(
      (await post(JSON.stringify({ api_uId: '1', api_key: 'x', Method: 'FetchAllTags' }), 'application/json')).text,
    );
    expect(tags).toEqual({ response: 'false', message: 'Invalid (login email or password)/(api_uId or api_key)' });
    const members = JSON.parse(
      (await post(JSON.stringify({ api_uId: '4242', Method: 'getMemberUsers' }), 'application/json')).text,
    );
    expect(members).toEqual({ response: 'false', message: 'Invalid (api_uId or api_key)' });
  });

  it('accepts api_uId as a number', async () => {
    const answer = await post(
      JSON.stringify({ api_uId: 4242, api_key: sb.credentials.apiKey, Method: 'LoginUser' }),
      'application/json',
    );
    expect(JSON.parse(answer.text).response).toBe('true');
  });

  it('answers a missing Method with the PHP print_r text as text/html', async () => {
    const answer = await post(JSON.stringify({ api_uId: '4242', api_key: sb.credentials.apiKey }), 'application/json');
    expect(answer.status).toBe(200);
    expect(answer.contentType).toContain('text/html');
    expect(answer.text).toBe(ROUTER_MISSING_METHOD);
    expect(answer.text).toBe(
      'Array\n(\n    [message] => Sorry you cannot access page, Please provide required details.\n)\n',
    );
  });

  it('answers an unknown or wrongly cased Method with the other print_r text', async () => {
    for (const Method of ['FetchAllTag', 'AddCustomField', 'loginuser']) {
      const answer = await post(
        JSON.stringify({ api_uId: '4242', api_key: sb.credentials.apiKey, Method }),
        'application/json',
      );
      expect(answer.contentType).toContain('text/html');
      expect(answer.text).toBe(ROUTER_UNKNOWN_METHOD);
    }
    expect(ROUTER_UNKNOWN_METHOD).toContain(
      '[message] => Service you are trying to access is not available or provided information is incorrect!',
    );
  });

  it('treats an unreadable JSON body like a request without fields', async () => {
    const answer = await post('{"Method": "LoginUser", "api_uId": ', 'application/json');
    expect(answer.text).toBe(ROUTER_MISSING_METHOD);
  });

  it('accepts a form-encoded body', async () => {
    const form = new URLSearchParams({ api_uId: '4242', api_key: sb.credentials.apiKey, Method: 'LoginUser' });
    const answer = await post(form.toString(), 'application/x-www-form-urlencoded');
    expect(JSON.parse(answer.text)).toEqual({ response: 'true', message: 'Successfully Authenticated' });
  });

  it('accepts a Data field holding the payload as JSON text, in a form body', async () => {
    const data = JSON.stringify({
      api_uId: '4242',
      api_key: sb.credentials.apiKey,
      Method: 'CheckCustomField',
      FieldName: 'Age',
    });
    const answer = await post(new URLSearchParams({ Data: data }).toString(), 'application/x-www-form-urlencoded');
    expect(JSON.parse(answer.text)).toEqual({
      response: 'True',
      FieldName: 'Age',
      message: 'Provided Custom Field Exist',
    });
  });

  it('accepts a Data field holding an object, in a JSON body', async () => {
    const answer = await post(
      JSON.stringify({ Data: { api_uId: '4242', api_key: sb.credentials.apiKey, Method: 'fetchCreditCount' } }),
      'application/json',
    );
    expect(JSON.parse(answer.text)).toEqual({ response: 'true', credits: '2500' });
  });

  it('reads PHP bracket arrays in form bodies (tagId[]=…)', async () => {
    const lead = sb.state.data.leads[20];
    const tags = sb.state.data.tags.slice(0, 2).map((t) => String(t.id));
    const form = new URLSearchParams([
      ['api_uId', '4242'],
      ['api_key', sb.credentials.apiKey],
      ['Method', 'AddLeadTags'],
      ['leadId', String(lead?.id)],
      ['tagId[]', tags[0] ?? ''],
      ['tagId[]', tags[1] ?? ''],
    ]);
    const answer = JSON.parse((await post(form.toString(), 'application/x-www-form-urlencoded')).text);
    expect(answer.tags_assigned).toEqual(tags.map(Number));
    expect(lead?.tagIds).toEqual(expect.arrayContaining(tags.map(Number)));
  });

  it('encodes JSON the way PHP does: escaped slashes and \\u escapes for non-ASCII', async () => {
    const answer = await post(
      JSON.stringify({
        api_uId: '4242',
        api_key: sb.credentials.apiKey,
        Method: 'FetchLeadNotes',
        leadId: sb.fixtures.recentCallerLeadId,
      }),
      'application/json',
    );
    expect(answer.text).toContain('\\u2014'); // "Called — left voicemail"
    expect(answer.text).not.toContain('—');
    const notes = envelope(JSON.parse(answer.text)).notes as Array<{ note: string }>;
    expect(notes.map((n) => n.note)).toContain('Called — left voicemail');
  });

  it('answers an unknown path with a 404 page', async () => {
    const answer = await raw(`${sb.baseUrl}/glu/nope`, { method: 'POST', body: '{}' });
    expect(answer.status).toBe(404);
    expect(answer.text).toContain('404 Not Found');
  });
});
