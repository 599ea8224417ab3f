import { CallsideError } from '../../../../shared/errors';
import { cancelledError, raceAbort } from './abort';
import type { HpV2AuthApi } from './v2-auth';
import { type HpV2Tokens, hpV2TokensSchema, refreshDueAt } from './tokens';

/** Receives every new session, and null when it ends, so the host can persist it encrypted. */
export type OnTokens = (tokens: HpV2Tokens | null) => void | Promise<void>;

export interface TokenManagerOptions {
  auth: HpV2AuthApi;
  /** A session restored by the host; ignored if it does not have the expected shape. */
  initial?: HpV2Tokens | null;
  onTokens?: OnTokens;
  now: () => number;
  refreshMarginMs: number;
}

export interface TokenManager {
  /** A usable access token: signs in if there is none, refreshes if it is about to expire. */
  current(signal?: AbortSignal): Promise<string>;
  /**
   * The server refused `rejected`. Returns a newer token, renewing only if nobody else has
   * already replaced `rejected`: that is what makes 20 failing calls cost one refresh.
   */
  renew(rejected: string, signal?: AbortSignal): Promise<string>;
  /** Ends the session locally; returns what was dropped so it can be revoked. */
  forget(): HpV2Tokens | null;
  /** Tokens this manager has held recently, for scrubbing error messages. */
  secrets(): string[];
}

const REMEMBERED_SECRETS = 8;

export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const { auth, now } = options;
  const restored = hpV2TokensSchema.safeParse(options.initial);
  let tokens: HpV2Tokens | null = restored.success ? restored.data : null;
  let pending: Promise<HpV2Tokens> | null = null;
  // Bumped by forget(): a renewal that started before a sign-out must not revive the session.
  let generation = 0;
  const recent: string[] = [];
  /**
   * Once the server refuses the stored credentials, every later call fails with that answer
   * without asking again: retrying a known-bad key only risks an account lock-out. The host
   * builds a new transport when the person enters new credentials; signOut() also clears it.
   */
  let refused: CallsideError | null = null;

  const remember = (value: HpV2Tokens | null): void => {
    if (!value) return;
    for (const secret of [value.accessToken, value.refreshToken]) {
      if (secret && !recent.includes(secret)) recent.push(secret);
    }
    recent.splice(0, Math.max(0, recent.length - REMEMBERED_SECRETS));
  };
  remember(tokens);

  const publish = (value: HpV2Tokens | null): void => {
    if (!options.onTokens) return;
    try {
      const result = options.onTokens(value);
      // A failing store must not fail the call that happened to renew the session.
      if (result instanceof Promise) result.catch(() => undefined);
    } catch {
      // Same as above, for a synchronous callback.
    }
  };

  const renewal = async (startedIn: number): Promise<HpV2Tokens> => {
    const refreshToken = tokens?.refreshToken ?? null;
    try {
      let next = refreshToken ? await auth.refresh(refreshToken) : null;
      // Refresh token refused (or none): one fresh exchange with the stored credentials.
      if (next === null) next = await auth.exchange();
      // Signed out meanwhile: the waiting calls belong to a session that no longer exists.
      if (startedIn !== generation) throw cancelledError();
      tokens = next;
      remember(next);
      publish(next);
      return next;
    } catch (error) {
      if (error instanceof CallsideError && error.code === 'auth' && startedIn === generation) {
        refused = error;
        // The server will not take these credentials: the stored session is worthless.
        if (tokens !== null) {
          tokens = null;
          publish(null);
        }
      }
      throw error;
    }
  };

  /** Single-flight: everyone who needs a new token while one is being fetched waits for that one. */
  const startRenewal = (): Promise<HpV2Tokens> => {
    if (pending) return pending;
    if (refused) return Promise.reject(refused);
    const run = renewal(generation);
    pending = run;
    const settle = (): void => {
      if (pending === run) pending = null;
    };
    run.then(settle, settle);
    return run;
  };

  return {
    async current(signal) {
      const held = tokens;
      if (held && now() < refreshDueAt(held, options.refreshMarginMs)) return held.accessToken;
      try {
        return (await raceAbort(startRenewal(), signal)).accessToken;
      } catch (error) {
        // An early refresh that hit a network blip is no reason to fail while the token still works.
        const transient = error instanceof CallsideError && error.code !== 'auth' && error.code !== 'cancelled';
        if (transient && held && tokens === held && now() < held.expiresAt) return held.accessToken;
        throw error;
      }
    },

    async renew(rejected, signal) {
      if (tokens && tokens.accessToken !== rejected) return tokens.accessToken;
      return (await raceAbort(startRenewal(), signal)).accessToken;
    },

    forget() {
      const dropped = tokens;
      generation += 1;
      tokens = null;
      pending = null;
      refused = null;
      publish(null);
      return dropped;
    },

    secrets: () => [...recent],
  };
}
