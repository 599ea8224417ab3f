import { z } from 'zod';
import { activitySchema, agentMetricsSchema, leadSchema } from '../domain';
import { errorPayloadSchema } from '../errors';

/**
 * Payload schemas of the desktop channels (tray metrics, notifications, screen pop and the
 * desktop settings); the channel table itself is in tray-channels.ts.
 */

export const ymdSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-06-23');
const isoTime = z.string().describe('UTC ISO-8601');
/** "HH:MM", 24-hour clock. */
export const clockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 08:30');

/** The figures an agent can set a daily goal on (AgentMetrics field names). */
export const GOAL_METRICS = [
  'outboundCalls',
  'answeredCalls',
  'conversations',
  'talkMinutes',
  'prospects',
  'appointments',
  'sms',
] as const;
export const goalMetricSchema = z.enum(GOAL_METRICS);
export type GoalMetric = z.infer<typeof goalMetricSchema>;

/** 0 means "no goal" for that figure. */
const goalValue = z.number().int().min(0).max(100_000);

export const DESKTOP_DEFAULTS = {
  agent: { agentId: null as string | null, email: '' },
  goals: {
    outboundCalls: 80,
    answeredCalls: 0,
    conversations: 12,
    talkMinutes: 90,
    prospects: 0,
    appointments: 3,
    sms: 0,
  } satisfies Record<GoalMetric, number>,
  refreshSec: 60,
  notifications: {
    enabled: true,
    inboundCalls: true,
    inboundSms: true,
    goals: true,
    syncProblems: true,
    doNotDisturb: false,
    quietHours: { enabled: false, start: '20:00', end: '08:00' },
  },
  startMinimized: false,
  launchAtLogin: false,
};

const G = DESKTOP_DEFAULTS.goals;
/** Stored goals: each field falls back to its default alone when a hand-edited file holds garbage. */
export const goalsSchema = z.object({
  outboundCalls: goalValue.default(G.outboundCalls).catch(G.outboundCalls),
  answeredCalls: goalValue.default(G.answeredCalls).catch(G.answeredCalls),
  conversations: goalValue.default(G.conversations).catch(G.conversations),
  talkMinutes: goalValue.default(G.talkMinutes).catch(G.talkMinutes),
  prospects: goalValue.default(G.prospects).catch(G.prospects),
  appointments: goalValue.default(G.appointments).catch(G.appointments),
  sms: goalValue.default(G.sms).catch(G.sms),
});

export const quietHoursSchema = z.object({
  enabled: z.boolean(),
  /** Start and end in the account's time zone; the window may run past midnight. */
  start: clockSchema,
  end: clockSchema,
});

const N = DESKTOP_DEFAULTS.notifications;
const flag = (fallback: boolean) => z.boolean().default(fallback).catch(fallback);
export const notificationPrefsSchema = z.object({
  /** Master switch. */
  enabled: flag(N.enabled),
  inboundCalls: flag(N.inboundCalls),
  inboundSms: flag(N.inboundSms),
  goals: flag(N.goals),
  syncProblems: flag(N.syncProblems),
  doNotDisturb: flag(N.doNotDisturb),
  quietHours: quietHoursSchema.default(N.quietHours).catch(N.quietHours),
});

export const agentChoiceSchema = z.object({
  /** Picked from the team list; wins over the e-mail when set. */
  agentId: z.string().min(1).max(64).nullable(),
  /** Matched case-insensitively against the dashboard's agent e-mails. */
  email: z.string().trim().max(254),
});

const D = DESKTOP_DEFAULTS;
/** The desktop settings as stored (inside the core settings file, under `desktop`). */
export const desktopSettingsSchema = z.object({
  agent: agentChoiceSchema.default(D.agent).catch(D.agent),
  goals: goalsSchema.default(D.goals).catch(D.goals),
  /** How often the tray refreshes today's board, in seconds. */
  refreshSec: z.number().int().min(15).max(3600).default(D.refreshSec).catch(D.refreshSec),
  notifications: notificationPrefsSchema.default(D.notifications).catch(D.notifications),
  startMinimized: flag(D.startMinimized),
  launchAtLogin: flag(D.launchAtLogin),
});
export type DesktopSettings = z.output<typeof desktopSettingsSchema>;
export const defaultDesktopSettings: DesktopSettings = desktopSettingsSchema.parse({});

