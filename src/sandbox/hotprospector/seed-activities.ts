import { NOTE_TEXTS, SMS_INBOUND, SMS_OUTBOUND } from './seed-corpus';
import type { SeedContext } from './seed-context';
import type { FixtureLead } from './seed-fixtures';
import type { CallStatus, SbCall, SbLead, SbMember, SbNote, SbRvm, SbSms } from './types';

/**
 * Calls, SMS, ringless voicemails and notes over the window. Rows are created unsorted with
 * id 0; the caller sorts by time and numbers them. Each row costs a handful of random draws
 * and no string formatting beyond an SMS body, which keeps 500k rows at about a second.
 */

const MINUTE = 60_000;

// Calls cluster in business hours: a lookup table turns one uniform draw into an hour.
const HOUR_WEIGHTS = [0, 0, 0, 0, 0, 0, 1, 3, 8, 11, 12, 11, 9, 10, 11, 11, 10, 8, 5, 3, 2, 1, 0, 0];
const HOUR_TABLE = buildHourTable();

function buildHourTable(): Uint8Array {
  const table = new Uint8Array(1000);
  const total = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
  let slot = 0;
  let cumulative = 0;
  HOUR_WEIGHTS.forEach((weight, hour) => {
    cumulative += weight;
    for (const end = Math.round((cumulative / total) * 1000); slot < end; slot++) table[slot] = hour;
  });
  return table;
}

const OUTBOUND_STATUSES: CallStatus[] = ['completed', 'no-answer', 'busy', 'failed', 'voicemail'];
const OUTBOUND_STATUS_WEIGHTS = [55, 25, 8, 5, 7];

/** A time in the window, shaped like a working day in the account's zone, never after now. */
function randomTime(ctx: SeedContext): number {
  const { rng, midnights, now } = ctx;
  const day = Math.floor(rng.next() * ctx.days);
  const hour = HOUR_TABLE[Math.floor(rng.next() * 1000)] ?? 12;
  const at = (midnights[day] ?? now) + (hour * 3600 + Math.floor(rng.next() * 3600)) * 1000;
  return at <= now ? at : now - Math.floor(rng.next() * 3_600_000) - 1000;
}

function pickDisposition(ctx: SeedContext, status: CallStatus): number {
  const d = ctx.dispositionIds;
  if (status === 'no-answer' || status === 'voicemail') return ctx.rng.chance(0.5) ? d.noAnswer : 0;
  if (status !== 'completed') return 0;
  const roll = ctx.rng.next();
  if (roll < 0.15) return d.hotLead;
  if (roll < 0.35) return d.notInterested;
  if (roll < 0.55) return d.callBack;
  if (roll < 0.65) return d.appointment;
  if (roll < 0.7) return d.wrongNumber;
  return 0;
}

/** A call; `forcedSeconds` (fixtures) fixes the outcome: answered for that long, or unanswered at 0. */
function makeCall(ctx: SeedContext, lead: SbLead, at: number, inbound: boolean, forcedSeconds?: number): SbCall {
  const { rng } = ctx;
  let status: CallStatus;
  let durationSec: number;
  if (forcedSeconds !== undefined) {
    status = forcedSeconds > 0 ? 'completed' : inbound ? 'missed' : 'no-answer';
    durationSec = forcedSeconds;
  } else {
    status = inbound
      ? rng.chance(0.85)
        ? 'completed'
        : 'missed'
      : (OUTBOUND_STATUSES[rng.weighted(OUTBOUND_STATUS_WEIGHTS)] as CallStatus);
    durationSec =
      status === 'completed'
        ? Math.min(3600, 8 + Math.floor(-Math.log(1 - rng.next()) * 160))
        : status === 'voicemail'
          ? rng.int(18, 40)
          : 0;
  }
  const completed = status === 'completed';
  const hasTranscript = completed && durationSec >= 30 && (forcedSeconds !== undefined || rng.chance(0.4));
  return {
    id: 0,
    leadId: lead.id,
    at,
    inbound,
    durationSec,
    status,
    memberId: rng.pick(ctx.activeMembers).id,
    campaignId: !inbound && rng.chance(0.7) ? rng.pick(ctx.campaigns).id : 0,
    statusId: pickDisposition(ctx, status),
    transfer: completed && rng.chance(0.08),
    groupId: lead.groupIds[0] ?? 0,
    accountNumber: rng.pick(ctx.numbers).number,
    hasRecording: completed && rng.chance(0.8),
    hasTranscript,
    flagged: hasTranscript && rng.chance(0.1),
    speedToLeadSec: inbound ? rng.int(5, 600) : rng.int(30, 7200),
  };
}

