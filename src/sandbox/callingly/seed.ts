import { createRng, deriveSeed, type Rng } from '../random';
import {
  AGENT_LINES,
  AGENTS,
  AREA_CODES,
  CATEGORIES,
  COMPANY,
  FIRST_NAMES,
  LAST_NAMES,
  LEAD_COMPANIES,
  LEAD_LINES,
  PAID_SOURCES,
  SOURCES,
  STAGES,
  TAGS,
  TEAMS,
} from './seed-corpus';
import { localClock, localMidnight, midnightDaysBefore } from './time';
import type { ClAgent, ClCall, ClDataset, ClLead, ClOutcome, ClScheduleDay, ClTag, ClTeam } from './types';

/**
 * The Callingly demo account, generated from a seed: same options, same account. Leads arrive
 * over the last two years (more of them recently), each called within a minute or two of
 * arriving, retried on the team's schedule, sometimes followed up days later or calling back.
 * Today (the account-zone day containing `now`) is busy: new leads since the morning plus
 * follow-ups on recent ones, so every agent's derived daily figures have something in them.
 * Nothing happens after `now`.
 */

export interface CallinglyDatasetOptions {
  seed?: number;
  /** Leads in the account (at least the three fixtures). */
  leads?: number;
  now?: Date | number;
  /** The account's zone: every zone-less time on the wire is its wall clock. */
  timezone?: string;
  /** The account the data belongs to. */
  accountId?: number;
}

export const CALLINGLY_DEFAULTS = {
  seed: 1,
  leads: 300,
  timezone: 'America/Phoenix',
  accountId: 4821,
  historyDays: 730,
} as const;

export const FIRST_TEAM_ID = 311;
export const FIRST_AGENT_ID = 5101;
export const FIRST_LEAD_ID = 48_201;
export const FIRST_CALL_ID = 1_290_001;

export const SCRIPT_LEAD_NAME = { fname: 'Test', lname: '<script>alert("lead")</script>' } as const;
export const NON_ASCII_LEAD_NAME = { fname: 'Zoë', lname: 'Brontë-Núñez' } as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Ctx {
  rng: Rng;
  now: number;
  zone: string;
  teams: ClTeam[];
  agents: ClAgent[];
  calls: ClCall[];
}