export const secretProtectionSchema = z.enum(['os-encrypted', 'basic-text', 'file-0600']);
export type SecretProtectionKind = z.infer<typeof secretProtectionSchema>;

/** What the desktop settings channels answer: the settings plus facts the UI words around them. */
export const desktopSettingsViewSchema = desktopSettingsSchema.extend({
  /**
   * How the API key is kept: `basic-text` is Electron on Linux without a keyring, where the
   * key is only obfuscated; the agent is told so plainly.
   */
  secretProtection: secretProtectionSchema,
  /** Whether this host can start with the system (the desktop app) or not (browser, CLI). */
  launchAtLoginAvailable: z.boolean(),
});
export type DesktopSettingsView = z.output<typeof desktopSettingsViewSchema>;

export const desktopSettingsPatchSchema = z
  .object({
    agent: agentChoiceSchema.partial().strict(),
    goals: z
      .object({
        outboundCalls: goalValue,
        answeredCalls: goalValue,
        conversations: goalValue,
        talkMinutes: goalValue,
        prospects: goalValue,
        appointments: goalValue,
        sms: goalValue,
      })
      .partial()
      .strict(),
    refreshSec: z.number().int().min(15).max(3600),
    notifications: z
      .object({
        enabled: z.boolean(),
        inboundCalls: z.boolean(),
        inboundSms: z.boolean(),
        goals: z.boolean(),
        syncProblems: z.boolean(),
        doNotDisturb: z.boolean(),
        quietHours: quietHoursSchema.strict(),
      })
      .partial()
      .strict(),
    startMinimized: z.boolean(),
    launchAtLogin: z.boolean(),
  })
  .partial()
  .strict();
export type DesktopSettingsPatch = z.infer<typeof desktopSettingsPatchSchema>;

// ---- metrics ---------------------------------------------------------------------------------

/**
 * Where figures came from: `live` fetched just now (or within the refresh interval), `cache`
 * the last snapshot kept on disk (offline, or the provider failed), `none` nothing known yet.
 */
export const metricsSourceSchema = z.enum(['live', 'cache', 'none']);
export type MetricsSource = z.infer<typeof metricsSourceSchema>;

export const goalProgressSchema = z.object({
  metric: goalMetricSchema,
  goal: z.number(),
  value: z.number(),
  reached: z.boolean(),
});
export type GoalProgress = z.infer<typeof goalProgressSchema>;

export const metricsBoardInputSchema = z
  .object({ date: ymdSchema.optional(), refresh: z.boolean().default(false) })
  .strict();

export const metricsBoardSchema = z.object({
  date: ymdSchema,
  isToday: z.boolean(),
  /** The account's zone: the day and the server's times are in it. */
  timezone: z.string(),
  /** The provider's own `last_updated` (UTC ISO-8601), when it sent one. */
  lastUpdated: z.string().nullable(),
  /** When Callside fetched these figures (UTC ISO-8601); null when nothing is known. */
  fetchedAt: z.string().nullable(),
  source: metricsSourceSchema,
  /** True when the figures may be behind: the last refresh failed or is overdue. */
  stale: z.boolean(),
  /** Why the last refresh failed, when it did. */
  error: errorPayloadSchema.nullable(),
  refreshSec: z.number(),
  /** The agent using Callside ("who am I"), when matched. */
  me: agentMetricsSchema.nullable(),
  meMatchedBy: z.enum(['id', 'email']).nullable(),
  /** Every agent on the board, in the provider's order (the leaderboard sorts). */
  agents: z.array(agentMetricsSchema),
  /** My progress on each goal that is set (goal > 0). */
  goals: z.array(goalProgressSchema),
  /**
   * AgentMetrics fields the provider cannot give (Callingly: loggedInSec, prospects, ...): they
   * hold 0 in `me`/`agents` only because the schema wants numbers, and the tray does not show them.
   */
  hidden: z.array(z.string()).default([]),
});
export type MetricsBoard = z.infer<typeof metricsBoardSchema>;

