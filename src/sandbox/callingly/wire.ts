import type { CallinglyState } from './state';
import { durationText, scheduledFormatted, sqlTime, timeFormatted } from './time';
import type { ClAgent, ClCall, ClClient, ClLead, ClOutcome, ClTeam } from './types';
import type { VariantSite } from './variants';

/**
 * Rows as Callingly's API prints them, key order as in the doc. `pick` chooses the variant of a
 * site (see variants.ts); everything else is fixed: zone-less times on the account's wall clock,
 * `seconds` and `duration` side by side, `""` next to `null`.
 */

export type Pick = (site: VariantSite) => string;

export interface WireContext {
  state: CallinglyState;
  pick: Pick;
  now: number;
  zone: string;
  accountId: number;
}

/** The company's outbound caller id. */
export const COMPANY_NUMBER = '+16025550100';

export function formatPhone(e164: string): string {
  const d = e164.replace(/\D+/g, '');
  const n = d.length === 11 && d.startsWith('1') ? d.slice(1) : d;
  return n.length === 10 ? `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}` : e164;
}

/** A 0/1 field of the doc under the picked boolean spelling. */
function flagInt(value: boolean, spelling: string): number | boolean {
  return spelling === 'bool' ? value : value ? 1 : 0;
}

/** A true/false field of the doc under the picked boolean spelling. */
function flagBool(value: boolean, spelling: string): number | boolean {
  return spelling === 'int' ? (value ? 1 : 0) : value;
}

export function recordingUrl(call: ClCall): string | null {
  return call.recording ? `https://recordings.example.com/callingly/${call.recording}.mp3` : null;
}

function waveformUrl(call: ClCall): string | null {
  return call.recording ? `https://recordings.example.com/callingly/waveforms/${call.recording}.png` : null;
}

export function agentName(agent: ClAgent | undefined): string {
  return agent ? `${agent.fname} ${agent.lname}` : '';
}

export function envelope(list: unknown[], spelling: string): unknown {
  if (spelling === 'bare') return list;
  if (spelling === 'agents') return { agents: list };
  return { data: list };
}

export function agentItem(w: WireContext, agent: ClAgent, spelling: string): Record<string, unknown> {
  return {
    id: agent.id,
    account_id: w.accountId,
    fname: agent.fname,
    lname: agent.lname,
    phone_number: agent.phone,
    ext: agent.ext,
    donotdisturb: flagInt(w.state.dndActive(agent, w.now), spelling),
    priority: agent.priority,
    timezone: agent.timezone,
    is_available: flagBool(w.state.available(agent, w.now), spelling),
  };
}

export function scheduleItems(agent: ClAgent): unknown[] {
  return agent.schedule.map((d) => ({ label: d.label, day: d.day, is_available: d.isAvailable, times: d.times }));
}

export function teamItem(w: WireContext, team: ClTeam): Record<string, unknown> {
  return { id: team.id, account_id: w.accountId, name: team.name };
}

export function teamDetail(w: WireContext, team: ClTeam, spelling: string): Record<string, unknown> {
  return {
    id: team.id,
    account_id: w.accountId,
    name: team.name,
    is_record: flagInt(team.isRecord, spelling),
    call_mode: team.callMode,
    whispertext: team.whispertext,
    post_whispertext: team.postWhispertext,
    language: team.language,
    delay: team.delay,
    is_retry: flagInt(true, spelling),
    retries: team.retrySchedule.length,
    retry_schedule: team.retrySchedule,
    is_reschedule: flagInt(true, spelling),
    is_retry_lead: flagInt(true, spelling),
    lead_retries: team.leadRetrySchedule.length,
    lead_retry_schedule: team.leadRetrySchedule,
    is_sms: flagInt(team.isSms, spelling),
    sms_body: team.smsBody,
  };
}

export function teamAgents(w: WireContext, team: ClTeam): unknown[] {
  return team.members.map((m) => ({
    id: m.agentId,
    name: agentName(w.state.agentById.get(m.agentId)),
    priority: m.priority,
    cap: m.cap,
  }));
}

