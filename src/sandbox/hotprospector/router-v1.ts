import { htmlReply, jsonReply, type HttpReply } from '../http';
import { findMethod } from './catalog';
import { invokeMethod, type MethodRuntime } from './dispatch';
import { LOGIN_FAILURE_TEXTS } from './methods/login';
import { ROUTER_MISSING_METHOD, ROUTER_UNKNOWN_METHOD, phpJsonEncode } from './php';
import { fieldText, type Fields } from './request-fields';

/**
 * POST /glu/custom_api. The controller routes on `Method` before anything else (missing or
 * unknown → PHP print_r text), then each Method authenticates api_uId + api_key from the same
 * body and answers HTTP 200 whatever happened, JSON-encoded the way PHP does by default.
 */

export interface V1Credentials {
  uid: string;
  apiKey: string;
}

/** The name counters and fault matching use for a V1 request. */
export function v1Target(fields: Fields): string {
  return fieldText(fields.Method) || '(no Method)';
}

export function routeV1(fields: Fields, credentials: V1Credentials, rt: MethodRuntime): HttpReply {
  const name = fieldText(fields.Method);
  if (name === '') return htmlReply(ROUTER_MISSING_METHOD);
  const spec = findMethod(name);
  if (!spec) return htmlReply(ROUTER_UNKNOWN_METHOD);
  const variant = rt.variants.pick(spec.name, spec.variants, 'v1');
  if (fieldText(fields.api_uId) !== credentials.uid || fieldText(fields.api_key) !== credentials.apiKey) {
    const style = spec.name === 'LoginUser' ? (variant === 'login' ? 'login' : 'api') : spec.authFailure;
    return jsonReply({ response: 'false', message: LOGIN_FAILURE_TEXTS[style] }, 200, phpJsonEncode);
  }
  return jsonReply(invokeMethod(spec, variant, fields, 'v1', rt).body, 200, phpJsonEncode);
}
