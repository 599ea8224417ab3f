import type { AccountSummary, Activity, AgentMetrics, Dashboard, Lead, ProviderId } from '../../shared/domain';
import { CallsideError } from '../../shared/errors';
import type { OpDeliveries } from '../sync/outbox/handlers';
import type { PullContext, PullCounts } from '../sync/pull/context';
import type { SecretName, SecretStore } from '../settings/secret-store';

/**
 * The provider port: what the engine needs from a provider system, and nothing else. A
 * provider is one folder under `providers/` that exports a `ProviderModule`: what it can do
 * (capabilities), the account fields it needs and how one authenticated request verifies them,
 * and a session per account that hands the engine its sync streams (each with its own cursor,
 * read page by page into domain rows, like an Airbyte or Singer tap) and the outbox operations
 * it can apply. The sync engine, cache, services, bridge, CLI and UI speak only the domain and
 * these capabilities; what a provider cannot do fails with `unsupported` and is never queued.
 */

/** Capability names as in ../shared/providers.md section 4.1. */
export const CAPABILITIES = [
  'account.verify',
  'leads.list',
  'leads.list.derived',
  'leads.list.incremental',
  'leads.get',
  'leads.search.remote',
  'leads.lookup.phone',
  'leads.create',
  'leads.update',
  'leads.delete',
  'leads.unsubscribe',
  'groups.list',
  'groups.move',
  'timeline.calls',
  'timeline.calls.recording',
  'timeline.sms',
  'timeline.rvm',
  'timeline.voicemail',
  'timeline.transcripts',
  'notes.read',
  'notes.write',
  'tags.read',
  'tags.write',
  'customFields.read',
  'dispositions.read',
  'metrics.native',
  'metrics.derived',
  'campaigns.read',
  'agents.list',
  'agent.status.read',
  'agent.status.write',
  'call.start',
  'call.voicemailDrop',
  'webhooks.manage',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** One resource a provider syncs, in the engine's order; its cursor lives in the cache. */
export interface SyncStream {
  name: string;
  pull(ctx: PullContext): Promise<PullCounts>;
}

/** Per-call options every provider request takes. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/**
 * A connected account: building one never touches the network. Optional members are present
 * exactly when the matching capability is declared.
 */
export interface ProviderSession {
  readonly provider: ProviderId;
  /** As an agent reads it, for messages: "Hot Prospector". */
  readonly name: string;
  readonly capabilities: ReadonlySet<Capability>;
  /** One authenticated request that proves the credentials. */
  verify(options?: RequestOptions): Promise<void>;
  /** Ends the session at the provider where it has sessions (revokes tokens); never throws. */
  signOut(): Promise<void>;
  /** The sync streams, in order (catalogs before leads, leads before logs, ...). */
  streams(): readonly SyncStream[];
  /** How each outbox operation this provider can apply is delivered and verified. */
  readonly ops: OpDeliveries;
  /** The day's figures per agent (`metrics.native` or `metrics.derived`). */
  dashboard?(date: string, options?: RequestOptions): Promise<Dashboard>;
  /** Leads with this number at the provider (`leads.lookup.phone`): screen pop's fallback when the cache misses. */
  lookupPhone?(e164: string, options?: RequestOptions): Promise<{ leads: Lead[]; activities: Activity[] }>;
  /** One lead's own history, now (the agent opened it), where the provider keeps it per lead. */
  refreshLead?(ctx: LeadRefreshContext, leadId: string): Promise<{ notes: number; activities: number }>;
  /**
   * Dashboard figures this provider cannot give (a derived board has no "logged in" time): the
   * board hides them rather than show a 0 that means "unknown". Absent: none hidden.
   */
  readonly hiddenMetrics?: readonly (keyof AgentMetrics)[];
  /** Campaigns and each one's board for a day (`campaigns.read`). */
  campaigns?: {
    list(options?: RequestOptions): Promise<Array<{ id: string; title: string }>>;
    dashboard(campaignId: string, date: string, options?: RequestOptions): Promise<Dashboard>;
  };
  /**
   * The account's newest inbound calls and SMS over the days given (YYYY-MM-DD in the account's
   * zone), newest first: what the notification watcher polls. Absent: no inbound notifications.
   */
  recentInbound?(
    window: { fromDate: string; toDate: string; limit: number },
    options?: RequestOptions,
  ): Promise<{ calls: Activity[]; sms: Activity[] }>;
  /**
   * A recording or voicemail URL that plays now, for providers whose links expire
   * (`recordingExpiresAt` set on the activity): fetched fresh when the agent plays it. null when
   * the provider no longer has it.
   */
  freshRecording?(
    activity: Activity,
    options?: RequestOptions,
  ): Promise<{ url: string; expiresAt: string | null } | null>;
  /**
   * `notes.write` is declared but this lead cannot take them (a lead known to the provider only by its
   * number): its notes stay on this computer. Absent: every lead's notes go to the provider.
   */
  notesStayLocal?(lead: Lead): boolean;
  /** Rings the agent and then the lead (`call.start`). */
  startCall?(input: { leadId: string; phone: string }, options?: RequestOptions): Promise<void>;
  /** The agents' do-not-disturb state, read and set (`agent.status.read` / `agent.status.write`). */
  agentStatus?: {
    list(options?: RequestOptions): Promise<AgentStatus[]>;
    /** `until` is a UTC ISO time, or null for "until turned off". */
    setDoNotDisturb(agentId: string, on: boolean, until: string | null, options?: RequestOptions): Promise<void>;
  };
}

/** One agent's availability as the provider keeps it. */
export interface AgentStatus {
  agentId: string;
  name: string;
  doNotDisturb: boolean;
  /** UTC ISO-8601; null when DND has no end (or is off). */
  doNotDisturbUntil: string | null;
  /** null when the provider does not say. */
  available: boolean | null;
}

export type LeadRefreshContext = Pick<PullContext, 'cache' | 'exclusive' | 'signal' | 'now' | 'full'>;

/** Network knobs every provider's transport takes (tests shorten them); each has a desktop default. */
export interface NetworkPolicy {
  /** Deadline for one attempt, body included. */
  timeoutMs?: number;
  /** Tries per read, the first included. */
  maxAttempts?: number;
  /** First backoff ceiling; doubles per retry. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface ConnectArgs {
  account: AccountSummary;
  apiKey: string;
  /** Where a provider keeps session tokens of its own (V2 access tokens, say). */
  secrets: SecretStore;
  policy?: NetworkPolicy;
}

/** The fields an account form or `callside account add` gives; which ones a provider needs is its own to say. */
export interface AccountInput {
  provider: Exclude<ProviderId, 'demo'>;
  /** Hot Prospector: the API version and the user id (api_uId). */
  api?: 'v1' | 'v2' | undefined;
  uid?: string | undefined;
  baseUrl?: string | undefined;
  timezone?: string | undefined;
  /** Agencies (Callingly): the client's account_id. */
  accountId?: string | undefined;
  /** The country a number without `+` is read in (CallHub), ISO 3166 alpha-2. */
  region?: string | undefined;
}

/** One account field beyond the key, the address and the time zone, as a form shows it. */
export interface AccountField {
  name: 'api' | 'uid' | 'accountId' | 'region';
  label: string;
  /** One sentence under the field: where to find the value. */
  help: string;
  required: boolean;
  /** A choice instead of free text. */
  options?: ReadonlyArray<{ value: string; label: string }>;
}

/** What a provider's account is: its fields, defaults and where its key is kept. */
export interface AccountShape {
  /** The address everything before the doc's resource paths; `api` picks it where versions differ. */
  defaultBaseUrl(input: Pick<AccountInput, 'api'>): string;
  readonly fields: readonly AccountField[];
  /** The zone for the provider's zone-less times when none is given; null: this machine's zone. */
  readonly defaultTimezone: string | null;
  /** Whether the provider prints times without a zone (the form then asks for the account's zone). */
  readonly zonelessTimes: boolean;
  /** Checks the provider's own fields (`invalid_request` naming the missing one) into a summary. */
  normalize(input: AccountInput, defaults: { baseUrl: string; timezone: string }): AccountSummary;
  /**
   * The dashboard agent this account is, where the account names the agent's own user (Hipcall's
   * `uid`): the tray's "me" until the agent picks. Absent where the account's user is not an
   * agent of the board (Hot Prospector's api_uId is the API owner's).
   */
  agentIdOf?(account: AccountSummary): string | null;
  /** Who the account is, for messages: " as user 42"; '' when there is nothing to say. */
  describe(account: AccountSummary): string;
  /** Where the key is kept. */
  readonly keySecret: SecretName;
  /** Session secrets a verification leaves (V2 tokens) that the stored account keeps. */
  readonly sessionSecrets: readonly SecretName[];
}

export interface ProviderModule {
  readonly id: ProviderId;
  /** As an agent reads it: "Hot Prospector". */
  readonly name: string;
  readonly capabilities: ReadonlySet<Capability>;
  readonly account: AccountShape;
  connect(args: ConnectArgs): ProviderSession;
}

export function supports(provider: Pick<ProviderModule, 'capabilities'>, capability: Capability): boolean {
  return provider.capabilities.has(capability);
}

/** The error for an operation a provider cannot do: at once, naming the provider; nothing queued. */
export function unsupported(provider: Pick<ProviderModule, 'name'>, what: string): CallsideError {
  return new CallsideError('unsupported', `${provider.name} cannot ${what}.`);
}

/** Throws `unsupported` unless the provider declares the capability. */
export function requireCapability(provider: ProviderModule, capability: Capability, what: string): void {
  if (!supports(provider, capability)) throw unsupported(provider, what);
}
