import { ok, type MethodSpec } from './method';

/**
 * LoginUser only confirms the credentials (V1) or token (V2) the router already checked; its
 * variants pick which of the two documented credential-failure texts the router sends.
 */

export const LOGIN_FAILURE_TEXTS = {
  api: 'Invalid (api_uId or api_key)',
  login: 'Invalid (login email or password)/(api_uId or api_key)',
} as const;

const LoginUser: MethodSpec = {
  name: 'LoginUser',
  write: false,
  authFailure: 'api',
  // The section example says "Invalid (api_uId or api_key)"; the Errors table says the
  // LoginUser path answers with the "login email or password" text.
  variants: ['api', 'login'],
  handle: () => ok({ response: 'true', message: 'Successfully Authenticated' }),
};

export const LOGIN_METHODS = [LoginUser];
