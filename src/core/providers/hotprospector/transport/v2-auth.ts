import { CallsideError } from '../../../../shared/errors';
import { CREDENTIALS_REFUSED, interpretAnswer, quote } from './answer';
import type { Channel } from './channel';
import type { Redact } from '../../http/redact';
import { claimsSuccess, envelopeMessage } from './refusals';
import { type HpV2Tokens, tokensFromWire } from './tokens';
import { endpoint } from './url';

/** The three V2 session endpoints; the token manager decides when to use them. */
export interface HpV2AuthApi {
  /** api_uId + api_key → a new session. Throws 'auth' when the credentials are refused. */
  exchange(): Promise<HpV2Tokens>;
  /** Null when the server refuses the refresh token (expired, revoked); throws on transport trouble. */
  refresh(refreshToken: string): Promise<HpV2Tokens | null>;
  revoke(accessToken: string): Promise<void>;
}

export interface HpV2AuthApiOptions {
  base: URL;
  uid: string;
  apiKey: string;
  channel: Channel;
  redact: Redact;
  now: () => number;
}

function missingTokens(path: string): CallsideError {
  return new CallsideError('malformed', `Hot Prospector's ${path} answer did not contain an access token.`);
}

export function createV2AuthApi(options: HpV2AuthApiOptions): HpV2AuthApi {
  const { channel, redact, now } = options;
  // Not tied to any caller's signal: a refresh is shared by every waiting call.
  const send = (path: string, body: unknown, headers?: Record<string, string>) =>
    channel.send(endpoint(options.base, path), body, { uncapped: true, ...(headers ? { headers } : {}) });

  return {
    async exchange() {
      const answer = await send('auth/token', { api_uId: options.uid, api_key: options.apiKey });
      // 400 is how a server says "these credentials are no good" as often as 401 is.
      if (answer.status === 400) throw new CallsideError('auth', CREDENTIALS_REFUSED);
      const body = interpretAnswer(answer, redact);
      const tokens = tokensFromWire(body, now(), null);
      if (tokens) return tokens;
      if (claimsSuccess(body)) throw missingTokens('sign-in');
      // success:false with a message other than the credentials one: still no session.
      const reason = envelopeMessage(body);
      throw new CallsideError(
        'auth',
        reason ? `Hot Prospector did not open a session: ${quote(reason, redact)}` : CREDENTIALS_REFUSED,
      );
    },

    async refresh(refreshToken) {
      const answer = await send('auth/refresh', { refresh_token: refreshToken });
      if (answer.status >= 400 && answer.status < 500 && answer.status !== 429) return null;
      const body = interpretAnswer(answer, redact);
      return tokensFromWire(body, now(), refreshToken);
    },

    async revoke(accessToken) {
      const answer = await send('auth/revoke', undefined, { authorization: `Bearer ${accessToken}` });
      interpretAnswer(answer, redact);
    },
  };
}
