import type { Activity, Group, Lead } from '../../../shared/domain';

export interface CallinglyAccount {
  /** Everything before the resource paths: https://api.callingly.com/v1 */
  baseUrl: string;
  /** The account's IANA zone: Callingly's zone-less times are its wall clock. */
  timezone: string;
  /** An agency's client account, sent as `account_id` on every request; null for a direct account. */
  accountId: string | null;
}

export interface CallinglyPolicy {
  /** Deadline for one attempt, body included. Default 20 000 ms. */
  timeoutMs?: number;
  /** Extra tries for a read after network trouble, a timeout, a 5xx or a 429. Default 2. */
  retries?: number;
  /** First backoff ceiling (full jitter below it, doubling per retry). Default 300 ms. */
  baseDelayMs?: number;
  /** Backoff ceiling. Default 5 000 ms. */
  maxDelayMs?: number;
  fetch?: typeof fetch;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** A 429's Retry-After wait is about to happen. */
  onWait?: (waitMs: number) => void;
}

export interface CallinglyAgent {
  id: string;
  name: string;
  phone: string;
  timezone: string | null;
  doNotDisturb: boolean;
  /** UTC ISO */
  doNotDisturbUntil: string | null;
  available: boolean | null;
}

export interface CallinglyCall {
  activity: Activity;
  transcript: Activity | null;
  agentId: string | null;
  agentName: string | null;
  agentEmail: string | null;
  teamId: string | null;
  disposition: string | null;
  voicemail: boolean;
}

/** Each lead's embedded calls[] become call Activities (leadId = lead id). */
export interface LeadPage {
  leads: Lead[];
  activities: Activity[];
}

export interface CallinglyClient {
  /** GET /teams: one authenticated request. */
  verify(o?: CallOptions): Promise<void>;
  /** Teams are the groups. */
  listTeams(o?: CallOptions): Promise<Group[]>;
  listAgents(o?: CallOptions): Promise<CallinglyAgent[]>;
  /** PUT /agents/{id}; `until` UTC ISO → "YYYY-MM-DD HH:MM:SS" account-zone. */
  setDoNotDisturb(agentId: string, on: boolean, until: string | null, o?: CallOptions): Promise<void>;
  /** Created-date window, YYYY-MM-DD inclusive. */
  listLeads(window: { start: string; end: string }, o?: CallOptions): Promise<LeadPage>;
  /** GET /leads?phone_number=%2B... */
  findByPhone(e164: string, o?: CallOptions): Promise<LeadPage>;
  /** 404 → null. */
  getLead(id: string, o?: CallOptions): Promise<Lead | null>;
  listCalls(
    q: { start: string; end: string; page: number; limit: number; teamId?: string },
    o?: CallOptions,
  ): Promise<CallinglyCall[]>;
  /** Rich detail: agent, transcript, disposition. */
  getCall(id: string, o?: CallOptions): Promise<CallinglyCall>;
}
