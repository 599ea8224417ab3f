/**
 * The Callingly simulator's store: what the account holds, in plain values. Times are epoch ms;
 * the wire renders them as the account zone's wall clock. Ids are the provider's integers.
 */

export interface ClTeam {
  id: number;
  name: string;
  isRecord: boolean;
  callMode: 'simultaneous' | 'sequential' | 'round_robin';
  whispertext: string;
  postWhispertext: string;
  language: string;
  delay: number;
  retrySchedule: number[];
  leadRetrySchedule: number[];
  isSms: boolean;
  smsBody: string;
  /** Members in priority order: [agentId, priority, cap]. */
  members: Array<{ agentId: number; priority: number; cap: number | null }>;
}

export interface ClScheduleDay {
  label: string;
  day: number;
  isAvailable: boolean;
  times: Array<{ start: string; end: string }>;
}

export interface ClAgent {
  id: number;
  fname: string;
  lname: string;
  email: string;
  /** E.164: the agent's own phone, which Callingly rings. Never a lead's number (but see the self-test fixture). */
  phone: string;
  ext: string;
  priority: number;
  timezone: string;
  donotdisturb: boolean;
  /** Epoch ms when do-not-disturb ends by itself, or null for "until turned off". */
  donotdisturbUntil: number | null;
  schedule: ClScheduleDay[];
}

export interface ClTag {
  id: number;
  name: string;
}

export type ClLeadStatus = 'new' | 'scheduled' | 'missed' | 'contacted' | 'voicemail';

export interface ClLead {
  id: number;
  fname: string;
  lname: string;
  email: string | null;
  /** E.164. */
  phone: string;
  source: string;
  sourceId: string | null;
  createdAt: number;
  company: string | null;
  category: string | null;
  status: ClLeadStatus;
  result: string | null;
  teamId: number;
  tagIds: number[];
  stage: string | null;
  scheduledCallAt: number | null;
  ownerId: number | null;
  deleted: boolean;
}

export type ClOutcome =
  'contacted' | 'voicemail' | 'no-answer' | 'missed' | 'inbound-answered' | 'inbound-missed' | 'inbound-voicemail';

export interface ClCall {
  id: number;
  leadId: number;
  /** The agent Callingly rang (every call has one, missed calls included). */
  agentId: number;
  teamId: number;
  at: number;
  direction: 'inbound' | 'outbound';
  outcome: ClOutcome;
  seconds: number;
  source: string | null;
  retry: number;
  leadRetry: number;
  /** A hex name for the recording and waveform files, or null when nothing was recorded. */
  recording: string | null;
  transcript: string | null;
}

export interface ClClient {
  id: number;
  name: string;
  email: string;
  billedUsers: number;
  billedNumbers: number;
}

export interface ClFixtureIds {
  /** A lead whose name carries HTML/script text. */
  scriptLeadId: number;
  /** A lead with non-ASCII letters in its name. */
  nonAsciiLeadId: number;
  /** The lead an agent created with their own cell: its number is that agent's phone. */
  selfTestLeadId: number;
  selfTestAgentId: number;
  /** A call of the self-test lead: its detail shows the same phone for `user` and `lead`. */
  selfTestCallId: number;
  /** An agent on do-not-disturb at `now`, and one whose schedule is off at `now`. */
  dndAgentId: number;
}

export interface ClDataset {
  seed: number;
  now: number;
  timeZone: string;
  /** The account the data belongs to (an agency's client, or the direct account). */
  accountId: number;
  teams: ClTeam[];
  agents: ClAgent[];
  tags: ClTag[];
  leads: ClLead[];
  calls: ClCall[];
  fixtures: ClFixtureIds;
}
