import { malformedAnswer } from '../wire/errors';
import { readMemberLimit, readMembers } from '../wire/members';
import { defineMethod, emptyWhenNotFound } from './spec';
import { compact, requireText } from './wireBody';
import type { HpCredits, HpDone, HpMember, HpMemberLimit } from '../types';

/**
 * Team-member administration. The password is sent as given and never appears in an error:
 * errors are built from the Method name and the server's sentence only.
 */
export interface AddMemberParams {
  firstName: string;
  lastName: string;
  email: string;
  inboundPhone: string;
  /** At least 8 characters with an upper- and a lower-case letter (checked by the server). */
  password: string;
}

export const addMemberUser = defineMethod<AddMemberParams, HpDone>({
  method: 'addMemberUser',
  write: true,
  toWire: (p) => ({
    first_name: p.firstName,
    last_name: p.lastName,
    email: requireText('addMemberUser', 'email', p.email),
    inbound_phone: p.inboundPhone,
    password: requireText('addMemberUser', 'password', p.password),
  }),
  read: (answer) => ({ message: answer.text('message') }),
});

export interface EditMemberParams {
  memberId: string;
  firstName: string;
  lastName: string;
  email: string;
  inboundPhone?: string;
  status?: 'Active' | 'Inactive';
  password?: string;
}

export const editMemberUser = defineMethod<EditMemberParams, HpDone>({
  method: 'editMemberUser',
  write: true,
  toWire: (p) =>
    compact({
      memberId: requireText('editMemberUser', 'memberId', p.memberId),
      first_name: p.firstName,
      last_name: p.lastName,
      email: p.email,
      inbound_phone: p.inboundPhone,
      member_status: p.status,
      password: p.password,
    }),
  read: (answer) => ({ message: answer.text('message') }),
});

export const getMemberUsers = defineMethod<Record<string, never>, HpMember[]>({
  method: 'getMemberUsers',
  write: false,
  toWire: () => ({}),
  read: (answer, _p, ctx) => readMembers(answer, ctx),
  whenRejected: emptyWhenNotFound(() => []),
});

export const checkMemberLimit = defineMethod<Record<string, never>, HpMemberLimit>({
  method: 'checkMemberLimit',
  write: false,
  toWire: () => ({}),
  read: (answer) => readMemberLimit(answer),
});

export interface MemberIdParams {
  memberId: string;
}

export const deleteMemberUser = defineMethod<MemberIdParams, HpDone>({
  method: 'deleteMemberUser',
  write: true,
  toWire: (p) => ({ memberId: requireText('deleteMemberUser', 'memberId', p.memberId) }),
  read: (answer) => ({ message: answer.text('message') }),
});

export const fetchCreditCount = defineMethod<Record<string, never>, HpCredits>({
  method: 'fetchCreditCount',
  write: false,
  toWire: () => ({}),
  read: (answer) => {
    const credits = answer.number('credits');
    if (credits === null) throw malformedAnswer('fetchCreditCount', 'credits is not present');
    return { credits };
  },
});

export interface DeductCreditParams {
  description?: string;
}

/** The confirmation sentence comes in `credits` ("credits deduct successfully"), not in `message`. */
export const creditDeduct = defineMethod<DeductCreditParams, HpDone>({
  method: 'creditDeduct',
  write: true,
  toWire: (p) => compact({ description: p.description }),
  read: (answer) => ({ message: answer.optionalText('credits') ?? answer.text('message') }),
});
