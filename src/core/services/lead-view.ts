import type { Activity, Lead } from '../../shared/domain';
import { CallsideError } from '../../shared/errors';
import type { Cache, LeadView } from '../cache';
import { unsupported, type ProviderSession, type RequestOptions } from '../providers/port';

/** What these read: a workspace's cache and its provider session (building one never touches the network). */
export interface LeadViewSource {
  cache: Cache;
  session(): Promise<ProviderSession>;
}

/** What is known of the provider without a session (its module), for when a session cannot be had. */
export type ProviderFacts = Pick<ProviderSession, 'capabilities'>;

export type NotesDestination = 'provider' | 'local';

export interface LeadViewWithNotes extends LeadView {
  notesGoTo: NotesDestination;
}

export interface RecordingLink {
  url: string;
  expiresAt: string | null;
}

/** A link with less time left than this is refreshed before it is handed out: it must play through. */
const PLAYABLE_MARGIN_MS = 60_000;
/** How far back a lead's timeline is searched for the activity asked about. */
const TIMELINE_SEARCH_LIMIT = 10_000;

/** Where a note on this lead goes: the provider, unless it cannot store notes (at all, or for this lead). */
export function notesDestination(
  session: Pick<ProviderSession, 'capabilities' | 'notesStayLocal'>,
  lead: Lead,
): NotesDestination {
  if (!session.capabilities.has('notes.write')) return 'local';
  return session.notesStayLocal?.(lead) ? 'local' : 'provider';
}

/** lead.open: the cached lead, its notes and timeline, and where a note written on it goes. */
export async function openLeadView(
  source: LeadViewSource,
  leadId: string,
  provider: ProviderFacts,
): Promise<LeadViewWithNotes | null> {
  const view = await source.cache.openLead(leadId);
  if (!view) return null;
  // The cached lead shows whatever happens to the session (a key gone from the keychain, say).
  const session = await source.session().catch(() => null);
  return { ...view, notesGoTo: notesDestination(session ?? provider, view.lead) };
}

/** Whether a recording's link is missing or (nearly) past its expiry; links that never expire never are. */
export function recordingExpired(activity: Activity, now: Date): boolean {
  if (activity.recordingExpiresAt === undefined || activity.recordingExpiresAt === null) return false;
  if (activity.recordingUrl === null) return true;
  return Date.parse(activity.recordingExpiresAt) - PLAYABLE_MARGIN_MS <= now.getTime();
}

/**
 * A recording of one of the lead's activities that plays now: the cached link while it has time
 * left, else a fresh one from the provider, saved back into the cache so the next look finds it.
 */
export async function playableRecording(
  source: LeadViewSource,
  leadId: string,
  activityId: string,
  options: RequestOptions & { now?: Date } = {},
): Promise<RecordingLink> {
  const timeline = await source.cache.activities.timeline(leadId, { limit: TIMELINE_SEARCH_LIMIT });
  const activity = timeline.find((a) => a.id === activityId && (a.recordingUrl !== null || a.recordingExpiresAt));
  if (!activity) throw new CallsideError('not_found', 'That recording is not in this lead\u2019s timeline.');
  const session = await source.session();
  if (!recordingExpired(activity, options.now ?? new Date()) && activity.recordingUrl !== null) {
    return { url: activity.recordingUrl, expiresAt: activity.recordingExpiresAt ?? null };
  }
  return refreshRecording(source.cache, session, activity, options);
}

/** Asks the provider for a fresh link to an expired recording and saves it; not_found when it has none. */
async function refreshRecording(
  cache: Cache,
  session: ProviderSession,
  activity: Activity,
  options: RequestOptions,
): Promise<RecordingLink> {
  if (!session.freshRecording) throw unsupported(session, 'give a fresh link to this recording');
  const fresh = await session.freshRecording(activity, options.signal ? { signal: options.signal } : {});
  if (!fresh) throw new CallsideError('not_found', `This recording is no longer available at ${session.name}.`);
  await cache.activities.upsertPage([{ ...activity, recordingUrl: fresh.url, recordingExpiresAt: fresh.expiresAt }]);
  return fresh;
}

/**
 * The timeline with every expired recording link refreshed (the CLI hands out links that play
 * now). A link that cannot be refreshed (offline, or gone at the provider) becomes null rather
 * than stale; after the first network failure the rest are not tried.
 */
export async function withPlayableRecordings(
  source: LeadViewSource,
  timeline: readonly Activity[],
  now: Date = new Date(),
): Promise<Activity[]> {
  let session: ProviderSession | null = null;
  let offline = false;
  const out: Activity[] = [];
  for (const activity of timeline) {
    if (!recordingExpired(activity, now)) {
      out.push(activity);
      continue;
    }
    const stale = { ...activity, recordingUrl: null };
    if (offline) {
      out.push(stale);
      continue;
    }
    try {
      session ??= await source.session();
      const fresh = await refreshRecording(source.cache, session, activity, {});
      out.push({ ...activity, recordingUrl: fresh.url, recordingExpiresAt: fresh.expiresAt });
    } catch (error) {
      // Gone at the provider: this one is null. Anything else (offline, refused): the rest too.
      if (!(error instanceof CallsideError && error.code === 'not_found')) offline = true;
      out.push(stale);
    }
  }
  return out;
}

/** lead.call: the provider rings the agent, then the lead; a sentence the agent reads when it does. */
export async function startProviderCall(
  source: LeadViewSource,
  leadId: string,
  phone: string,
  options: RequestOptions = {},
): Promise<{ message: string }> {
  const session = await source.session();
  if (!session.capabilities.has('call.start') || !session.startCall) throw unsupported(session, 'place calls');
  const lead = await source.cache.leads.get(leadId);
  if (!lead) throw new CallsideError('not_found', 'That lead is not in the cache.');
  if (phone !== lead.phone && phone !== lead.mobile) {
    throw new CallsideError('invalid_request', 'Callside calls only one of the lead\u2019s own numbers.');
  }
  await session.startCall({ leadId, phone }, options);
  const name = `${lead.firstName} ${lead.lastName}`.trim() || phone;
  return { message: `${session.name} is ringing you now; answer to be connected to ${name}.` };
}
