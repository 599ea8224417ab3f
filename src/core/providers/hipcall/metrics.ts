import { DateTime } from 'luxon';
import type { AgentMetrics, Dashboard } from '../../../shared/domain';
import { talkSeconds, type HipcallCdr } from './cdr';
import type { HipcallUser } from './client';

/**
 * What call records cannot tell: Hipcall has no presence, SMS, prospects, appointments or
 * dispositions. The schema holds numbers there, so they are 0 and this list hides them.
 */
export const HIPCALL_UNDERIVED_METRICS = [
  'loggedInSec',
  'prospects',
  'appointments',
  'sms',
  'dispositions',
  'conversionRate',
] as const;

/** An answered call with at least this much talk counts as a conversation. */
export const CONVERSATION_MIN_SEC = 60;

export function dayOf(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat('yyyy-MM-dd');
}

interface Tally {
  inbound: number;
  outbound: number;
  answered: number;
  missed: number;
  conversations: number;
  talkSec: number;
  first: string | null;
  last: string | null;
}

/**
 * One day's figures per Hipcall user (the account zone's day): inbound and outbound count every
 * call of the user that day whatever its status; internal calls count for nothing; answered
 * means someone picked up (bridged_at or answered_at), talk runs from pickup to hang-up, missed
 * is `missing_call` (shown as hang-ups). Every user gets a row; calls with no user count for no one.
 */
export function deriveHipcallDay(
  date: string,
  cdrs: readonly HipcallCdr[],
  users: readonly HipcallUser[],
  zone: string,
): Dashboard {
  const names = new Map(users.map((user) => [user.id, user]));
  const tallies = new Map<string, Tally>();
  const tally = (id: string): Tally => {
    let found = tallies.get(id);
    if (!found) {
      found = {
        inbound: 0,
        outbound: 0,
        answered: 0,
        missed: 0,
        conversations: 0,
        talkSec: 0,
        first: null,
        last: null,
      };
      tallies.set(id, found);
    }
    return found;
  };
  for (const user of users) tally(user.id);
  const seen = new Set<string>();
  for (const cdr of cdrs) {
    if (cdr.agentId === null || seen.has(cdr.uuid)) continue;
    if (cdr.direction !== 'inbound' && cdr.direction !== 'outbound') continue;
    if (dayOf(cdr.startedAt, zone) !== date) continue;
    seen.add(cdr.uuid);
    const t = tally(cdr.agentId);
    if (cdr.direction === 'inbound') t.inbound += 1;
    else t.outbound += 1;
    if (cdr.status.startsWith('missed')) t.missed += 1;
    const talk = talkSeconds(cdr);
    if (cdr.answeredAt !== null) {
      t.answered += 1;
      t.talkSec += talk;
      if (talk >= CONVERSATION_MIN_SEC) t.conversations += 1;
    }
    if (t.first === null || cdr.startedAt < t.first) t.first = cdr.startedAt;
    if (t.last === null || cdr.startedAt > t.last) t.last = cdr.startedAt;
  }
  const agents: AgentMetrics[] = [...tallies].map(([id, t]) => {
    const total = t.inbound + t.outbound;
    return {
      agentId: id,
      agentName: names.get(id)?.name ?? `User ${id}`,
      agentEmail: names.get(id)?.email ?? '',
      outboundCalls: t.outbound,
      inboundCalls: t.inbound,
      answeredCalls: t.answered,
      hangups: t.missed,
      answerRate: total === 0 ? 0 : Math.round((t.answered / total) * 10_000) / 10_000,
      conversations: t.conversations,
      conversionRate: 0,
      talkMinutes: Math.round((t.talkSec / 60) * 100) / 100,
      loggedInSec: 0,
      prospects: 0,
      appointments: 0,
      sms: 0,
      dispositions: [],
      firstCall: t.first,
      lastCall: t.last,
    };
  });
  return { date, lastUpdated: null, agents };
}
