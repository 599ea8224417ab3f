import type { SbMember } from '../types';
import { formatSqlTime } from '../time';
import { MISSING_PARAMETER, applied, fail, ok, type MethodContext, type MethodSpec } from './method';

/** Team members and the account's credit balance (the docs file credits under Members). */

/** Not in the docs, which only state the rule; worded after it. */
export const WEAK_PASSWORD_MESSAGE = 'Password must be minimum 8 characters, at least 1 uppercase and 1 lowercase';
export const MEMBER_LIMIT_MESSAGE = 'Member limit reached';

function strongPassword(password: string): boolean {
  return password.length >= 8 && /[A-Z]/.test(password) && /[a-z]/.test(password);
}

function emailTaken(ctx: MethodContext, email: string, except?: SbMember): boolean {
  const wanted = email.toLowerCase();
  return ctx.state.data.members.some((m) => m !== except && m.email.toLowerCase() === wanted);
}

const addMemberUser: MethodSpec = {
  name: 'addMemberUser',
  write: true,
  authFailure: 'api',
  variants: ['v1'],
  handle: (ctx) => {
    const { params, state, now } = ctx;
    const [firstName, lastName, email, inboundPhone, password] = [
      'first_name',
      'last_name',
      'email',
      'inbound_phone',
      'password',
    ].map((k) => params.str(k));
    if (!firstName || !lastName || !email || !inboundPhone || !password) return fail(MISSING_PARAMETER);
    if (!strongPassword(password)) return fail(WEAK_PASSWORD_MESSAGE);
    if (emailTaken(ctx, email)) return fail('Email already exists');
    if (state.activeMemberCount() >= state.data.memberLimit) return fail(MEMBER_LIMIT_MESSAGE);
    state.addMember({ firstName, lastName, email, inboundPhone }, now);
    return applied({ response: 'true', message: 'Team member added successfully.' });
  },
};

const editMemberUser: MethodSpec = {
  name: 'editMemberUser',
  write: true,
  authFailure: 'api',
  variants: ['v1'],
  handle: (ctx) => {
    const { params, state } = ctx;
    const id = params.id('memberId');
    const member = id === null ? undefined : state.member(id);
    if (!member) return fail('Invalid memberId');
    const [firstName, lastName, email] = ['first_name', 'last_name', 'email'].map((k) => params.str(k));
    if (!firstName || !lastName || !email) return fail(MISSING_PARAMETER);
    const status = params.str('member_status');
    if (status !== '' && status !== 'Active' && status !== 'Inactive') return fail(MISSING_PARAMETER);
    const password = params.str('password');
    if (password !== '' && !strongPassword(password)) return fail(WEAK_PASSWORD_MESSAGE);
    if (emailTaken(ctx, email, member)) return fail('Email already exists');
    member.firstName = firstName;
    member.lastName = lastName;
    member.email = email;
    if (params.has('inbound_phone')) member.inboundPhone = params.str('inbound_phone');
    if (status === 'Active' || status === 'Inactive') member.status = status;
    return applied({ response: 'true', message: 'Member updated successfully.' });
  },
};

const getMemberUsers: MethodSpec = {
  name: 'getMemberUsers',
  write: false,
  authFailure: 'api',
  variants: ['v1'],
  handle: ({ state, zone }) => {
    const members = state.data.members;
    if (members.length === 0) return fail('No members found');
    return ok({
      response: 'true',
      data: members.map((m) => ({
        memberId: String(m.id),
        first_name: m.firstName,
        last_name: m.lastName,
        email: m.email,
        title: '',
        company: '',
        country: 'USA',
        state: '',
        city: '',
        zip: '',
        street_address: '',
        industry: '',
        main_time_zone: m.timeZone.split('/')[0] ?? '',
        sub_time_zone: m.timeZone,
        inbound_phone: m.inboundPhone,
        direct_number: m.directNumber,
        direct_call_recording: 'false',
        outbound_call_recording: 'No',
        outbound_phone: '',
        inbound_call_option: '1',
        inbound_call_option_label: 'Ring Browser',
        phone_extension: '',
        member_status: m.status,
        dated: formatSqlTime(m.createdAt, zone),
      })),
    });
  },
};

const checkMemberLimit: MethodSpec = {
  name: 'checkMemberLimit',
  write: false,
  authFailure: 'api',
  variants: ['v1'],
  handle: ({ state }) => {
    const total = state.data.memberLimit;
    const active = state.activeMemberCount();
    return ok({
      response: 'true',
      message: 'record',
      data: {
        total_user: String(total),
        active_user: String(active),
        remaining_user: String(Math.max(0, total - active)),
      },
    });
  },
};

const deleteMemberUser: MethodSpec = {
  name: 'deleteMemberUser',
  write: true,
  authFailure: 'api',
  variants: ['v1'],
  handle: ({ params, state }) => {
    const id = params.id('memberId');
    if (id === null || !state.deleteMember(id)) return fail('Invalid memberId');
    return applied({ response: 'true', message: 'Member deleted successfully.' });
  },
};

const fetchCreditCount: MethodSpec = {
  name: 'fetchCreditCount',
  write: false,
  authFailure: 'api',
  variants: ['v1'],
  handle: ({ state }) => ok({ response: 'true', credits: String(state.credits) }),
};

const creditDeduct: MethodSpec = {
  name: 'creditDeduct',
  write: true,
  authFailure: 'api',
  variants: ['v1'],
  handle: ({ state }) => {
    // The docs take no amount: one call, one credit.
    if (state.credits <= 0) return fail('Insufficient credits');
    state.credits -= 1;
    // Yes, the success text arrives in the `credits` field.
    return applied({ response: 'true', credits: 'credits deduct successfully' });
  },
};

export const MEMBER_METHODS = [
  addMemberUser,
  editMemberUser,
  getMemberUsers,
  checkMemberLimit,
  deleteMemberUser,
  fetchCreditCount,
  creditDeduct,
];
