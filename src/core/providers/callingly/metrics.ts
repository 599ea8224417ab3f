import { DateTime } from 'luxon';
import type { AgentMetrics, Dashboard } from '../../../shared/domain';
import type { CallinglyAgent, CallinglyCall } from './types';

/**
 * Figures Callingly's data cannot give (providers.md 3.7): the Dashboard schema has numbers
 * there, so they are 0, and this list tells the UI to hide them.
 */
export const CALLINGLY_UNDERIVED_METRICS = ['loggedInSec', 'prospects', 'appointments', 'sms'] as const;

interface Tally {
  agentId: string;
  agentName: string;
  agentEmail: string;
  inbound: number;
  outbound: number;
  answered: number;
  hangups: number;
  conversations: number;
  talkSec: number;
  dispositions: Map<string, number>;
  first: string | null;
  last: string | null;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

/**
 * One day's figures per agent from that day's calls (the account zone's day), as issue 10 says:
 * inbound/outbound count every call of the agent that day whatever its status; answered =
 * completed with talk time; hangups = completed with none; conversations = disposition
 * "contacted"; talk minutes = Σ seconds / 60. The agent is the call's user/member id, the name
 * `fname lname` from /agents. Every listed agent gets a row; calls with no agent count for no one.
 */
export function deriveDayMetrics(
  date: string,
  calls: readonly CallinglyCall[],
  agents: readonly CallinglyAgent[],
  zone: string,
): Dashboard {
  const tallies = new Map<string, Tally>();
  const tally = (agentId: string, name: string, email: string): Tally => {
    let found = tallies.get(agentId);
    if (!found) {
      found = {
        agentId,
        agentName: name,
        agentEmail: email,
        inbound: 0,
        outbound: 0,
        answered: 0,
        hangups: 0,
        conversations: 0,
        talkSec: 0,
        dispositions: new Map(),
        first: null,
        last: null,
      };
      tallies.set(agentId, found);
    }
    if (found.agentName === '' && name !== '') found.agentName = name;
    if (found.agentEmail === '' && email !== '') found.agentEmail = email;
    return found;
  };
  for (const agent of agents) tally(agent.id, agent.name, '');

  const seen = new Set<string>();
  for (const call of calls) {
    const { activity } = call;
    if (call.agentId === null || seen.has(activity.id)) continue;
    const day = DateTime.fromISO(activity.at, { zone: 'utc' }).setZone(zone).toFormat('yyyy-MM-dd');
    if (day !== date) continue;
    seen.add(activity.id);
    const t = tally(call.agentId, call.agentName ?? '', call.agentEmail ?? '');
    if (activity.direction === 'inbound') t.inbound += 1;
    else if (activity.direction === 'outbound') t.outbound += 1;
    const seconds = activity.durationSec ?? 0;
    if (activity.status === 'completed') {
      if (seconds > 0) t.answered += 1;
      else t.hangups += 1;
    }
    if (call.disposition?.toLowerCase() === 'contacted') t.conversations += 1;
    t.talkSec += seconds;
    if (call.disposition) t.dispositions.set(call.disposition, (t.dispositions.get(call.disposition) ?? 0) + 1);
    if (t.first === null || activity.at < t.first) t.first = activity.at;
    if (t.last === null || activity.at > t.last) t.last = activity.at;
  }

  const rows: AgentMetrics[] = [...tallies.values()].map((t) => {
    const total = t.inbound + t.outbound;
    return {
      agentId: t.agentId,
      agentName: t.agentName,
      agentEmail: t.agentEmail,
      outboundCalls: t.outbound,
      inboundCalls: t.inbound,
      answeredCalls: t.answered,
      hangups: t.hangups,
      answerRate: ratio(t.answered, total),
      conversations: t.conversations,
      conversionRate: ratio(t.conversations, t.answered),
      talkMinutes: Math.round((t.talkSec / 60) * 100) / 100,
      loggedInSec: 0,
      prospects: 0,
      appointments: 0,
      sms: 0,
      dispositions: [...t.dispositions].map(([title, count]) => ({ title, count })),
      firstCall: t.first,
      lastCall: t.last,
    };
  });
  return { date, lastUpdated: null, agents: rows };
}
