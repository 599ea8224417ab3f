import type { AccountSummary, Activity, Dashboard, Lead, ProviderId } from '../../shared/domain';
import { CallsideError } from '../../shared/errors';
import type { OpDeliveries } from '../sync/outbox/handlers';
import type { PullContext, PullCounts } from '../sync/pull/context';
import type { SecretStore } from '../settings/secret-store';

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

export interface ConnectArgs {
  account: AccountSummary;
  apiKey: string;
  /** Where a provider keeps session tokens of its own (V2 access tokens, say). */
  secrets: SecretStore;
}

export interface ProviderModule {
  readonly id: ProviderId;
  /** As an agent reads it: "Hot Prospector". */
  readonly name: string;
  readonly capabilities: ReadonlySet<Capability>;
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