export function generateCallinglyDataset(options: CallinglyDatasetOptions = {}): ClDataset {
  const seed = options.seed ?? CALLINGLY_DEFAULTS.seed;
  const zone = options.timezone ?? CALLINGLY_DEFAULTS.timezone;
  const nowOption = options.now ?? Date.now();
  const now = typeof nowOption === 'number' ? nowOption : nowOption.getTime();
  const leadCount = Math.max(3, Math.floor(options.leads ?? CALLINGLY_DEFAULTS.leads));
  const rng = createRng(deriveSeed(seed, 'callingly-dataset'));

  const agents = makeAgents(now, zone);
  const teams = makeTeams(agents);
  const tags: ClTag[] = TAGS.map((name, i) => ({ id: 71 + i, name }));
  const ctx: Ctx = { rng, now, zone, teams, agents, calls: [] };

  const leads: ClLead[] = [];
  const today = localMidnight(now, zone);
  // Today's window: from 07:00 when the morning has started, else from midnight.
  const todayFrom = now - today >= 8 * HOUR ? today + 7 * HOUR : today;
  const todayCount = Math.min(leadCount - 3, Math.max(6, Math.round(leadCount * 0.05)));

  // Fixtures: an agent's self-test when the account was set up, a junk web form, a new lead.
  const selfTestAgent = agents[1] as ClAgent;
  const selfTest = makeLead(ctx, midnightDaysBefore(now, CALLINGLY_DEFAULTS.historyDays, zone) + 10 * HOUR, 0);
  Object.assign(selfTest, {
    fname: 'Test',
    lname: 'Lead',
    email: `devin@${COMPANY.domain}`,
    phone: selfTestAgent.phone,
    source: 'Dashboard',
    category: null,
    company: COMPANY.name,
    tagIds: [],
  });
  const script = makeLead(ctx, midnightDaysBefore(now, 40, zone) + 14 * HOUR + 12 * MINUTE, 1);
  Object.assign(script, { ...SCRIPT_LEAD_NAME, email: 'test@test.test', source: 'Website', company: null });
  const nonAscii = makeLead(ctx, midnightDaysBefore(now, 3, zone) + 9 * HOUR + 41 * MINUTE, 2);
  Object.assign(nonAscii, { ...NON_ASCII_LEAD_NAME, email: 'zoe.bronte@example.com' });
  leads.push(selfTest, script, nonAscii);

  for (let i = 3; i < leadCount; i++) {
    const isToday = i < 3 + todayCount;
    const at = isToday
      ? todayFrom + Math.floor(rng.next() * Math.max(1, now - todayFrom))
      : leadArrival(ctx, 1 + Math.floor((CALLINGLY_DEFAULTS.historyDays - 1) * rng.next() ** 1.8));
    leads.push(makeLead(ctx, Math.min(at, now), i));
  }

  // Ids ascend with creation time, as auto-increment ids do.
  leads.sort((a, b) => a.createdAt - b.createdAt);
  leads.forEach((lead, i) => (lead.id = FIRST_LEAD_ID + i));

  for (const lead of leads) {
    if (lead === selfTest) {
      addCall(ctx, lead, lead.createdAt + 40_000, 'outbound', 'contacted', 'Dashboard', 0, 0, selfTestAgent.id);
    } else {
      leadCalls(ctx, lead, todayFrom);
    }
  }
  // Follow-ups today on leads from the last six weeks.
  const recent = leads.filter((l) => l.createdAt < today && l.createdAt > now - 42 * DAY && l !== selfTest);
  const followUps = Math.min(recent.length, Math.max(4, Math.round(leadCount * 0.06)));
  for (let i = 0; i < followUps; i++) {
    const lead = recent[Math.floor(rng.next() * recent.length)] as ClLead;
    if (ctx.calls.filter((c) => c.leadId === lead.id).length >= 6) continue;
    const at = todayFrom + Math.floor(rng.next() * Math.max(1, now - todayFrom));
    followUp(ctx, lead, at);
  }

  ctx.calls.sort((a, b) => a.at - b.at);
  ctx.calls.forEach((call, i) => (call.id = FIRST_CALL_ID + i));
  for (const lead of leads) settleLead(ctx, lead);

  const selfTestCall = ctx.calls.find((c) => c.leadId === selfTest.id) as ClCall;
  return {
    seed,
    now,
    timeZone: zone,
    accountId: options.accountId ?? CALLINGLY_DEFAULTS.accountId,
    teams,
    agents,
    tags,
    leads,
    calls: ctx.calls,
    fixtures: {
      scriptLeadId: script.id,
      nonAsciiLeadId: nonAscii.id,
      selfTestLeadId: selfTest.id,
      selfTestAgentId: selfTestAgent.id,
      selfTestCallId: selfTestCall.id,
      dndAgentId: (agents[5] as ClAgent).id,
    },
  };
}

function makeAgents(now: number, zone: string): ClAgent[] {
  return AGENTS.map((a, i) => {
    const schedule = weekSchedule();
    if (i === 6) {
      // Kendra is off today whatever the day: her schedule has today unavailable.
      const today = localClock(now, a.timezone).weekday;
      const day = schedule[today] as ClScheduleDay;
      day.isAvailable = false;
    }
    return {
      id: FIRST_AGENT_ID + i,
      fname: a.fname,
      lname: a.lname,
      email: `${a.fname.toLowerCase()}@${COMPANY.domain}`,
      // 555-01xx: fictional numbers, never a lead's (leads never use the 555 exchange).
      phone: `+1602555${String(110 + i * 7).padStart(4, '0')}`,
      ext: a.ext,
      priority: i < 3 ? 1 : 2,
      timezone: a.timezone,
      // Omar is on do-not-disturb for the next three hours.
      donotdisturb: i === 5,
      donotdisturbUntil:
        i === 5 ? localMidnight(now, zone) + Math.ceil((now - localMidnight(now, zone)) / HOUR + 3) * HOUR : null,
      schedule,
    };
  });
}

