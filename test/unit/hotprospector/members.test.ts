import { describe, expect, it } from 'vitest';
import {
  addMemberUser,
  checkMemberLimit,
  creditDeduct,
  deleteMemberUser,
  editMemberUser,
  fetchCreditCount,
  getMemberUsers,
} from '../../../src/core/providers/hotprospector/methods/members';
import { loginUser } from '../../../src/core/providers/hotprospector/methods/auth';
import { interpretAnswer } from '../../../src/core/providers/hotprospector/methods';
import { contextFor, errorOf, readFixture } from './support/fixtures';
import { SAMPLE_PARAMS } from './support/sampleParams';

describe('login', () => {
  it('reads both docs', () => {
    expect(readFixture(loginUser, 'v1', 'LoginUser.success', {})).toEqual({
      authenticated: true,
      message: 'Successfully Authenticated',
    });
    expect(readFixture(loginUser, 'v1', 'LoginUser.success-quickstart', {})).toEqual({
      authenticated: true,
      message: 'Successfully Authenticated',
    });
    expect(readFixture(loginUser, 'v2', 'LoginUser.success', {})).toEqual({
      authenticated: true,
      message: 'Successfully Authenticated',
    });
  });
});

describe('team members', () => {
  it('reads getMemberUsers', () => {
    const members = readFixture(getMemberUsers, 'v1', 'getMemberUsers.success', {});
    expect(members).toHaveLength(2);
    expect(members[0]).toEqual({
      id: '3232',
      firstName: 'Support',
      lastName: 'Team',
      email: 'abc@hotmail.com',
      status: 'Active',
      timeZone: 'America/Chicago',
      directNumber: '+12345678900',
      inboundPhone: null,
      createdAt: '2025-01-21T23:28:07.000Z',
    });
    expect(readFixture(getMemberUsers, 'v2', 'getMemberUsers.success', {}).map((member) => member.id)).toEqual([
      '3232',
    ]);
  });

  it('reads the member limit with numbers sent as text', () => {
    expect(readFixture(checkMemberLimit, 'v1', 'checkMemberLimit.success', {})).toEqual({
      total: 10,
      active: 8,
      remaining: 2,
    });
    expect(readFixture(checkMemberLimit, 'v2', 'checkMemberLimit.success', {})).toEqual({
      total: 10,
      active: 8,
      remaining: 2,
    });
  });

  it('fails checkMemberLimit without its data object', () => {
    const error = errorOf(() =>
      interpretAnswer(checkMemberLimit, { response: 'true' }, {}, contextFor('checkMemberLimit')),
    );
    expect(error.message).toBe(
      'Hot Prospector answered checkMemberLimit in a shape Callside cannot read: data is not present.',
    );
  });

  it('reads the admin writes', () => {
    const add = SAMPLE_PARAMS.addMemberUser as Parameters<typeof addMemberUser.toWire>[0];
    const edit = SAMPLE_PARAMS.editMemberUser as Parameters<typeof editMemberUser.toWire>[0];
    expect(readFixture(addMemberUser, 'v1', 'addMemberUser.success', add)).toEqual({
      message: 'Team member added successfully.',
    });
    expect(readFixture(editMemberUser, 'v2', 'editMemberUser.success', edit)).toEqual({
      message: 'Member updated successfully.',
    });
    expect(readFixture(deleteMemberUser, 'v1', 'deleteMemberUser.success', { memberId: '434' })).toEqual({
      message: 'Member deleted successfully.',
    });
  });
});

describe('credits', () => {
  it('reads the count sent as text', () => {
    expect(readFixture(fetchCreditCount, 'v1', 'fetchCreditCount.success', {})).toEqual({ credits: 2500 });
    expect(readFixture(fetchCreditCount, 'v2', 'fetchCreditCount.success', {})).toEqual({ credits: 2500 });
  });

  it("reads creditDeduct's confirmation from `credits`", () => {
    expect(readFixture(creditDeduct, 'v1', 'creditDeduct.success', {})).toEqual({
      message: 'credits deduct successfully',
    });
    expect(readFixture(creditDeduct, 'v2', 'creditDeduct.success', {})).toEqual({
      message: 'credits deduct successfully',
    });
  });

  it('fails a credit count that is missing or not a number', () => {
    expect(
      errorOf(() => interpretAnswer(fetchCreditCount, { response: 'true' }, {}, contextFor('fetchCreditCount'))).code,
    ).toBe('malformed');
    expect(
      errorOf(() =>
        interpretAnswer(fetchCreditCount, { response: 'true', credits: 'lots' }, {}, contextFor('fetchCreditCount')),
      ).message,
    ).toContain('credits is not a number');
  });
});
