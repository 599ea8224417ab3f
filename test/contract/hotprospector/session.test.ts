import { afterEach, describe, expect, it } from 'vitest';
import type { HotProspectorClient } from '../../../src/core/providers/hotprospector/client';
import type { FetchLike, HpV2Tokens } from '../../../src/core/providers/hotprospector/transport';
import type { HotProspectorSandbox } from '../../../src/sandbox';
import { groupSchema, tagSchema } from '../../../src/shared/domain';
import { clientFor, countersAround, expectCode, leaksSecret, startSandbox } from './helpers';

/**
 * Issue 3, V2 session over real HTTP: token expiry in the middle of concurrent calls, both ways
 * the server reports a bad token, a refused refresh token, refused credentials and sign-out.
 */

describe('V2 session against the sandbox', () => {
  let sb: HotProspectorSandbox;
  afterEach(() => sb.close());

  /** A V2 client that records every session it is handed (null when the session ends). */
  function v2Client(options: { fetch?: FetchLike; apiKey?: string } = {}): {
    hp: HotProspectorClient;
    sessions: Array<HpV2Tokens | null>;
  } {
    const sessions: Array<HpV2Tokens | null> = [];
    const hp = clientFor(sb, 'v2', { ...options, onTokens: (tokens) => void sessions.push(tokens) });
    return { hp, sessions };
  }

  it.each(['http401', 'body200', 'alternate'] as const)(
    'access tokens expiring in the middle of 20 concurrent calls cost exactly one refresh (%s)',
    async (invalidToken) => {
      sb = await startSandbox({ faults: { latencyMs: 0, invalidToken } });
      let answered = 0;
      // Expires every access token right after the fifth router answer: later calls carry a
      // token the server now refuses.
      const fetchThenExpire: FetchLike = async (url, init) => {
        const response = await globalThis.fetch(url, init);
        if (url.endsWith('/request') && ++answered === 5) sb.expireTokens();
        return response;
      };
      const { hp, sessions } = v2Client({ fetch: fetchThenExpire });

      const seen = await countersAround(sb, () =>
        Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            i % 5 === 4 ? hp.addTag({ title: `concurrent ${invalidToken} ${i}` }) : hp.listGroups(),
          ),
        ),
      );

      expect(seen.requests('auth/token')).toBe(1);
      expect(seen.requests('auth/refresh')).toBe(1);
      // Some calls really were refused and replayed...
      expect(seen.requests('FetchAllGroups') + seen.requests('AddTag')).toBeGreaterThan(20);
      // ...and every one succeeded, each write landing exactly once.
      expect(seen.applied('AddTag')).toBe(4);
      for (const [i, result] of seen.result.entries()) {
        if (i % 5 === 4) expect(result).toEqual({ id: expect.stringMatching(/^\d+$/) });
        else {
          expect((result as unknown[]).length).toBeGreaterThan(0);
          for (const group of result as unknown[]) groupSchema.parse(group);
        }
      }
      const titles = sb.state.data.tags.map((t) => t.title);
      expect(titles.filter((t) => t.startsWith(`concurrent ${invalidToken}`))).toHaveLength(4);
      expect(sessions).toHaveLength(2);
    },
  );

  it('a refused refresh token leads to exactly one fresh exchange, shared by concurrent calls', async () => {
    sb = await startSandbox();
    const { hp, sessions } = v2Client();
    await hp.login();
    const first = sessions.at(-1);
    expect(first?.accessToken).toBeTruthy();
    // Someone (another device, an admin) revokes every token of the account on the server.
    const revoke = await fetch(`${sb.v2BaseUrl}/auth/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first?.accessToken}` },
    });
    expect(revoke.status).toBe(200);

    const seen = await countersAround(sb, () => Promise.all(Array.from({ length: 10 }, () => hp.listTags())));
    expect(seen.requests('auth/refresh')).toBe(1);
    expect(seen.requests('auth/token')).toBe(1);
    for (const tags of seen.result) {
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) tagSchema.parse(tag);
    }
    expect(sessions.at(-1)?.accessToken).not.toBe(first?.accessToken);
  });

  it.each(['http401', 'body200'] as const)(
    'refused credentials are "auth", asked once for concurrent calls and not again (%s)',
    async (invalidToken) => {
      sb = await startSandbox({ faults: { latencyMs: 0, invalidToken } });
      const apiKey = 'wrong-key-0123456789';
      const { hp } = v2Client({ apiKey });
      const seen = await countersAround(sb, () => Promise.allSettled(Array.from({ length: 5 }, () => hp.listGroups())));
      expect(seen.requests('auth/token')).toBe(1);
      expect(seen.requests('FetchAllGroups')).toBe(0);
      for (const outcome of seen.result) {
        expect(outcome.status).toBe('rejected');
        const error = (outcome as PromiseRejectedResult).reason as Error & { code: string };
        expect(error.code).toBe('auth');
        expect(leaksSecret(error.message, [apiKey])).toBeNull();
      }
      const again = await countersAround(sb, () => expectCode(hp.login(), 'auth'));
      expect(again.requests('auth/token')).toBe(0);
    },
  );

  it('signOut revokes: the old tokens are refused by the server afterwards', async () => {
    sb = await startSandbox({ faults: { latencyMs: 0, invalidToken: 'http401' } });
    const { hp, sessions } = v2Client();
    await hp.login();
    const old = sessions.at(-1) as HpV2Tokens;

    const seen = await countersAround(sb, () => hp.signOut());
    expect(seen.requests('auth/revoke')).toBe(1);
    expect(sessions.at(-1)).toBeNull();

    const withOldToken = await fetch(`${sb.v2BaseUrl}/request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${old.accessToken}` },
      body: JSON.stringify({ Method: 'LoginUser' }),
    });
    expect(withOldToken.status).toBe(401);
    expect(await withOldToken.json()).toMatchObject({ response: 'false' });
    const withOldRefresh = await fetch(`${sb.v2BaseUrl}/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: old.refreshToken }),
    });
    expect(withOldRefresh.status).toBe(401);

    // The client itself starts a new session on the next call rather than reusing the old one.
    const after = await countersAround(sb, () => hp.login());
    expect(after.requests('auth/token')).toBe(1);
    expect(after.requests('auth/refresh')).toBe(0);
    expect(sessions.at(-1)?.accessToken).not.toBe(old.accessToken);
  });
});