/** An SMS; fixtures pass their own body and are never "Failed". */
function makeSms(ctx: SeedContext, lead: SbLead, at: number, inbound: boolean, body?: string): SbSms {
  const { rng } = ctx;
  const member = rng.pick(ctx.activeMembers);
  const failed = body === undefined && !inbound && rng.chance(0.06);
  return {
    id: 0,
    leadId: lead.id,
    at,
    status: inbound ? 'Received' : failed ? 'Failed' : 'Sent',
    body:
      body ??
      rng
        .pick(inbound ? SMS_INBOUND : SMS_OUTBOUND)
        .replace('{name}', lead.firstName)
        .replace('{agent}', member.firstName),
    memberId: member.id,
    groupId: lead.groupIds[0] ?? 0,
    accountNumber: rng.pick(ctx.numbers).number,
  };
}

export function fixtureActivities(
  ctx: SeedContext,
  lead: SbLead,
  f: FixtureLead,
  calls: SbCall[],
  sms: SbSms[],
  notes: SbNote[],
): void {
  for (const [minutes, direction, seconds] of f.calls) {
    calls.push(makeCall(ctx, lead, ctx.now - minutes * MINUTE, direction === 'inbound', seconds));
  }
  for (const [minutes, direction, body] of f.sms) {
    sms.push(makeSms(ctx, lead, ctx.now - minutes * MINUTE, direction === 'inbound', body));
  }
  for (const [minutes, type, text] of f.notes) {
    notes.push({
      id: 0,
      leadId: lead.id,
      text,
      type,
      addedBy: (ctx.activeMembers[0] as SbMember).id,
      at: ctx.now - minutes * MINUTE,
    });
  }
}

export function randomActivities(
  ctx: SeedContext,
  leads: SbLead[],
  total: number,
  calls: SbCall[],
  sms: SbSms[],
  rvm: SbRvm[],
): void {
  const { rng } = ctx;
  const callable: SbLead[] = leads.filter((l) => l.dial !== null);
  if (callable.length === 0) return;
  const remaining = Math.max(0, total - calls.length - sms.length - rvm.length);
  // Rows are created in time order, so the caller's sort only merges in the few fixture rows
  // (TimSort on presorted runs is linear) instead of comparison-sorting 500k objects.
  const times = new Float64Array(remaining);
  for (let i = 0; i < remaining; i++) times[i] = randomTime(ctx);
  times.sort();
  for (let i = 0; i < remaining; i++) {
    // A few leads get much more traffic than most, as in any real pipeline.
    const lead = callable[Math.floor(callable.length * Math.pow(rng.next(), 1.25))] as SbLead;
    const at = times[i] as number;
    const roll = rng.next();
    if (roll < 0.5) {
      calls.push(makeCall(ctx, lead, at, rng.chance(0.3)));
    } else if (roll < 0.85) {
      sms.push(makeSms(ctx, lead, at, rng.chance(0.35)));
    } else {
      rvm.push({
        id: 0,
        leadId: lead.id,
        at,
        durationSec: rng.int(15, 45),
        groupId: lead.groupIds[0] ?? 0,
        accountNumber: rng.pick(ctx.numbers).number,
      });
    }
  }
}

const NOTE_COUNT_WEIGHTS = [50, 25, 15, 10];
const NOTE_TYPES: Array<SbNote['type']> = ['call', 'sms', 'manual', 'manual', 'manual', 'manual', 'manual'];

export function randomNotes(ctx: SeedContext, leads: SbLead[], fixtureCount: number, notes: SbNote[]): void {
  const { rng } = ctx;
  for (let i = fixtureCount; i < leads.length; i++) {
    const lead = leads[i] as SbLead;
    for (let n = rng.weighted(NOTE_COUNT_WEIGHTS); n > 0; n--) {
      const t = rng.int(0, NOTE_TEXTS.length - 1);
      notes.push({
        id: 0,
        leadId: lead.id,
        text: NOTE_TEXTS[t] as string,
        type: NOTE_TYPES[t] ?? 'manual',
        addedBy: rng.pick(ctx.activeMembers).id,
        at: randomTime(ctx),
      });
    }
  }
}
