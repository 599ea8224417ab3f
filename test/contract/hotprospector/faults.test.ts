import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotProspectorClient } from '../../../src/core/providers/hotprospector/client';
import { defineMethod } from '../../../src/core/providers/hotprospector/methods';
import { DEFAULT_POLICY, type HpV2Tokens } from '../../../src/core/providers/hotprospector/transport';
import { FAULT_KINDS, type FaultKind, type HotProspectorSandbox } from '../../../src/sandbox';
import { groupSchema } from '../../../src/shared/domain';
import type { CallsideError, ErrorCode } from '../../../src/shared/errors';
import { APIS, clientFor, countersAround, expectCode, failure, leaksSecret, startSandbox, type Api } from './helpers';

/**
 * Issue 3, faults over real HTTP: every broken answer the sandbox can produce becomes its typed
 * error; reads are retried when the failure is transient, writes never are; refused
 * credentials, unknown Methods and secrets in messages, for V1 and V2.
 */

interface FaultExpectation {
  code: ErrorCode;
  /** Transient: a read is tried DEFAULT_POLICY.maxAttempts times. */
  retried: boolean;
  /** The sandbox applies the write before it corrupts the answer. */
  writeLands: boolean;
}

const EXPECTED: Record<FaultKind, FaultExpectation> = {
  http5xx: { code: 'remote', retried: true, writeLands: false },
  html: { code: 'malformed', retried: false, writeLands: false },
  reset: { code: 'network', retried: true, writeLands: false },
  drop: { code: 'network', retried: true, writeLands: true },
  truncated: { code: 'malformed', retried: false, writeLands: true },
  php: { code: 'malformed', retried: false, writeLands: true },
};

const ATTEMPTS = DEFAULT_POLICY.maxAttempts;

describe.each(APIS)('faults over %s', (api: Api) => {
  let sb: HotProspectorSandbox;
  let hp: HotProspectorClient;
  const sessions: Array<HpV2Tokens | null> = [];
  const errors: CallsideError[] = [];

  beforeAll(async () => {
    sb = await startSandbox();
    hp = clientFor(sb, api, { onTokens: (tokens) => void sessions.push(tokens) });
    await hp.login();
  });
  afterAll(() => sb.close());

  async function expectFailure(promise: Promise<unknown>, code: ErrorCode): Promise<CallsideError> {
    const error = await expectCode(promise, code);
    errors.push(error);
    return error;
  }

  it('covers every fault kind the sandbox can inject', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...FAULT_KINDS].sort());
  });

  describe.each(FAULT_KINDS)('%s', (kind) => {
    const expected = EXPECTED[kind];

    it(`a read that keeps getting it fails with '${expected.code}' after ${expected.retried ? ATTEMPTS : 1} attempt(s)`, async () => {
      sb.setFaults({ next: Array(ATTEMPTS).fill(kind), only: ['FetchAllGroups'] });
      const seen = await countersAround(sb, () => expectFailure(hp.listGroups(), expected.code));
      expect(seen.requests('FetchAllGroups')).toBe(expected.retried ? ATTEMPTS : 1);
      expect(seen.result.retryable).toBe(expected.retried);
      sb.setFaults({});
    });

    it(`a read that gets it once ${expected.retried ? 'recovers on the retry' : 'fails at once'}`, async () => {
      sb.setFaults({ next: [kind], only: ['FetchAllGroups'] });
      const seen = await countersAround(sb, async () => {
        if (!expected.retried) return expectFailure(hp.listGroups(), expected.code);
        const groups = await hp.listGroups();
        expect(groups.length).toBeGreaterThan(0);
        for (const group of groups) groupSchema.parse(group);
        expect(groups).toHaveLength(sb.state.data.groups.length);
        return null;
      });
      expect(seen.requests('FetchAllGroups')).toBe(expected.retried ? 2 : 1);
      sb.setFaults({});
    });

    it(`a write is sent once and ${expected.writeLands ? 'lands' : 'does not land'}; the error says so`, async () => {
      const title = `fault ${api} ${kind}`;
      sb.setFaults({ next: [kind], only: ['AddTag'] });
      const seen = await countersAround(sb, () => expectFailure(hp.addTag({ title }), expected.code));
      sb.setFaults({});
      expect(seen.requests('AddTag')).toBe(1);
      expect(seen.applied('AddTag')).toBe(expected.writeLands ? 1 : 0);
      if (expected.retried) expect(seen.result.message).toMatch(/may or may not have been saved/);
      // What the server really did, read back.
      const tags = await hp.listTags();
      expect(tags.some((t) => t.title === title)).toBe(expected.writeLands);
    });
  });

  it('an unknown Method gets the router print_r page: "remote", not retried', async () => {
    const unknown = defineMethod<Record<string, never>, unknown>({
      method: 'FetchEverything',
      write: false,
      toWire: () => ({}),
      read: () => null,
    });
    const seen = await countersAround(sb, () => expectFailure(hp.run(unknown, {}), 'remote'));
    expect(seen.requests('FetchEverything')).toBe(1);
    expect(seen.result.message).toMatch(/not available or provided information is incorrect/);
    const missing = defineMethod<Record<string, never>, unknown>({
      method: '',
      write: false,
      toWire: () => ({}),
      read: () => null,
    });
    await expectFailure(hp.run(missing, {}), 'remote');
  });

  it('a refusal that echoes a request value does not repeat the API key or a token', async () => {
    const secretsSent = [sb.credentials.apiKey, ...sessions.flatMap((s) => (s ? [s.accessToken] : []))];
    for (const secret of secretsSent) {
      const error = await failure(hp.renameTag({ tagId: secret, title: 'x' }));
      errors.push(error);
      expect(error.code).toBe('invalid_request');
      expect(error.message).toMatch(/\[redacted\]|Invalid provided TagId$/);
      await failure(hp.unsubscribeLead({ by: 'email', value: secret })).then((e) => errors.push(e));
    }
  });

  it('no error message seen in this suite carries the API key or a token', () => {
    const secrets = [
      sb.credentials.apiKey,
      ...sessions.flatMap((s) => (s ? [s.accessToken, s.refreshToken ?? ''] : [])),
    ];
    expect(errors.length).toBeGreaterThan(FAULT_KINDS.length * 3);
    for (const error of errors) expect(leaksSecret(error.message, secrets), error.message).toBeNull();
  });
});

describe('refused credentials over V1', () => {
  let sb: HotProspectorSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ variants: { mode: 'rotate' } });
  });
  afterAll(() => sb.close());

  it('a wrong api_key is "auth" for every Method, in both documented wordings, and never quoted', async () => {
    const apiKey = 'wrong-key-0123456789';
    const hp = clientFor(sb, 'v1', { apiKey });
    const calls = [
      () => hp.login(),
      () => hp.login(),
      () => hp.listTags(),
      () => hp.listMembers(),
      () => hp.addTag({ title: 'never' }),
    ];
    for (const call of calls) {
      const seen = await countersAround(sb, () => expectCode(call(), 'auth'));
      expect(seen.appliedTotal).toBe(0);
      expect(leaksSecret(seen.result.message, [apiKey, sb.credentials.apiKey])).toBeNull();
    }
    // Not retried: one request per call.
    expect(sb.counters().requests.LoginUser).toBe(2);
    expect(sb.counters().requests.AddTag).toBe(1);
  });

  it('a wrong api_uId is "auth" as well', async () => {
    const hp = clientFor(sb, 'v1', { uid: '9999' });
    await expectCode(hp.listGroups(), 'auth');
  });
});