function weekSchedule(): ClScheduleDay[] {
  return WEEKDAYS.map((label, day) => {
    if (day === 0) return { label, day, isAvailable: false, times: [{ start: 'allday', end: '20:00:00' }] };
    if (day === 6) return { label, day, isAvailable: true, times: [{ start: 'allday', end: '20:00:00' }] };
    if (day === 2)
      return {
        label,
        day,
        isAvailable: true,
        times: [
          { start: '06:00:00', end: '12:00:00' },
          { start: '12:00:00', end: '23:45:00' },
        ],
      };
    return { label, day, isAvailable: true, times: [{ start: '06:00:00', end: '20:00:00' }] };
  });
}

function makeTeams(agents: ClAgent[]): ClTeam[] {
  return TEAMS.map((t, i) => ({
    id: FIRST_TEAM_ID + i,
    name: t.name,
    isRecord: true,
    callMode: t.callMode,
    whispertext: 'Please press 1 to connect to {first_name} {last_name} from {company} {category}',
    postWhispertext:
      'Your call has been completed. Press 1 if you were able to reach the lead. Press 2 if you left a voicemail. Press 3 otherwise to reschedule the call.',
    language: 'en',
    delay: i === 2 ? 30 : 0,
    retrySchedule: [15, 60, 120],
    leadRetrySchedule: i === 2 ? [60, 240] : [15, 60, 120],
    isSms: i === 1,
    smsBody:
      i === 1 ? 'Hi {first_name}, this is Summit Roofing & Solar. We just tried to call you about your request.' : '',
    members: t.members.map((m, p) => ({
      agentId: (agents[m] as ClAgent).id,
      priority: p < 2 ? 1 : 2,
      cap: m === 4 ? 1000 : null,
    })),
  }));
}

/** A working-hours instant `daysAgo` local days before now. */
function leadArrival(ctx: Ctx, daysAgo: number): number {
  const midnight = midnightDaysBefore(ctx.now, daysAgo, ctx.zone);
  // Mostly 07:00-21:00, a few overnight form fills.
  const minutes = ctx.rng.chance(0.9) ? 7 * 60 + ctx.rng.int(0, 14 * 60) : ctx.rng.int(0, 24 * 60 - 1);
  return midnight + minutes * MINUTE + ctx.rng.int(0, 59) * 1000;
}

function uniquePhone(index: number, rng: Rng): string {
  const x = ((index % 7_990_000) * 7_368_787 + 104_729) % 7_990_000;
  const raw = 200 + Math.floor(x / 10_000);
  const exchange = raw >= 555 ? raw + 1 : raw;
  return `+1${rng.pick(AREA_CODES)}${exchange}${String(x % 10_000).padStart(4, '0')}`;
}

function makeLead(ctx: Ctx, createdAt: number, index: number): ClLead {
  const { rng } = ctx;
  const fname = rng.pick(FIRST_NAMES);
  const lname = rng.pick(LAST_NAMES);
  const source = SOURCES[rng.weighted(SOURCES.map((s) => s[1]))]?.[0] ?? 'Webhook';
  const team = ctx.teams[PAID_SOURCES.has(source) ? 1 : 0] as ClTeam;
  const slug = (text: string): string =>
    text
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
  const tagIds: number[] = [];
  if (rng.chance(0.45)) {
    const count = rng.int(1, 2);
    for (let t = 0; t < count; t++) {
      const id = 71 + rng.int(0, TAGS.length - 1);
      if (!tagIds.includes(id)) tagIds.push(id);
    }
  }
  return {
    id: 0,
    fname,
    lname,
    email: rng.chance(0.9) ? `${slug(fname)}.${slug(lname)}${rng.int(1, 99)}@example.com` : null,
    phone: uniquePhone(index, rng),
    source,
    sourceId: source === 'HubSpot' ? String(rng.int(1_000_000, 9_999_999)) : null,
    createdAt,
    company: rng.chance(0.15) ? rng.pick(LEAD_COMPANIES) : null,
    category: rng.pick(CATEGORIES),
    status: 'new',
    result: null,
    teamId: team.id,
    tagIds,
    stage: null,
    scheduledCallAt: null,
    ownerId: null,
    deleted: false,
  };
}

