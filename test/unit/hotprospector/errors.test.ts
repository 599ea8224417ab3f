import { describe, expect, it } from 'vitest';
import { HP_METHODS, interpretAnswer, type MethodSpec } from '../../../src/core/providers/hotprospector/methods';
import { classifyRejection } from '../../../src/core/providers/hotprospector/wire/errors';
import { readEnvelope } from '../../../src/core/providers/hotprospector/wire/envelope';
import { contextFor, errorOf, fixture, fixtureText } from './support/fixtures';
import { SAMPLE_PARAMS } from './support/sampleParams';

function specFor(method: string): MethodSpec<unknown, unknown> {
  const spec = HP_METHODS.find((entry) => entry.method === method);
  if (!spec) throw new Error(`no catalog entry for ${method}`);
  return spec as unknown as MethodSpec<unknown, unknown>;
}

function run(api: 'v1' | 'v2', method: string): unknown {
  return interpretAnswer(specFor(method), fixture(api, `${method}.error`), SAMPLE_PARAMS[method], contextFor(method));
}

const EMPTY_PAGE = {
  items: [],
  total: 0,
  limit: null,
  offset: null,
  hasMore: false,
  nextOffset: null,
  inboundCount: 0,
  outboundCount: 0,
};

/**
 * Every "Error Response" of both docs, with what it becomes: a thrown CallsideError code, or, for
 * "No … found" on a collection read, the empty collection.
 */
const V1_ERRORS: Record<string, string> = {
  LoginUser: 'auth',
  FetchAllTags: 'empty',
  AddTag: 'auth',
  UpdateTag: 'invalid_request',
  FetchAllGroups: 'empty',
  AddGroup: 'auth',
  UpdateGroup: 'invalid_request',
  DeleteGroup: 'invalid_request',
  AddcustomField: 'not_found',
  UpdateCustomField: 'not_found',
  CheckCustomField: 'auth',
  DeleteCustomField: 'auth',
  SearchByUserInput: 'empty',
  SearchByCustomField: 'empty',
  Un_SubscribeLead: 'not_found',
  UpdateExistingLead: 'not_found',
  MoveLead: 'not_found',
  CopyLead: 'not_found',
  AddSingleLead: 'invalid_request',
  RemoveSingleLead: 'invalid_request',
  AddMultipleLeads: 'not_found',
  FetchLeadFieldsName: 'auth',
  FetchLeadNotes: 'auth',
  AddLeadTags: 'auth',
  RemoveLeadTags: 'auth',
  FetchLeadCallLogs: 'auth',
  FetchLeadSMSLogs: 'auth',
  FetchLeadRVMLogs: 'auth',
  FetchUserSMSLogs: 'auth',
  FetchUserCallLog: 'auth',
  addMemberUser: 'auth',
  editMemberUser: 'auth',
  getMemberUsers: 'auth',
  checkMemberLimit: 'auth',
  deleteMemberUser: 'auth',
  fetchCreditCount: 'auth',
  creditDeduct: 'auth',
  FetchAllCampaigns: 'empty',
  FetchCallTranscripts: 'auth',
  getMemberDashboardData: 'auth',
  getDashboardMemberDatabyCampaign: 'auth',
  GetNumberHealthList: 'auth',
};

const V2_ERRORS: Record<string, string> = {
  LoginUser: 'auth',
  FetchAllTags: 'empty',
  AddTag: 'auth',
  UpdateTag: 'invalid_request',
  FetchAllGroups: 'empty',
  AddGroup: 'auth',
  UpdateGroup: 'invalid_request',
  DeleteGroup: 'invalid_request',
  AddcustomField: 'not_found',
  UpdateCustomField: 'invalid_request',
  CheckCustomField: 'exists:false',
  DeleteCustomField: 'invalid_request',
  SearchByUserInput: 'empty',
  SearchByCustomField: 'empty',
  Un_SubscribeLead: 'invalid_request',
  UpdateExistingLead: 'invalid_request',
  MoveLead: 'invalid_request',
  CopyLead: 'invalid_request',
  AddSingleLead: 'invalid_request',
  RemoveSingleLead: 'not_found',
  AddMultipleLeads: 'invalid_request',
  FetchLeadFieldsName: 'empty',
  FetchLeadNotes: 'empty',
  AddLeadTags: 'invalid_request',
  RemoveLeadTags: 'invalid_request',
  FetchLeadCallLogs: 'empty',
  FetchLeadSMSLogs: 'empty',
  FetchLeadRVMLogs: 'empty',
  FetchUserSMSLogs: 'empty-page',
  FetchUserCallLog: 'empty-page',
  addMemberUser: 'invalid_request',
  editMemberUser: 'invalid_request',
  getMemberUsers: 'empty',
  checkMemberLimit: 'remote',
  deleteMemberUser: 'invalid_request',
  fetchCreditCount: 'remote',
  creditDeduct: 'invalid_request',
  FetchAllCampaigns: 'empty',
  FetchCallTranscripts: 'empty-page',
  getMemberDashboardData: 'remote',
  getDashboardMemberDatabyCampaign: 'remote',
  GetNumberHealthList: 'empty-numbers',
};

function expectOutcome(api: 'v1' | 'v2', method: string, expected: string): void {
  if (expected === 'empty') expect(run(api, method)).toEqual([]);
  else if (expected === 'empty-page') expect(run(api, method)).toEqual(EMPTY_PAGE);
  else if (expected === 'empty-numbers')
    expect(run(api, method)).toEqual({ items: [], page: 1, perPage: null, total: 0, totalPages: 0 });
  else if (expected === 'exists:false') expect(run(api, method)).toEqual({ exists: false, fieldName: 'Age' });
  else {
    const error = errorOf(() => run(api, method));
    expect(error.code).toBe(expected);
    expect(error.message).toContain(method);
  }
}