export function clientItem(c: ClClient): Record<string, unknown> {
  return { id: c.id, name: c.name, email: c.email, billed_users: c.billedUsers, billed_numbers: c.billedNumbers };
}

interface CallWords {
  status: string;
  statusFormatted: string;
  leadStatus: string | null;
  leadStatusFormatted: string | null;
  ringStatus: string;
  humanResult: string | null;
  voicemail: boolean;
}

const WORDS: Record<ClOutcome, CallWords> = {
  contacted: w('completed', 'Completed', 'contacted', 'completed', 'contacted'),
  voicemail: { ...w('completed', 'Completed', 'voicemail', 'completed', 'voicemail'), voicemail: true },
  'no-answer': w('no-answer', 'No Answer', null, 'completed', 'reschedule'),
  missed: w('missed', 'Missed', null, 'no-answer', null),
  'inbound-answered': w('completed', 'Completed', 'contacted', 'completed', 'contacted'),
  'inbound-missed': w('missed', 'Missed', null, 'no-answer', null),
  'inbound-voicemail': { ...w('missed', 'Missed', 'voicemail', 'no-answer', null), voicemail: true },
};

function w(
  status: string,
  statusFormatted: string,
  leadStatus: string | null,
  ringStatus: string,
  humanResult: string | null,
): CallWords {
  const cap = leadStatus === null ? null : leadStatus[0]?.toUpperCase() + leadStatus.slice(1);
  return {
    status,
    statusFormatted,
    leadStatus,
    leadStatusFormatted: cap,
    ringStatus,
    humanResult,
    voicemail: false,
  };
}

export function callWords(call: ClCall): CallWords {
  return WORDS[call.outcome];
}

/** A lead as GET /leads/{id} prints it; the list adds `calls` and `lead_owner`. */
export function leadDetail(w: WireContext, lead: ClLead): Record<string, unknown> {
  const team = w.state.teamById.get(lead.teamId);
  const tagSpelling = w.pick('lead.tags');
  const tags = lead.tagIds.map((id) => {
    const tag = w.state.data.tags.find((t) => t.id === id);
    return tagSpelling === 'objects' ? { id, name: tag?.name ?? '' } : (tag?.name ?? '');
  });
  return {
    id: lead.id,
    account_id: w.accountId,
    lead_owner_id: lead.ownerId,
    fname: lead.fname,
    lname: lead.lname,
    email: lead.email,
    phone_number: lead.phone,
    source: lead.source,
    source_id: lead.sourceId,
    created_at: sqlTime(lead.createdAt, w.zone),
    company: lead.company,
    category: lead.category,
    status: lead.status,
    result: lead.result,
    team: team ? { id: team.id, name: team.name } : [],
    tags,
    stage: lead.stage,
    scheduled_call_at: lead.scheduledCallAt === null ? null : scheduledFormatted(lead.scheduledCallAt, w.zone),
  };
}

export function leadItem(w: WireContext, lead: ClLead): Record<string, unknown> {
  const { scheduled_call_at: scheduled, ...head } = leadDetail(w, lead);
  const calls = (w.state.callsByLead.get(lead.id) ?? []).map((call) => ({
    id: call.id,
    source: call.source,
    seconds: call.seconds,
    direction: call.direction,
    status: w.pick('lead.calls.status') === 'null' ? null : callWords(call).status,
    result: callWords(call).humanResult,
    agent_retry: call.retry,
    lead_retry: call.leadRetry,
    started_at: sqlTime(call.at, w.zone),
    recording_url: recordingUrl(call),
  }));
  const owner = lead.ownerId === null ? undefined : w.state.agentById.get(lead.ownerId);
  const leadOwner = owner
    ? { name: agentName(owner), phone_number: owner.phone, custom_id: null }
    : w.pick('lead.owner') === 'empty'
      ? []
      : null;
  return { ...head, calls, scheduled_call_at: scheduled, lead_owner: leadOwner };
}

