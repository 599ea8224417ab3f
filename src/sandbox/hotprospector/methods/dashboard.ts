import { agentDayStats, type AgentDayStats } from '../metrics';
import { endOfLocalDay, formatClock, formatLastUpdated, localYmd, startOfLocalDay } from '../time';
import type { HotProspectorState } from '../state';
import { fail, ok, type MethodContext, type MethodSpec } from './method';

/**
 * The agent dashboards. Same figures, two spellings: getMemberDashboardData (and the V2 doc's
 * campaign variant) print "08h :15m :32s", "44 %", "320.000000"; the V1 doc's campaign example
 * prints "05h 10m 30s", "38%", "02m 50s", a number for answered_calls and dispositions as a list.
 */

const UNAVAILABLE = 'Unable to fetch dashboard data';
const TODAY_MESSAGE = 'Today`s Member Dashboard Data';

const pad = (n: number): string => String(Math.floor(n)).padStart(2, '0');
const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** "08h :15m :32s" */
function hoursColon(sec: number): string {
  return `${pad(sec / 3600)}h :${pad((sec % 3600) / 60)}m :${pad(sec % 60)}s`;
}

/** "05h 10m 30s" */
function hoursSpaced(sec: number): string {
  return `${pad(sec / 3600)}h ${pad((sec % 3600) / 60)}m ${pad(sec % 60)}s`;
}

/** "45m :12s" (minutes keep counting past the hour) */
function minutesColon(sec: number): string {
  return `${pad(sec / 60)}m :${pad(sec % 60)}s`;
}

/** "02m 50s" */
function minutesSpaced(sec: number): string {
  return `${pad(sec / 60)}m ${pad(sec % 60)}s`;
}

/** "01:02" as mm:ss */
function clockMinutes(sec: number): string {
  return `${pad(sec / 60)}:${pad(sec % 60)}`;
}

interface Derived {
  averageGapSec: number;
  aod: number;
  aid: number;
  talkMin: number;
  avgMin: number;
  ansPerHour: number;
  answerRate: number;
  cr: number;
  abr: number;
}

function derive(s: AgentDayStats): Derived {
  const calls = s.inbound + s.outbound;
  return {
    averageGapSec: Math.round(ratio(s.gapSec, Math.max(1, calls - 1))),
    aod: ratio(s.outboundTalkSec, s.outboundAnswered),
    aid: ratio(s.inboundTalkSec, s.inboundAnswered),
    talkMin: Math.round(s.talkSec / 60),
    avgMin: Math.round(ratio(s.talkSec / 60, s.answered)),
    ansPerHour: Math.round(ratio(s.answered, s.loggedInSec / 3600)),
    answerRate: Math.round(ratio(s.answered, calls) * 100),
    cr: ratio(s.conversations, s.answered) * 100,
    abr: ratio(s.appointments, s.conversations) * 100,
  };
}

function clock(ms: number | null, zone: string): string {
  return ms === null ? '' : formatClock(ms, zone);
}

/** The getMemberDashboardData row (also the V2 doc's campaign row, without dispositions). */
function colonRow(s: AgentDayStats, zone: string): Record<string, unknown> {
  const d = derive(s);
  return {
    agentId: String(s.member.id),
    agentName: `${s.member.firstName} ${s.member.lastName}`,
    agentEmail: s.member.email,
    hours: hoursColon(s.loggedInSec),
    firstCall: clock(s.firstCall, zone),
    lastCall: clock(s.lastCall, zone),
    gapTime: minutesColon(s.gapSec),
    acg: clockMinutes(d.averageGapSec),
    outboundCall: String(s.outbound),
    inboundCall: String(s.inbound),
    hangups: String(s.hangups),
    AOD: d.aod.toFixed(6),
    AID: d.aid.toFixed(6),
    talkMin: String(d.talkMin),
    avgMin: `${d.avgMin} m`,
    answered_calls: String(s.answered),
    ansPerHour: d.ansPerHour,
    answer_rate: `${d.answerRate} %`,
    convos: String(s.conversations),
    cr: `${d.cr.toFixed(2)} %`,
    Prospects: String(s.prospects),
    ProspectsWeekly: String(s.prospectsWeek),
    Appts: String(s.appointments),
    ApptsWeekly: String(s.appointmentsWeek),
    ABR: d.abr.toFixed(2),
    SMS: String(s.sms),
  };
}

