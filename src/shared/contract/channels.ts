import { z } from 'zod';
import { accountSummarySchema, noteSchema } from '../domain';
import {
  accountConnectSchema,
  callInputSchema,
  callResultSchema,
  connectionTestSchema,
  leadChangeResultSchema,
  leadPageSchema,
  leadQuerySchema,
  leadRefSchema,
  leadRefreshResultSchema,
  leadViewSchema,
  moveInputSchema,
  noteInputSchema,
  outboxActionSchema,
  outboxListSchema,
  providerInfoSchema,
  recordingLinkSchema,
  recordingRefSchema,
  syncStatusSchema,
  tagChangeSchema,
  uiSettingsPatchSchema,
  uiSettingsSchema,
  workspaceOverviewSchema,
} from './workspace-schemas';
import { trayChannels, trayEvents } from './tray-channels';
import { draftChannels } from './draft-channels';

/**
 * The bridge contract: every channel the renderer may call, declared once, with the zod
 * schemas that its input and output must satisfy. The preload, the Electron IPC handlers and
 * the browser host's transport are all derived from this object; a channel name is never
 * typed anywhere else by hand.
 */

const noInput = z.object({}).strict();

export const hostKindSchema = z.enum(['electron', 'browser', 'cli']);
export type HostKind = z.infer<typeof hostKindSchema>;

export const appInfoSchema = z.object({
  name: z.literal('Callside'),
  version: z.string(),
  hostKind: hostKindSchema,
  platform: z.string(),
  dataDir: z.string(),
  electronBinary: z.object({
    present: z.boolean(),
    /** Why it is absent, in one sentence, when it is. */
    detail: z.string(),
  }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const accountStatusSchema = z.object({
  /** `demo` is the embedded sandbox workspace a fresh install opens with. */
  mode: z.enum(['demo', 'account', 'none']),
  account: accountSummarySchema.nullable(),
});
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const channels = {
  'app.info': { input: noInput, output: appInfoSchema },
  'account.status': { input: noInput, output: accountStatusSchema },
  /** The providers an account can be on, with the fields each needs: the Settings form is built from it. */
  'account.providers': { input: noInput, output: z.array(providerInfoSchema) },
  /** Verifies the credentials, then stores them in main; the key never comes back. */
  'account.connect': { input: accountConnectSchema, output: accountStatusSchema },
  /** "Test connection": tries the credentials (or the stored key when apiKey is blank) without saving. */
  'account.test': { input: accountConnectSchema.partial({ apiKey: true }), output: connectionTestSchema },
  'account.signOut': { input: noInput, output: accountStatusSchema },
  'settings.get': { input: noInput, output: uiSettingsSchema },
  'settings.update': { input: uiSettingsPatchSchema, output: uiSettingsSchema },
  'workspace.overview': { input: noInput, output: workspaceOverviewSchema },
  'leads.list': { input: leadQuerySchema, output: leadPageSchema },
  'lead.open': { input: leadRefSchema, output: leadViewSchema.nullable() },
  /**
   * Reads one lead's own history (notes, texts, voicemail drops, older calls) from the provider
   * into the cache, as the agent opens it; workspace.changed follows. Fails like sync when offline.
   */
  'lead.refresh': { input: leadRefSchema, output: leadRefreshResultSchema },
  'lead.tags': { input: tagChangeSchema, output: leadChangeResultSchema },
  'lead.note': { input: noteInputSchema, output: z.object({ note: noteSchema, opId: z.string() }) },
  'lead.move': { input: moveInputSchema, output: leadChangeResultSchema },
  'lead.unsubscribe': { input: leadRefSchema, output: leadChangeResultSchema },
  /**
   * A recording of the lead's timeline that plays now: the cached link while it has time left,
   * else a fresh one from the provider (saved back to the cache). not_found when the provider
   * no longer has it.
   */
  'lead.recording': { input: recordingRefSchema, output: recordingLinkSchema },
  /** Places a call through the provider (`call.start`): it rings the agent, then the lead. */
  'lead.call': { input: callInputSchema, output: callResultSchema },
  'outbox.list': { input: noInput, output: outboxListSchema },
  'outbox.retry': { input: outboxActionSchema, output: outboxListSchema },
  'outbox.discard': { input: outboxActionSchema, output: outboxListSchema },
  'sync.status': { input: noInput, output: syncStatusSchema },
  'sync.run': { input: z.object({ full: z.boolean().default(false) }).strict(), output: syncStatusSchema },
  ...trayChannels,
  ...draftChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}

/** Pushes from main to the renderer. Same rule: declared once, payload schema included. */
export const syncProgressSchema = z.object({
  resource: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  etaSec: z.number().nullable(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
});

export const events = {
  'sync.progress': syncProgressSchema,
  'sync.status': syncStatusSchema,
  'account.changed': accountStatusSchema,
  /** Cached data changed (a pulled page, a delivered op): views showing these leads refetch. */
  'workspace.changed': z.object({ leadIds: z.array(z.string()).nullable() }),
  ...trayEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