export const metricsTrendInputSchema = z
  .object({ endDate: ymdSchema.optional(), days: z.number().int().min(2).max(31).default(7) })
  .strict();

export const trendDaySchema = z.object({
  date: ymdSchema,
  source: metricsSourceSchema,
  me: agentMetricsSchema.nullable(),
});
export const metricsTrendSchema = z.object({
  /** Oldest first, ending with endDate (today by default). */
  days: z.array(trendDaySchema),
  meMatched: z.boolean(),
});
export type MetricsTrend = z.infer<typeof metricsTrendSchema>;

export const campaignsInputSchema = z
  .object({ date: ymdSchema.optional(), refresh: z.boolean().default(false) })
  .strict();

export const campaignRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** My figures in this campaign, dispositions included; null when I have none there. */
  me: agentMetricsSchema.nullable(),
  team: z.object({
    agents: z.number(),
    outboundCalls: z.number(),
    answeredCalls: z.number(),
    appointments: z.number(),
  }),
});
export const campaignBreakdownSchema = z.object({
  date: ymdSchema,
  source: metricsSourceSchema,
  fetchedAt: z.string().nullable(),
  error: errorPayloadSchema.nullable(),
  meMatched: z.boolean(),
  campaigns: z.array(campaignRowSchema),
});
export type CampaignBreakdown = z.infer<typeof campaignBreakdownSchema>;

// ---- agent do-not-disturb ----------------------------------------------------------------------

export const agentStatusSchema = z.object({
  agentId: z.string(),
  name: z.string(),
  doNotDisturb: z.boolean(),
  /** UTC ISO-8601; null when DND has no end (or is off). */
  doNotDisturbUntil: z.string().nullable(),
  /** null when the provider does not say. */
  available: z.boolean().nullable(),
});
export type AgentStatus = z.infer<typeof agentStatusSchema>;

/** `supported: false` (and no agents) when the provider keeps no agent status Callside can set. */
export const agentStatusListSchema = z.object({
  supported: z.boolean(),
  /** The provider's name as an agent reads it, for the sentence that says what it cannot do. */
  provider: z.string(),
  agents: z.array(agentStatusSchema),
});
export type AgentStatusList = z.infer<typeof agentStatusListSchema>;

export const setDoNotDisturbInputSchema = z
  .object({ agentId: z.string().trim().min(1).max(64), on: z.boolean() })
  .strict();

// ---- notifications, screen pop ----------------------------------------------------------------

export const notificationKindSchema = z.enum([
  'inbound-call',
  'inbound-sms',
  'goal-reached',
  'sync-failed',
  'credentials-rejected',
]);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const appNotificationSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  title: z.string(),
  body: z.string(),
  /** The lead a click opens; null for notices about the app itself. */
  leadId: z.string().nullable(),
  at: isoTime,
  /** Raised during quiet hours or do-not-disturb: listed in the tray, never shown as a popup. */
  muted: z.boolean(),
});
export type AppNotification = z.infer<typeof appNotificationSchema>;

/** A phone number as a softphone or a person spells it. */
export const phoneInputSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[0-9+().\-\s]+$/, 'digits, spaces, + ( ) . and - only');

export const popResultSchema = z.object({
  id: z.string(),
  /** As it was handed over. */
  phone: z.string(),
  /** E.164, or null when the text cannot be a phone number. */
  e164: z.string().nullable(),
  /** null: an unknown number (the UI offers to create a lead). */
  lead: leadSchema.nullable(),
  /** The lead's latest activity, newest first (at most three). */
  recent: z.array(activitySchema),
  at: isoTime,
});
export type PopResult = z.infer<typeof popResultSchema>;

export const showLeadInputSchema = z.union([
  z.object({ leadId: z.string().min(1).max(128) }).strict(),
  z.object({ newLeadPhone: phoneInputSchema }).strict(),
]);

export const showLeadEventSchema = z.object({
  /** Open this lead… */
  leadId: z.string().nullable(),
  /** …or start a new lead with this number (an unknown caller). */
  newLeadPhone: z.string().nullable(),
});
export type ShowLeadEvent = z.infer<typeof showLeadEventSchema>;
