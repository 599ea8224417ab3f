import { CallsideError } from '../../../../shared/errors';
import { interpretAnswer } from './answer';
import { beforeSending, runCall } from './call-runner';
import { createChannel } from './channel';
import type { HttpAnswer } from './http';
import { type HpNetworkPolicyOptions, resolvePolicy } from './policy';
import { createRedactor } from '../../http/redact';
import { decodeBody, type DecodedBody } from './decode';
import { isTokenRefusal } from './refusals';
import { createTokenManager, type OnTokens } from './token-manager';
import type { HpV2Tokens } from './tokens';
import type { HpCallOptions, HpTransport } from './types';
import { checkBaseUrl, DEFAULT_V2_BASE_URL, endpoint } from './url';
import { createV2AuthApi } from './v2-auth';

export interface HpV2TransportOptions extends HpNetworkPolicyOptions {
  /** Default https://service.hookscall.com/glu/api/v2; `/auth/*` and `/request` are appended. */
  baseUrl?: string;
  uid: string;
  apiKey: string;
  /** A session the host stored earlier; saves a sign-in at start-up. */
  tokens?: HpV2Tokens | null;
  /** Called with each new session and with null when it ends; the host persists it encrypted. */
  onTokens?: OnTokens;
  /** How long before expiry to refresh (capped at a tenth of the token's lifetime). Default 5 min. */
  refreshMarginMs?: number;
  /** Injectable clock for token expiry. */
  now?: () => number;
}

export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** 401, or the HTTP 200 envelopes saying "Invalid or expired token" / "Invalid token". */
function tokenRejected(status: number, body: DecodedBody): boolean {
  if (status === 401) return true;
  return status >= 200 && status < 300 && body.kind === 'json' && isTokenRefusal(body.value);
}

const TOKEN_REFUSED_AGAIN =
  'Hot Prospector refused the session token even after signing in again. Check the account in the settings.';

/**
 * V2: a Bearer session in front of the same Method router. A refused token is renewed once
 * (shared by all concurrent callers) and the call replayed once; the server did not act on a
 * call it refused to authenticate, so replaying a write is safe.
 */
export function createV2Transport(options: HpV2TransportOptions): HpTransport {
  const policy = resolvePolicy(options);
  const base = checkBaseUrl(options.baseUrl ?? DEFAULT_V2_BASE_URL, policy.allowInsecureHttp);
  const requestUrl = endpoint(base, 'request');
  const channel = createChannel(policy);
  const now = options.now ?? Date.now;

  // Declared before the manager exists; the redactor only reads it when an error is built.
  let secrets: () => string[] = () => [];
  const redact = createRedactor(() => [options.apiKey, ...secrets()]);
  const auth = createV2AuthApi({ base, uid: options.uid, apiKey: options.apiKey, channel, redact, now });
  const session = createTokenManager({
    auth,
    ...(options.tokens !== undefined ? { initial: options.tokens } : {}),
    ...(options.onTokens ? { onTokens: options.onTokens } : {}),
    now,
    refreshMarginMs: options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS,
  });
  secrets = session.secrets;

  const send = (token: string, body: unknown, callOptions: HpCallOptions): Promise<HttpAnswer> =>
    channel.send(requestUrl, body, {
      headers: { authorization: `Bearer ${token}` },
      ...(callOptions.signal ? { signal: callOptions.signal } : {}),
      ...(callOptions.timeoutMs !== undefined ? { timeoutMs: callOptions.timeoutMs } : {}),
    });

  return {
    api: 'v2',
    redact,
    call(method, params, callOptions) {
      const body = { ...params, Method: method };
      // Per call, not per attempt: a read retried after a 5xx must not renew the session again.
      let renewed = false;
      return runCall(
        async () => {
          let token = await beforeSending(session.current(callOptions.signal));
          let answer = await send(token, body, callOptions);
          let decoded = decodeBody(answer.text, answer.contentType);
          if (tokenRejected(answer.status, decoded)) {
            // The server did not act on a call it refused to authenticate.
            if (renewed) throw new CallsideError('auth', TOKEN_REFUSED_AGAIN);
            renewed = true;
            token = await beforeSending(session.renew(token, callOptions.signal));
            answer = await send(token, body, callOptions);
            decoded = decodeBody(answer.text, answer.contentType);
            if (tokenRejected(answer.status, decoded)) throw new CallsideError('auth', TOKEN_REFUSED_AGAIN);
          }
          return interpretAnswer(answer, redact, decoded);
        },
        callOptions,
        policy,
        redact,
      );
    },

    async signOut() {
      const dropped = session.forget();
      if (!dropped) return;
      try {
        await auth.revoke(dropped.accessToken);
      } catch {
        // Best effort: the tokens are already forgotten here and expire on their own; a sign-out
        // must not be blocked by an unreachable server.
      }
    },
  };
}
