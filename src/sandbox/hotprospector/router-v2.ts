import { htmlReply, jsonReply, type HttpReply } from '../http';
import { findMethod } from './catalog';
import { invokeMethod, type MethodRuntime } from './dispatch';
import type { FaultInjector } from './faults';
import { ROUTER_MISSING_METHOD, ROUTER_UNKNOWN_METHOD, nginxErrorPage } from './php';
import { fieldText, type Fields } from './request-fields';
import type { V1Credentials } from './router-v1';
import type { TokenStore } from './tokens';

/**
 * /glu/api/v2/*: a token exchange in front of the same Method router. Auth endpoints answer
 * {success, message, data}; /request answers exactly like V1 (minus PHP's escaping). A bad or
 * expired token gets HTTP 401 or HTTP 200 with a "false" body, as the fault settings say.
 */

export const V2_PREFIX = '/glu/api/v2';

export interface V2Runtime extends MethodRuntime {
  tokens: TokenStore;
  faults: FaultInjector;
  credentials: V1Credentials;
}

/** The endpoint name used for counters and fault matching: 'auth/token', or the Method for /request. */
export function v2Target(path: string, fields: Fields): string {
  const endpoint = path.slice(V2_PREFIX.length + 1);
  if (endpoint !== 'request') return endpoint;
  return fieldText(fields.Method) || '(no Method)';
}

function bearer(authorization: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? '';
}

function failure(rt: V2Runtime, body: Record<string, unknown>): HttpReply {
  const status = rt.faults.tokenFailureStatus();
  const reply = jsonReply(body, status);
  if (status === 401) reply.headers['www-authenticate'] = 'Bearer error="invalid_token"';
  return reply;
}

function tokenAnswer(
  message: string,
  pair: { accessToken: string; refreshToken: string; expiresIn: number },
): HttpReply {
  return jsonReply({
    success: true,
    message,
    data: {
      access_token: pair.accessToken,
      refresh_token: pair.refreshToken,
      expires_in: pair.expiresIn,
      token_type: 'Bearer',
    },
  });
}

export function routeV2(path: string, fields: Fields, authorization: string | undefined, rt: V2Runtime): HttpReply {
  const endpoint = path.slice(V2_PREFIX.length + 1);
  const { tokens, faults, credentials } = rt;
  switch (endpoint) {
    case 'auth/token': {
      const uid = fieldText(fields.api_uId);
      if (uid !== credentials.uid || fieldText(fields.api_key) !== credentials.apiKey) {
        return failure(rt, { success: false, message: 'Invalid api_uId or api_key.' });
      }
      return tokenAnswer(
        'Token generated successfully.',
        tokens.issue(uid, faults.accessTtlSec(), faults.refreshTtlSec()),
      );
    }
    case 'auth/refresh': {
      const pair = tokens.rotate(fieldText(fields.refresh_token), faults.accessTtlSec(), faults.refreshTtlSec());
      if (!pair)
        return failure(rt, { success: false, message: 'Refresh token is invalid, expired, or already revoked.' });
      return tokenAnswer('Token refreshed successfully.', pair);
    }
    case 'auth/revoke': {
      const account = tokens.accountOfAny(bearer(authorization));
      if (!account) return failure(rt, { success: false, message: 'A valid Bearer token is required to revoke.' });
      tokens.revokeAll(account);
      return jsonReply({ success: true, message: 'All tokens for this account have been revoked.' });
    }
    case 'request':
      return request(fields, authorization, rt);
    default:
      return htmlReply(nginxErrorPage(404), 404);
  }
}

function request(fields: Fields, authorization: string | undefined, rt: V2Runtime): HttpReply {
  const name = fieldText(fields.Method);
  if (!rt.tokens.accountOfAccess(bearer(authorization))) {
    // The V2 doc shows AddTag and AddGroup answering a bad token with the shorter text.
    const message = name === 'AddTag' || name === 'AddGroup' ? 'Invalid token' : 'Invalid or expired token';
    return failure(rt, { response: 'false', message });
  }
  if (name === '') return htmlReply(ROUTER_MISSING_METHOD);
  const spec = findMethod(name);
  if (!spec) return htmlReply(ROUTER_UNKNOWN_METHOD);
  const variant = rt.variants.pick(spec.name, spec.variants, 'v2');
  return jsonReply(invokeMethod(spec, variant, fields, 'v2', rt).body);
}
