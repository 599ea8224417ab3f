import { DateTime } from 'luxon';
import type { Activity } from '../../../shared/domain';
import { CallsideError } from '../../../shared/errors';
import { isValidTimeZone } from '../../normalize/time';
import { OP_KIND, type NoteAddPayload } from '../../sync/outbox/op-kinds';
import type { OpDeliveries, OpDelivery } from '../../sync/outbox/handlers';
import { restPolicy } from '../http/rest';
import type { AccountShape, Capability, ProviderModule, ProviderSession } from '../port';
import type { HipcallCdr } from './cdr';
import { connectHipcall, DEFAULT_HIPCALL_BASE_URL, type HipcallClient, type HipcallPolicy } from './client';
import { contactLeadId, leadContactId, phoneLeadId, recordingExpiry, toActivity } from './leads';
import { dayOf, deriveHipcallDay, HIPCALL_UNDERIVED_METRICS } from './metrics';
import { AgentDirectory, callsStream, usersStream } from './streams';

/** What Hipcall can do, as ../shared/providers.md section 4.2 reads its doc. */
export const HIPCALL_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'account.verify',
  'leads.list.derived',
  'timeline.calls',
  'timeline.calls.recording',
  'timeline.voicemail',
  'notes.write',
  'metrics.derived',
  'agents.list',
]);

/** Pages of calls a board or the inbound poll reads at most (newest first, so a day is a few). */
const MAX_READ_PAGES = 60;

export interface HipcallSession extends ProviderSession {
  readonly client: HipcallClient;
}

export interface HipcallSettings {
  baseUrl: string;
  timezone: string;
  /** The agent's own Hipcall user ("my" figures); '' when not given. */
  uid: string;
}

export function hipcallSession(client: HipcallClient, settings: HipcallSettings): HipcallSession {
  const agents = new AgentDirectory(client);
  const zone = settings.timezone;
  return {
    provider: 'hipcall',
    name: 'Hipcall',
    capabilities: HIPCALL_CAPABILITIES,
    client,
    verify: (options) => client.verify(options),
    // A Bearer token has no session to end.
    signOut: async () => undefined,
    streams: () => [usersStream(client, agents), callsStream(client, agents)],
    ops: hipcallOps(client),
    hiddenMetrics: HIPCALL_UNDERIVED_METRICS,
    async dashboard(date, options) {
      const o = options?.signal ? { signal: options.signal } : {};
      const users = await agents.list(o);
      const cdrs = await readBack(client, DateTime.fromISO(date, { zone }).startOf('day').toUTC().toISO()!, o);
      return deriveHipcallDay(date, cdrs, users, zone);
    },
    async recentInbound(window, options) {
      const o = options?.signal ? { signal: options.signal } : {};
      const since = DateTime.fromISO(window.fromDate, { zone }).startOf('day').toUTC().toISO()!;
      const names = await agents.nameMap(o);
      const readAt = new Date();
      // Polled every 20 s against a 30-a-minute limit: stop at the first page that gives enough.
      const enough = (read: readonly HipcallCdr[]) =>
        read.filter((cdr) => cdr.direction === 'inbound').length >= window.limit;
      const calls = (await readBack(client, since, o, enough))
        .filter((cdr) => cdr.direction === 'inbound')
        .filter((cdr) => {
          const day = dayOf(cdr.startedAt, zone);
          return day >= window.fromDate && day <= window.toDate;
        })
        .sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))
        .slice(0, window.limit)
        .map((cdr) => toActivity(cdr, guessLeadId(cdr), names, readAt));
      return { calls, sms: [] };
    },
    freshRecording: (activity, options) => freshRecording(client, activity, options?.signal),
    // Comments go to a contact: a lead known only by its number keeps its notes here.
    notesStayLocal: (lead) => leadContactId(lead) === null,
  };
}

/**
 * The lead a call most likely belongs to without the cache (the inbound poll has none): the
 * synced lead of a number may carry either id, and the notification finds it by number anyway.
 */
function guessLeadId(cdr: HipcallCdr): string {
  if (cdr.contactId !== null) return contactLeadId(cdr.contactId);
  return cdr.externalPhone === null ? '' : phoneLeadId(cdr.externalPhone);
}

