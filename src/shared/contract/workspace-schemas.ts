import { z } from 'zod';
import {
  accountSummarySchema,
  activitySchema,
  customFieldSchema,
  demoProviderSchema,
  groupSchema,
  leadSchema,
  noteSchema,
  outboxOpSchema,
  providerIdSchema,
  tagSchema,
} from '../domain';

/** Payload schemas of the workspace channels; the channel table itself is in channels.ts. */

const id = z.string().min(1).max(128);
/** Free text from the agent: bounded so a stuck key or a paste cannot flood main. */
const agentText = (max: number) => z.string().max(max);

export const leadOrderSchema = z.enum(['queue', 'name']);

export const leadQuerySchema = z
  .object({
    groupId: id.optional(),
    tag: agentText(200).optional(),
    search: agentText(200).optional(),
    order: leadOrderSchema.default('queue'),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

/** A queue row: the lead, plus (where the cache knows) its last contact and number of calls. */
export const listedLeadSchema = leadSchema.extend({
  /** The latest activity of any kind (UTC ISO); null: never contacted. */
  lastContactAt: z.string().nullable().optional(),
  /** Calls logged for the lead (attempts). */
  calls: z.number().int().min(0).optional(),
});
export type ListedLead = z.infer<typeof listedLeadSchema>;

export const leadPageSchema = z.object({
  leads: z.array(listedLeadSchema),
  /** True when more leads follow this page for the same query. */
  hasMore: z.boolean(),
});

export const leadViewSchema = z.object({
  lead: leadSchema,
  notes: z.array(noteSchema),
  timeline: z.array(activitySchema),
  /**
   * Where a note written on this lead goes: to the provider, or only this computer (the provider
   * cannot store notes, or not for this lead). The composer says so before the agent types.
   */
  notesGoTo: z.enum(['provider', 'local']),
});

export const recordingRefSchema = z.object({ leadId: id, activityId: id }).strict();

/** A recording link that plays now; `expiresAt` (UTC ISO) null when it does not expire. */
export const recordingLinkSchema = z.object({ url: z.string(), expiresAt: z.string().nullable() });

/** Click-to-call through the provider: it rings the agent, then this number of the lead. */
export const callInputSchema = z.object({ leadId: id, phone: agentText(64).trim().min(1) }).strict();

/** What the provider said when asked to place the call, in words for the agent. */
export const callResultSchema = z.object({ message: z.string() });

export const groupWithCountSchema = groupSchema.extend({ leadCount: z.number() });

export const workspaceOverviewSchema = z.object({
  kind: z.enum(['account', 'demo']),
  account: accountSummarySchema,
  totalLeads: z.number(),
  groups: z.array(groupWithCountSchema),
  tags: z.array(tagSchema),
  customFields: z.array(customFieldSchema),
  /** The provider as an agent reads it, and what it can do (providers.md 4.1): the UI offers only these. */
  provider: z.object({ name: z.string(), capabilities: z.array(z.string()) }).optional(),
});

export const leadRefSchema = z.object({ leadId: id }).strict();

export const tagChangeSchema = z
  .object({ leadId: id, action: z.enum(['add', 'remove']), tags: z.array(agentText(200).min(1)).min(1).max(50) })
  .strict();

export const noteInputSchema = z.object({ leadId: id, text: agentText(10_000).trim().min(1) }).strict();

export const moveInputSchema = z.object({ leadId: id, groupId: id, mode: z.enum(['move', 'copy']) }).strict();

export const leadChangeResultSchema = z.object({ lead: leadSchema, opId: z.string() });

/** What lead.refresh read from the provider for one lead (its notes and its own history). */
export const leadRefreshResultSchema = z.object({ notes: z.number(), activities: z.number() });

/** An op as the app's outbox shows it: the published Op, plus its lead's name where the cache has it. */
export const outboxEntrySchema = outboxOpSchema.extend({ leadName: z.string().optional() });
export type OutboxEntryView = z.infer<typeof outboxEntrySchema>;
export const outboxListSchema = z.object({ pending: z.array(outboxEntrySchema), failed: z.array(outboxEntrySchema) });
export const outboxActionSchema = z.object({ id }).strict();

export const syncStatusSchema = z.object({
  online: z.boolean(),
  running: z.boolean(),
  /** When the last complete pull finished (UTC ISO-8601): "data as of …". */
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  pending: z.number(),
  failed: z.number(),
});

/** One account field beyond the key, the address and the zone, as the Settings form shows it. */
export const accountFieldSchema = z.object({
  name: z.enum(['api', 'uid', 'accountId', 'region']),
  label: z.string(),
  help: z.string(),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});
export type AccountFieldInfo = z.infer<typeof accountFieldSchema>;

/** A provider the account form offers: its own fields, its documented address, what it can do. */
export const providerInfoSchema = z.object({
  id: providerIdSchema.exclude(['demo']),
  name: z.string(),
  fields: z.array(accountFieldSchema),
  /** The documented address, by API version where versions differ ('' for the default). */
  addresses: z.record(z.string(), z.string()),
  /** Its times come without a zone: the form asks for the account's zone. */
  zonelessTimes: z.boolean(),
  capabilities: z.array(z.string()),
});
export type ProviderInfo = z.infer<typeof providerInfoSchema>;

export const accountConnectSchema = z
  .object({
    /** Which provider system; Hot Prospector when absent (older renderers send none). */
    provider: providerIdSchema.exclude(['demo']).optional(),
    /** Hot Prospector only: the API version and the user id (api_uId). */
    api: z.enum(['v1', 'v2']).optional(),
    uid: agentText(128).trim().min(1).optional(),
    /** Agencies (Callingly): the client's account_id. */
    accountId: agentText(64).trim().min(1).optional(),
    /** CallHub: the country a number without + is read in (ISO 3166 alpha-2). */
    region: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .optional(),
    /** Travels renderer → main once; no channel ever returns it. */
    apiKey: agentText(512).trim().min(1),
    baseUrl: z.url().max(2048).optional(),
    timezone: agentText(64).optional(),
  })
  .strict();

export const connectionTestSchema = z.object({
  ok: z.boolean(),
  /** A sentence for the agent: what worked, or what to fix. */
  message: z.string(),
  code: z.string().nullable(),
});

export const uiSettingsSchema = z.object({
  timezone: z.string(),
  dialScheme: z.enum(['tel', 'sip', 'callto']),
  /** Whose simulator the Demo workspace runs on; null when the host has no Demo workspace. */
  demoProvider: demoProviderSchema.nullable(),
});
export const uiSettingsPatchSchema = uiSettingsSchema
  .omit({ demoProvider: true })
  .extend({ demoProvider: demoProviderSchema })
  .partial()
  .strict();