function dispositionTitle(state: HotProspectorState, id: number): string {
  return state.data.dispositions.find((x) => x.id === id)?.title ?? `Status ${id}`;
}

/** The V1 doc's campaign row: spaced durations, bare percents, dispositions as a list. */
function spacedCampaignRow(s: AgentDayStats, state: HotProspectorState, zone: string): Record<string, unknown> {
  const d = derive(s);
  return {
    agentId: String(s.member.id),
    agentName: `${s.member.firstName} ${s.member.lastName}`,
    agentEmail: s.member.email,
    outboundCall: String(s.outbound),
    AOD: minutesSpaced(Math.round(d.aod)),
    inboundCall: String(s.inbound),
    AID: minutesSpaced(Math.round(d.aid)),
    firstCall: clock(s.firstCall, zone),
    lastCall: clock(s.lastCall, zone),
    gapTime: hoursSpaced(s.gapSec),
    hours: hoursSpaced(s.loggedInSec),
    answered_calls: s.answered,
    hangups: String(s.hangups),
    talkMin: `${d.talkMin} m`,
    avgMin: `${d.avgMin} m`,
    ansPerHour: d.ansPerHour,
    answer_rate: `${d.answerRate}%`,
    convos: String(s.conversations),
    cr: `${d.cr.toFixed(2)}%`,
    Prospects: String(s.prospects),
    ProspectsWeekly: String(s.prospectsWeek),
    Appts: String(s.appointments),
    ApptsWeekly: String(s.appointmentsWeek),
    ABR: d.abr.toFixed(2),
    dispositionStatus: [...s.dispositions].map(([id, count]) => ({
      DispoTitle: dispositionTitle(state, id),
      DispoCount: String(count),
    })),
    SMS: String(s.sms),
    acg: `${clockMinutes(d.averageGapSec)} m`,
  };
}

/** The requested day (default today), refused when it is not a date or lies in the future. */
function dayOf(ctx: MethodContext): { date: string; start: number; end: number } | null {
  const today = localYmd(ctx.now, ctx.zone);
  const date = ctx.params.str('date') || today;
  const start = startOfLocalDay(date, ctx.zone);
  const end = endOfLocalDay(date, ctx.zone);
  if (start === null || end === null || date > today) return null;
  return { date, start, end };
}

const getMemberDashboardData: MethodSpec = {
  name: 'getMemberDashboardData',
  write: false,
  authFailure: 'api',
  // v1: "12:00 PM (PST)"; v2: "12:46 pm (PST)".
  variants: ['v1', 'v2'],
  handle: (ctx) => {
    const day = dayOf(ctx);
    if (!day) return fail(UNAVAILABLE);
    const stats = agentDayStats(ctx.state, day.start, day.end, null);
    return ok({
      response: 'true',
      date: day.date,
      last_updated: formatLastUpdated(ctx.now, ctx.zone, ctx.variant !== 'v2'),
      message: TODAY_MESSAGE,
      results: stats.map((s) => colonRow(s, ctx.zone)),
    });
  },
};

const getDashboardMemberDatabyCampaign: MethodSpec = {
  name: 'getDashboardMemberDatabyCampaign',
  write: false,
  authFailure: 'api',
  variants: ['v1', 'v2'],
  handle: (ctx) => {
    const { params, state, zone, variant } = ctx;
    const day = dayOf(ctx);
    let campaignId: number | null = null;
    if (params.has('campaign_id')) {
      campaignId = params.id('campaign_id');
      if (campaignId === null || !state.data.campaigns.some((c) => c.id === campaignId)) return fail(UNAVAILABLE);
    }
    if (!day) return fail(UNAVAILABLE);
    const stats = agentDayStats(state, day.start, day.end, campaignId);
    if (variant === 'v2') {
      return ok({
        response: 'true',
        date: day.date,
        last_updated: formatLastUpdated(ctx.now, zone, false),
        message: TODAY_MESSAGE,
        results: stats.map((s) => ({
          ...colonRow(s, zone),
          dispositionStatus: Object.fromEntries(
            [...s.dispositions].map(([id, count]) => [dispositionTitle(state, id), String(count)]),
          ),
        })),
      });
    }
    return ok({
      response: 'true',
      date: day.date,
      results: stats.map((s) => spacedCampaignRow(s, state, zone)),
      message: "Campaign based Member's Dashboard Data",
    });
  },
};

export const DASHBOARD_METHODS = [getMemberDashboardData, getDashboardMemberDatabyCampaign];