function pickAgent(ctx: Ctx, teamId: number): number {
  const team = ctx.teams.find((t) => t.id === teamId) ?? (ctx.teams[0] as ClTeam);
  const index = ctx.rng.weighted(team.members.map((m) => (m.priority === 1 ? 3 : 2)));
  return (team.members[index] ?? team.members[0])?.agentId ?? FIRST_AGENT_ID;
}

const RECORDED: ReadonlySet<ClOutcome> = new Set(['contacted', 'voicemail', 'inbound-answered', 'inbound-voicemail']);

function addCall(
  ctx: Ctx,
  lead: ClLead,
  at: number,
  direction: 'inbound' | 'outbound',
  outcome: ClOutcome,
  source: string | null,
  retry: number,
  leadRetry: number,
  agentId?: number,
  teamId = lead.teamId,
): ClCall | null {
  if (at > ctx.now) return null;
  const { rng } = ctx;
  const seconds =
    outcome === 'contacted' || outcome === 'inbound-answered'
      ? rng.int(35, rng.chance(0.2) ? 1500 : 480)
      : outcome === 'voicemail'
        ? rng.int(14, 42)
        : outcome === 'inbound-voicemail'
          ? rng.int(12, 75)
          : 0;
  const agent = agentId ?? pickAgent(ctx, teamId);
  const team = ctx.teams.find((t) => t.id === teamId);
  const recorded = RECORDED.has(outcome) && seconds > 0 && (team?.isRecord ?? true);
  const call: ClCall = {
    id: 0,
    leadId: lead.id,
    agentId: agent,
    teamId,
    at,
    direction,
    outcome,
    seconds,
    source,
    retry,
    leadRetry,
    recording: recorded ? hex(rng, 7) : null,
    transcript:
      recorded && (outcome === 'contacted' || outcome === 'inbound-answered') && seconds >= 40 && rng.chance(0.6)
        ? transcript(ctx, lead, agent, seconds)
        : null,
  };
  ctx.calls.push(call);
  return call;
}

function hex(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += '0123456789abcdef'[rng.int(0, 15)];
  return out;
}

function transcript(ctx: Ctx, lead: ClLead, agentId: number, seconds: number): string {
  const agent = ctx.agents.find((a) => a.id === agentId);
  const turns = Math.max(2, Math.min(AGENT_LINES.length * 2, Math.floor(seconds / 25) + ctx.rng.int(0, 2)));
  const fill = (line: string): string =>
    line
      .replace('{agent}', agent?.fname ?? 'Summit')
      .replace('{lead}', lead.fname)
      .replace('{category}', (lead.category ?? 'a new roof').toLowerCase());
  const lines: string[] = [];
  for (let i = 0; i < turns; i++) {
    const pool = i % 2 === 0 ? AGENT_LINES : LEAD_LINES;
    lines.push(`Speaker ${i % 2 === 0 ? 'A' : 'B'}: ${fill(pool[Math.floor(i / 2)] ?? pool[pool.length - 1] ?? '')}`);
  }
  return lines.join('\n');
}

const OUTBOUND: ReadonlyArray<ClOutcome> = ['contacted', 'voicemail', 'no-answer', 'missed'];
const OUTBOUND_WEIGHTS = [44, 18, 18, 20];
const INBOUND: ReadonlyArray<ClOutcome> = ['inbound-answered', 'inbound-missed', 'inbound-voicemail'];
const INBOUND_WEIGHTS = [60, 22, 18];