/** A row of GET /calls: no numbers, and member/lead/profile `[]` or objects. */
export function callRow(w: WireContext, call: ClCall): Record<string, unknown> {
  const words = callWords(call);
  const objects = w.pick('calls.relations') === 'objects';
  const agent = w.state.agentById.get(call.agentId);
  const lead = w.state.leadById.get(call.leadId);
  const team = w.state.teamById.get(call.teamId);
  return {
    id: call.id,
    started_at: sqlTime(call.at, w.zone),
    direction: call.direction,
    status: words.status,
    lead_status: words.leadStatus,
    seconds: call.seconds,
    duration: durationText(call.seconds),
    retry: call.retry,
    lead_retry: call.leadRetry,
    time_formatted: timeFormatted(call.at, w.zone),
    source: call.source,
    member: objects && agent ? { id: agent.id, name: agentName(agent), fname: agent.fname, lname: agent.lname } : [],
    lead:
      objects && lead ? { id: lead.id, name: `${lead.fname} ${lead.lname}`, fname: lead.fname, lname: lead.lname } : [],
    profile: objects && team ? { id: team.id, name: team.name } : [],
    recording_url: recordingUrl(call),
  };
}

/** GET /calls/{id}: the rich detail with the agent (`user`), the lead, the team (`profile`). */
export function callDetail(w: WireContext, call: ClCall, spelling: string): Record<string, unknown> {
  const words = callWords(call);
  const agent = w.state.agentById.get(call.agentId);
  const lead = w.state.leadById.get(call.leadId);
  const team = w.state.teamById.get(call.teamId);
  const leadPhone = lead?.phone ?? '';
  return {
    id: call.id,
    started_at: sqlTime(call.at, w.zone),
    direction: call.direction,
    status: words.status,
    status_formatted: words.statusFormatted,
    lead_status: words.leadStatus,
    lead_status_formatted: words.leadStatusFormatted,
    ring_status: words.ringStatus,
    seconds: call.seconds,
    duration: durationText(call.seconds),
    retry: call.retry,
    lead_retry: call.leadRetry,
    time_formatted: timeFormatted(call.at, w.zone),
    from_formatted: formatPhone(call.direction === 'inbound' ? leadPhone : COMPANY_NUMBER),
    source: call.source,
    recording_url: recordingUrl(call),
    waveform_url: waveformUrl(call),
    error_message: null,
    phone_number_formatted: formatPhone(leadPhone),
    human_result: words.humanResult,
    user: agent
      ? {
          id: agent.id,
          name: agentName(agent),
          fname: agent.fname,
          lname: agent.lname,
          email: agent.email,
          phone_number: agent.phone,
        }
      : [],
    lead: lead
      ? {
          id: lead.id,
          name: `${lead.fname} ${lead.lname}`,
          label: `${lead.fname} ${lead.lname}`,
          fname: lead.fname,
          lname: lead.lname,
          email: lead.email,
          phone_number: lead.phone,
          phone_number_formatted: formatPhone(lead.phone),
          source: lead.source,
          crm: null,
          source_id: lead.sourceId,
          deleted_at: lead.deleted ? sqlTime(w.now, w.zone) : null,
        }
      : [],
    number: null,
    tag: null,
    notes: [],
    profile: team ? { id: team.id, name: team.name } : [],
    is_voicemail: flagInt(words.voicemail, spelling),
    is_queue: flagInt(false, spelling),
    is_team_offline: flagInt(false, spelling),
    scheduled_call_type: null,
    old_lead_owner_id: null,
    transcript: call.transcript,
    sales_advice: null,
    is_error: flagInt(false, spelling),
    error_code: '',
  };
}

/**
 * The doc's calls-list sample is a JavaScript object literal, not JSON: unquoted keys and a
 * trailing comma after the last property. Opt-in only (pin `calls.encoding` to `js-literal`).
 */
export function jsLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[ ${value.map(jsLiteral).join(', ')} ]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const keyOf = (k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
    return `{ ${entries.map(([k, v]) => `${keyOf(k)}: ${jsLiteral(v)}, `).join('')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
