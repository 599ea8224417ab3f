import { sliceByTime } from './date-filter';
import type { HotProspectorState } from './state';
import type { SbCall, SbMember } from './types';

/**
 * Per-agent daily figures behind the two dashboard Methods, computed from the same call and
 * SMS rows the logs serve, so the tray's numbers and the history never contradict each other.
 */

export interface AgentDayStats {
  member: SbMember;
  outbound: number;
  inbound: number;
  answered: number;
  hangups: number;
  talkSec: number;
  outboundTalkSec: number;
  outboundAnswered: number;
  inboundTalkSec: number;
  inboundAnswered: number;
  /** Answered calls of a minute or more. */
  conversations: number;
  prospects: number;
  appointments: number;
  prospectsWeek: number;
  appointmentsWeek: number;
  sms: number;
  firstCall: number | null;
  lastCall: number | null;
  /** From the first call's start to the last call's end, in seconds. */
  loggedInSec: number;
  /** Logged-in time not spent talking, in seconds. */
  gapSec: number;
  dispositions: Map<number, number>;
}

const DAY_MS = 86_400_000;
const CONVERSATION_SEC = 60;

function emptyStats(member: SbMember): AgentDayStats {
  return {
    member,
    outbound: 0,
    inbound: 0,
    answered: 0,
    hangups: 0,
    talkSec: 0,
    outboundTalkSec: 0,
    outboundAnswered: 0,
    inboundTalkSec: 0,
    inboundAnswered: 0,
    conversations: 0,
    prospects: 0,
    appointments: 0,
    prospectsWeek: 0,
    appointmentsWeek: 0,
    sms: 0,
    firstCall: null,
    lastCall: null,
    loggedInSec: 0,
    gapSec: 0,
    dispositions: new Map(),
  };
}

export function agentDayStats(
  state: HotProspectorState,
  dayStart: number,
  dayEnd: number,
  campaignId: number | null,
): AgentDayStats[] {
  const ids = state.data.dispositions;
  const prospectId = ids.find((d) => d.title === 'Hot Lead')?.id ?? -1;
  const appointmentId = ids.find((d) => d.title === 'Appointment Set')?.id ?? -1;
  const byMember = new Map<number, AgentDayStats>();
  for (const m of state.data.members) if (m.status === 'Active') byMember.set(m.id, emptyStats(m));
  const statsOf = (memberId: number): AgentDayStats | undefined => {
    let stats = byMember.get(memberId);
    const member = stats ? undefined : state.member(memberId);
    if (!stats && member) byMember.set(memberId, (stats = emptyStats(member)));
    return stats;
  };
  const inCampaign = (c: SbCall): boolean => campaignId === null || c.campaignId === campaignId;

  const lastEnd = new Map<number, number>();
  for (const call of sliceByTime(state.data.calls, { from: dayStart, to: dayEnd })) {
    if (!inCampaign(call)) continue;
    const s = statsOf(call.memberId);
    if (!s) continue;
    const answered = call.status === 'completed';
    if (call.inbound) s.inbound++;
    else s.outbound++;
    if (answered) {
      s.answered++;
      s.talkSec += call.durationSec;
      if (call.inbound) {
        s.inboundTalkSec += call.durationSec;
        s.inboundAnswered++;
      } else {
        s.outboundTalkSec += call.durationSec;
        s.outboundAnswered++;
      }
      if (call.durationSec >= CONVERSATION_SEC) s.conversations++;
    } else if (!call.inbound) {
      s.hangups++;
    }
    if (call.statusId === prospectId) s.prospects++;
    if (call.statusId === appointmentId) s.appointments++;
    if (call.statusId) s.dispositions.set(call.statusId, (s.dispositions.get(call.statusId) ?? 0) + 1);
    s.firstCall ??= call.at;
    s.lastCall = call.at;
    lastEnd.set(s.member.id, call.at + call.durationSec * 1000);
  }
  for (const s of byMember.values()) {
    const end = lastEnd.get(s.member.id);
    if (s.firstCall !== null && end !== undefined) {
      s.loggedInSec = Math.round((end - s.firstCall) / 1000);
      s.gapSec = Math.max(0, s.loggedInSec - s.talkSec);
    }
  }

  for (const call of sliceByTime(state.data.calls, { from: dayEnd - 7 * DAY_MS, to: dayEnd })) {
    if (!inCampaign(call)) continue;
    const s = byMember.get(call.memberId);
    if (!s) continue;
    if (call.statusId === prospectId) s.prospectsWeek++;
    if (call.statusId === appointmentId) s.appointmentsWeek++;
  }
  for (const sms of sliceByTime(state.data.sms, { from: dayStart, to: dayEnd })) {
    if (sms.status === 'Received') continue;
    const s = byMember.get(sms.memberId);
    if (s) s.sms++;
  }
  return [...byMember.values()];
}