/** The speed-to-lead sequence: a call within two minutes, then the team's retries until someone talks. */
function leadCalls(ctx: Ctx, lead: ClLead, todayFrom: number): void {
  const { rng } = ctx;
  const afterHours = localClock(lead.createdAt, ctx.zone).minutes;
  const overnight = afterHours < 7 * 60 || afterHours >= 21 * 60;
  // A few leads never get a call: bad numbers, or overnight arrivals still waiting for the morning.
  if (rng.chance(0.04) || (overnight && lead.createdAt > ctx.now - 12 * HOUR)) return;
  const team = ctx.teams.find((t) => t.id === lead.teamId) as ClTeam;
  let at = lead.createdAt + (team.delay + rng.int(8, 110)) * 1000;
  let retry = 0;
  let leadRetry = 0;
  let source: string | null = ['Webhook', 'Zapier', 'HubSpot'].includes(lead.source) ? lead.source : 'Webhook';
  for (let n = 0; n < 4; n++) {
    const outcome = OUTBOUND[rng.weighted(OUTBOUND_WEIGHTS)] as ClOutcome;
    const call = addCall(ctx, lead, at, 'outbound', outcome, source, retry, leadRetry);
    if (!call || outcome === 'contacted') break;
    if (outcome === 'missed') retry++;
    else leadRetry++;
    const schedule = outcome === 'missed' ? team.retrySchedule : team.leadRetrySchedule;
    const wait = schedule[Math.min(retry + leadRetry - 1, schedule.length - 1)] ?? 60;
    at = call.at + call.seconds * 1000 + wait * MINUTE + rng.int(0, 90) * 1000;
    source = null;
  }
  // Later: a follow-up from the dashboard or the app, or the lead calling back.
  if (lead.createdAt < todayFrom - 2 * DAY && rng.chance(0.35)) {
    const count = rng.int(1, 2);
    for (let i = 0; i < count; i++) {
      const at2 = lead.createdAt + rng.int(1, 30) * DAY + rng.int(-3, 3) * HOUR;
      if (at2 < todayFrom) followUp(ctx, lead, at2);
    }
  }
}

function followUp(ctx: Ctx, lead: ClLead, at: number): void {
  const { rng } = ctx;
  const callbacks = (ctx.teams[2] as ClTeam).id;
  if (rng.chance(0.35)) {
    addCall(
      ctx,
      lead,
      at,
      'inbound',
      INBOUND[rng.weighted(INBOUND_WEIGHTS)] as ClOutcome,
      null,
      0,
      0,
      undefined,
      lead.teamId,
    );
  } else {
    const outcome = OUTBOUND[rng.weighted(OUTBOUND_WEIGHTS)] as ClOutcome;
    addCall(ctx, lead, at, 'outbound', outcome, rng.chance(0.6) ? 'Dashboard' : 'App', 0, 0, undefined, callbacks);
  }
}

/** Status, owner, result, stage and callback time from the lead's calls. */
function settleLead(ctx: Ctx, lead: ClLead): void {
  const { rng } = ctx;
  const calls = ctx.calls.filter((c) => c.leadId === lead.id);
  const last = calls[calls.length - 1];
  const talked = calls.find((c) => c.outcome === 'contacted' || c.outcome === 'inbound-answered');
  lead.ownerId = talked?.agentId ?? null;
  if (!last) {
    const waiting = lead.createdAt > ctx.now - 12 * HOUR;
    lead.status = waiting ? 'scheduled' : 'new';
    if (waiting) {
      const morning =
        localMidnight(ctx.now, ctx.zone) + (ctx.now - localMidnight(ctx.now, ctx.zone) < 8 * HOUR ? 0 : DAY);
      lead.scheduledCallAt = morning + 8 * HOUR + rng.int(0, 6) * 5 * MINUTE;
    }
    return;
  }
  const o = last.outcome;
  lead.status =
    o === 'contacted' || o === 'inbound-answered'
      ? 'contacted'
      : o === 'voicemail' || o === 'inbound-voicemail'
        ? 'voicemail'
        : 'missed';
  lead.result = talked ? 'contacted' : lead.status === 'voicemail' ? 'voicemail' : null;
  lead.stage = talked ? rng.pick(STAGES) : null;
  if (lead.status !== 'contacted' && rng.chance(0.5)) {
    lead.scheduledCallAt =
      localMidnight(last.at, ctx.zone) + rng.int(1, 10) * DAY + (9 * 60 + rng.int(0, 8 * 12) * 5) * MINUTE;
  }
}
