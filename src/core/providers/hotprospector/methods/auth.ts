import { defineMethod } from './spec';
import type { HpLoginResult } from '../types';

/** LoginUser: checks the credentials (V1) or the access token (V2). */
export const loginUser = defineMethod<Record<string, never>, HpLoginResult>({
  method: 'LoginUser',
  write: false,
  toWire: () => ({}),
  read: (answer) => ({ authenticated: true, message: answer.text('message') }),
});
