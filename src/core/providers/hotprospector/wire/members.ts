import type { ReadContext } from './context';
import { malformedAnswer } from './errors';
import { listUnder, type WireRecord } from './record';
import type { HpMember, HpMemberLimit } from '../types';

/**
 * getMemberUsers. `sub_time_zone` is the IANA zone ("America/Chicago"); `main_time_zone` is
 * only its region ("America"), so it is not used.
 */
export function readMembers(answer: WireRecord, ctx: ReadContext): HpMember[] {
  return listUnder(answer, ['data', 'result', 'results', 'Results']).map((row) => ({
    id: row.id(['memberId', 'member_id']),
    firstName: row.text('first_name'),
    lastName: row.text('last_name'),
    email: row.text('email'),
    status: row.text('member_status'),
    timeZone: row.optionalText('sub_time_zone'),
    directNumber: row.optionalText('direct_number') === null ? null : row.phone('direct_number'),
    inboundPhone: row.optionalText('inbound_phone') === null ? null : row.phone('inbound_phone'),
    createdAt: row.dateTime('dated', ctx.timezone),
  }));
}

/** checkMemberLimit: the counts sit in a `data` object. */
export function readMemberLimit(answer: WireRecord): HpMemberLimit {
  const data = answer.child('data');
  if (data === null) throw malformedAnswer(answer.method, 'data is not present');
  return {
    total: data.count('total_user'),
    active: data.count('active_user'),
    remaining: data.count('remaining_user'),
  };
}