describe('every documented error answer', () => {
  it('is listed for all 42 Methods', () => {
    expect(Object.keys(V1_ERRORS)).toHaveLength(42);
    expect(Object.keys(V2_ERRORS)).toHaveLength(42);
  });

  it.each(Object.entries(V1_ERRORS))('V1 %s → %s', (method, expected) => expectOutcome('v1', method, expected));
  it.each(Object.entries(V2_ERRORS))('V2 %s → %s', (method, expected) => expectOutcome('v2', method, expected));

  it('keeps the server sentence in the message, on one line', () => {
    const error = errorOf(() => run('v1', 'UpdateTag'));
    expect(error.message).toBe('Hot Prospector refused UpdateTag: Invalid provided TagId: $TagId');
  });

  it('reads the V1 Errors table', () => {
    const codeOf = (name: string): string => {
      const envelope = readEnvelope('LoginUser', fixture('v1', name));
      if (envelope.ok) throw new Error('expected a rejection');
      return envelope.error.code;
    };
    expect(codeOf('error-invalid-api-credentials')).toBe('auth');
    expect(codeOf('error-invalid-login-credentials')).toBe('auth');
    expect(codeOf('error-endpoint-validation')).toBe('invalid_request');
  });

  it('marks only server-side trouble as worth retrying', () => {
    const envelope = readEnvelope('fetchCreditCount', fixture('v2', 'fetchCreditCount.error'));
    expect(envelope.ok ? null : envelope.error.retryable).toBe(true);
    const auth = readEnvelope('AddTag', fixture('v2', 'AddTag.error'));
    expect(auth.ok ? null : auth.error.retryable).toBe(false);
  });
});

describe('message classification', () => {
  it.each([
    ['Invalid (api_uId or api_key)', 'auth'],
    ['Invalid or expired token', 'auth'],
    ['No tag found', 'not_found'],
    ['No such lead exist against provided unsubscribeValue:1', 'not_found'],
    ['Lead not found in group', 'not_found'],
    ['Lead already exists or groupId invalid', 'invalid_request'],
    ['Email already exists', 'invalid_request'],
    ['Insufficient credits', 'invalid_request'],
    ['Unable to fetch dashboard data', 'remote'],
    ['Something odd happened', 'invalid_request'],
  ])('%s → %s', (message, code) => {
    expect(classifyRejection(message)).toBe(code);
  });
});

describe('envelope variants', () => {
  it('accepts an object, a one-item array, "True", "true" and true', () => {
    expect(readEnvelope('X', { response: 'true' }).ok).toBe(true);
    expect(readEnvelope('X', [{ response: 'True' }]).ok).toBe(true);
    expect(readEnvelope('X', { response: true }).ok).toBe(true);
    expect(readEnvelope('X', { response: 'false', message: 'No tag found' }).ok).toBe(false);
    expect(readEnvelope('X', { response: false }).ok).toBe(false);
    expect(readEnvelope('X', fixture('v1', 'FetchAllTags.success-quickstart')).ok).toBe(true);
  });

  it('accepts a whole answer sent as JSON text', () => {
    expect(readEnvelope('X', '{"response":"true","credits":"1"}')).toMatchObject({
      ok: true,
      fields: { credits: '1' },
    });
  });

  it.each([
    ['an empty list', [], 'a list of 0 answers where one was expected'],
    ['two answers', [{ response: 'true' }, { response: 'true' }], 'a list of 2 answers'],
    ['a number', 42, 'something other than a JSON object'],
    ['null', null, 'something other than a JSON object'],
    ['text', 'Service unavailable', 'text that is not JSON'],
    ['no flag', { message: 'hi' }, 'no "response" flag'],
    ['an odd flag', { response: 'maybe' }, 'a "response" flag that is neither true nor false'],
    ['an odd flag type', { response: 1 }, 'a "response" flag that is neither true nor false'],
  ])('rejects %s as malformed, naming the Method', (_label, body, detail) => {
    const error = errorOf(() => readEnvelope('FetchAllTags', body));
    expect(error.code).toBe('malformed');
    expect(error.message).toContain('FetchAllTags');
    expect(error.message).toContain(detail);
  });

  it('turns the PHP print_r router pages into malformed errors that quote the server', () => {
    const missing = errorOf(() => readEnvelope('FetchAllTags', fixtureText('v1', 'router-error-missing-method.txt')));
    expect(missing.code).toBe('malformed');
    expect(missing.message).toContain('Sorry you cannot access page');
    const unavailable = errorOf(() =>
      readEnvelope('FetchAllTags', fixtureText('v1', 'router-error-unavailable-method.txt')),
    );
    expect(unavailable.message).toContain('Service you are trying to access is not available');
  });

  it('treats the examples printed with broken JSON as unreadable text', () => {
    for (const name of [
      'FetchLeadCallLogs.success.txt',
      'FetchLeadRVMLogs.success.txt',
      'FetchLeadFieldsName.success.txt',
    ]) {
      const text = fixtureText('v1', name);
      expect(() => JSON.parse(text)).toThrow();
      expect(errorOf(() => readEnvelope('FetchLeadCallLogs', text)).code).toBe('malformed');
    }
  });

  it('never puts the body into the message', () => {
    const body = { response: 'true', tag: [{ TagId: { secret: 'api_key=abc123' }, TagTitle: 'x' }] };
    const error = errorOf(() => interpretAnswer(specFor('FetchAllTags'), body, {}, contextFor('FetchAllTags')));
    expect(error.code).toBe('malformed');
    expect(error.message).toBe(
      'Hot Prospector answered FetchAllTags in a shape Callside cannot read: tag[0].TagId is not an id.',
    );
    expect(error.message).not.toContain('abc123');
  });
});
