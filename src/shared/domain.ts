import { z } from 'zod';

/**
 * The provider-neutral domain model. Every provider adapter turns its wire format into these
 * shapes; the cache stores them; the bridge and the CLI (see shared/CLI.md, a published
 * interface) expose them. Times are UTC ISO-8601 strings; phones are E.164 when parseable.
 */

export const providerIdSchema = z.enum(['hotprospector', 'hipcall', 'callhub', 'callingly', 'demo']);
export type ProviderId = z.infer<typeof providerIdSchema>;
/** The providers whose simulator the Demo workspace can run on. */
export const demoProviderSchema = z.enum(['hotprospector', 'callingly', 'hipcall', 'callhub']);
export type DemoProvider = z.infer<typeof demoProviderSchema>;

const isoTime = z.string().describe('UTC ISO-8601');

export const tagRefSchema = z.object({ id: z.string(), title: z.string() });
export type TagRef = z.infer<typeof tagRefSchema>;

export const leadSchema = z.object({
  id: z.string(),
  provider: providerIdSchema,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.string(),
  mobile: z.string(),
  company: z.string(),
  website: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  address: z.string(),
  countryCode: z.string(),
  groupIds: z.array(z.string()),
  tags: z.array(tagRefSchema),
  customFields: z.record(z.string(), z.string()),
  unsubscribed: z.boolean(),
});
export type Lead = z.infer<typeof leadSchema>;

/** The free-text contact fields of a lead: what an agent edits and a provider can update one by one. */
export const LEAD_TEXT_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'mobile',
  'company',
  'website',
  'city',
  'state',
  'zip',
  'address',
] as const satisfies ReadonlyArray<keyof Lead>;

export const activityKindSchema = z.enum(['call', 'sms', 'rvm', 'note', 'transcript']);
export const directionSchema = z.enum(['inbound', 'outbound']).nullable();

export const transcriptTurnSchema = z.object({ speaker: z.string(), text: z.string() });
export type TranscriptTurn = z.infer<typeof transcriptTurnSchema>;

export const activitySchema = z.object({
  id: z.string(),
  leadId: z.string(),
  kind: activityKindSchema,
  direction: directionSchema,
  at: isoTime,
  durationSec: z.number().nullable(),
  status: z.string(),
  from: z.string(),
  to: z.string(),
  text: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  /** Speaker turns of a transcript; empty for everything else. */
  turns: z.array(transcriptTurnSchema).optional(),
  /** The agent who handled it, where the provider says (its user id and name). */
  agentId: z.string().nullable().optional(),
  agentName: z.string().nullable().optional(),
  /** The outcome the agent picked, where the provider keeps one. */
  disposition: z.string().nullable().optional(),
  /**
   * When `recordingUrl` stops playing (signed links, UTC): past it the link is never offered;
   * a fresh one is asked for when the agent plays it.
   */
  recordingExpiresAt: isoTime.nullable().optional(),
});
export type Activity = z.infer<typeof activitySchema>;

export const noteSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  text: z.string(),
  kind: z.string(),
  at: isoTime,
  origin: z.enum(['remote', 'local']),
  syncState: z.enum(['synced', 'pending', 'failed']),
});
export type Note = z.infer<typeof noteSchema>;

export const outboxOpSchema = z.object({
  id: z.string(),
  kind: z.string(),
  leadId: z.string().nullable(),
  payload: z.unknown(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: isoTime,
});
export type OutboxOp = z.infer<typeof outboxOpSchema>;

export const dispositionCountSchema = z.object({ title: z.string(), count: z.number() });

export const agentMetricsSchema = z.object({
  agentId: z.string(),
  agentName: z.string(),
  agentEmail: z.string(),
  outboundCalls: z.number(),
  inboundCalls: z.number(),
  answeredCalls: z.number(),
  hangups: z.number(),
  /** 0..1 */
  answerRate: z.number(),
  conversations: z.number(),
  /** 0..1 */
  conversionRate: z.number(),
  talkMinutes: z.number(),
  loggedInSec: z.number(),
  prospects: z.number(),
  appointments: z.number(),
  sms: z.number(),
  dispositions: z.array(dispositionCountSchema),
  firstCall: z.string().nullable().optional(),
  lastCall: z.string().nullable().optional(),
});
export type AgentMetrics = z.infer<typeof agentMetricsSchema>;

export const dashboardSchema = z.object({
  date: z.string().describe('YYYY-MM-DD'),
  lastUpdated: z.string().nullable(),
  agents: z.array(agentMetricsSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const groupSchema = z.object({ id: z.string(), title: z.string() });
export type Group = z.infer<typeof groupSchema>;

export const tagSchema = z.object({ id: z.string(), title: z.string(), status: z.string().optional() });
export type Tag = z.infer<typeof tagSchema>;

export const customFieldSchema = z.object({
  name: z.string(),
  type: z.string().nullable(),
  builtIn: z.boolean(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const campaignSchema = z.object({ id: z.string(), title: z.string() });
export type Campaign = z.infer<typeof campaignSchema>;

export const memberSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  status: z.string(),
  timeZone: z.string().nullable(),
  directNumber: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const numberHealthSchema = z.object({
  phoneId: z.string(),
  phoneNumber: z.string(),
  spamDetected: z.boolean(),
  carriers: z.array(z.object({ carrier: z.string(), android: z.string().nullable(), iphone: z.string().nullable() })),
  lastCheckedAt: isoTime.nullable(),
});
export type NumberHealth = z.infer<typeof numberHealthSchema>;

/** Account as shown anywhere outside the main process: never carries a secret. */
export const accountSummarySchema = z.object({
  provider: providerIdSchema,
  api: z.enum(['v1', 'v2']).nullable(),
  uid: z.string(),
  baseUrl: z.string(),
  timezone: z.string(),
  /** An agency's client account (Callingly `account_id`), sent on every request when set. */
  accountId: z.string().nullable().optional(),
  /** The country (ISO 3166 alpha-2) a number without `+` is read in, where the provider sends such numbers. */
  region: z.string().nullable().optional(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const DEFAULT_TIMEZONE = 'America/Los_Angeles';