/** Call records from the newest back to `since` (while the list comes newest-first), or all of them. */
async function readBack(
  client: HipcallClient,
  since: string,
  o: { signal?: AbortSignal },
  enough: (read: readonly HipcallCdr[]) => boolean = () => false,
): Promise<HipcallCdr[]> {
  const out: HipcallCdr[] = [];
  let link: string | null = null;
  let prevOldest: string | null = null;
  let monotonic = true;
  for (let pages = 0; pages < MAX_READ_PAGES; pages += 1) {
    const page = await client.cdrPage(link, o);
    out.push(...page.cdrs);
    const times = page.cdrs.map((cdr) => cdr.startedAt);
    const newest = times.reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
    const oldest = times.reduce<string | null>((a, b) => (a === null || b < a ? b : a), null);
    monotonic &&=
      times.every((t, i) => i === 0 || t <= times[i - 1]!) &&
      (prevOldest === null || newest === null || newest <= prevOldest);
    prevOldest = oldest ?? prevOldest;
    if (page.next === null || page.next === link) break;
    if (monotonic && oldest !== null && oldest < since) break;
    // Only while newest-first: then the pages not read hold nothing newer than these.
    if (monotonic && enough(out)) break;
    link = page.next;
  }
  return out;
}

/** The UTC date of the call, then the days either side: the doc's path date need not match [H:417]. */
async function freshRecording(
  client: HipcallClient,
  activity: Activity,
  signal: AbortSignal | undefined,
): Promise<{ url: string; expiresAt: string | null } | null> {
  const o = signal ? { signal } : {};
  const at = DateTime.fromISO(activity.at, { zone: 'utc' });
  if (!at.isValid) return null;
  for (const shift of [0, -1, 1]) {
    const cdr = await client.getCdr(at.plus({ days: shift }).toFormat('yyyy-MM-dd'), activity.id, o);
    if (cdr === null) continue;
    if (cdr.recordingUrl === null) return null;
    return { url: cdr.recordingUrl, expiresAt: recordingExpiry(cdr.recordingUrl, new Date()) };
  }
  return null;
}

/**
 * Notes: a lead with a Hipcall contact id gets a comment on that contact. Hipcall has no way
 * to read comments back, so a comment that may have landed (the answer was lost) cannot be
 * checked: it is not sent again blind, it waits for the agent to look in Hipcall and retry or
 * discard it (write-once). A phone-only lead has no contact to comment on: its notes stay here.
 * Tags have no documented path: not offered.
 */
function hipcallOps(client: HipcallClient): OpDeliveries {
  const note: OpDelivery<NoteAddPayload> = {
    remote: true,
    async verify(_payload, ctx) {
      const lead = await ctx.cache.leads.get(ctx.leadId);
      if (lead && leadContactId(lead) === null) return null;
      throw new CallsideError(
        'remote',
        'Hipcall cannot show comments, so Callside cannot tell whether this note reached Hipcall. Check the contact in Hipcall, then retry or discard it.',
      );
    },
    async send(payload, ctx) {
      const lead = await ctx.cache.leads.get(ctx.leadId);
      const contactId = lead ? leadContactId(lead) : null;
      if (contactId === null) return { keptLocal: true };
      await client.addComment(contactId, payload.text, ctx.options);
      return {};
    },
  };
  return { [OP_KIND.noteAdd]: note as OpDelivery<never> };
}

/** A key, the agent's own user id (optional), and the zone "today" is counted in. */
const HIPCALL_ACCOUNT: AccountShape = {
  defaultBaseUrl: () => DEFAULT_HIPCALL_BASE_URL,
  fields: [
    {
      name: 'uid',
      label: 'Your Hipcall user id',
      help: 'Optional: your own user in Hipcall, so "my" figures are yours. Shown in the Users list of the Hipcall dashboard.',
      required: false,
    },
  ],
  defaultTimezone: null,
  zonelessTimes: false,
  normalize: (input, defaults) => {
    const uid = input.uid?.trim() ?? '';
    if (uid !== '' && !/^\d{1,15}$/.test(uid)) {
      throw new CallsideError('invalid_request', 'The Hipcall user id must be a number.');
    }
    return { provider: 'hipcall', api: null, uid, baseUrl: defaults.baseUrl, timezone: defaults.timezone };
  },
  describe: (account) => (account.uid ? ` as user ${account.uid}` : ''),
  agentIdOf: (account) => account.uid.trim() || null,
  keySecret: 'hipcall.apiKey',
  sessionSecrets: [],
};

export const hipcall: ProviderModule = {
  id: 'hipcall',
  name: 'Hipcall',
  capabilities: HIPCALL_CAPABILITIES,
  account: HIPCALL_ACCOUNT,
  connect: ({ account, apiKey, policy }) => {
    if (!isValidTimeZone(account.timezone)) {
      throw new CallsideError('invalid_request', `"${account.timezone}" is not a time zone Callside knows.`);
    }
    const tuned: HipcallPolicy = restPolicy(policy);
    const settings = { baseUrl: account.baseUrl, timezone: account.timezone, uid: account.uid };
    return hipcallSession(connectHipcall({ baseUrl: account.baseUrl, apiKey, policy: tuned }), settings);
  },
};
