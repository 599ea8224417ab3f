import { z } from 'zod';
import {
  agentStatusListSchema,
  appNotificationSchema,
  campaignBreakdownSchema,
  campaignsInputSchema,
  desktopSettingsPatchSchema,
  desktopSettingsViewSchema,
  metricsBoardInputSchema,
  metricsBoardSchema,
  metricsTrendInputSchema,
  metricsTrendSchema,
  phoneInputSchema,
  popResultSchema,
  showLeadEventSchema,
  setDoNotDisturbInputSchema,
  showLeadInputSchema,
  ymdSchema,
} from './tray-schemas';

/**
 * The desktop part of the bridge contract: tray metrics, notifications, screen pop and the
 * desktop settings. Same form as `channels`/`events` in channels.ts, which spread these in, so
 * the preload, the IPC handlers and the browser host derive them like every other channel.
 */

const noInput = z.object({}).strict();

export const trayChannels = {
  /** One day's board (today by default): live within the refresh interval, else the cached snapshot. */
  'metrics.board': { input: metricsBoardInputSchema, output: metricsBoardSchema },
  /** My figures for the days ending at endDate (7 by default, oldest first). */
  'metrics.trend': { input: metricsTrendInputSchema, output: metricsTrendSchema },
  /** My figures and dispositions per campaign (getDashboardMemberDatabyCampaign). */
  'metrics.campaigns': { input: campaignsInputSchema, output: campaignBreakdownSchema },
  'desktop.settings': { input: noInput, output: desktopSettingsViewSchema },
  'desktop.settings.update': { input: desktopSettingsPatchSchema, output: desktopSettingsViewSchema },
  /** The latest notifications, newest first, muted ones included. */
  'notifications.recent': { input: noInput, output: z.object({ items: z.array(appNotificationSchema) }) },
  /** Screen pop: looks the number up in the cache and pushes a `pop` event to every window. */
  'screen.pop': { input: z.object({ phone: phoneInputSchema }).strict(), output: popResultSchema },
  /** The last pop of the past few minutes, for a window that opened after it was pushed. */
  'screen.lastPop': { input: noInput, output: popResultSchema.nullable() },
  /** Brings the workspace forward on a lead (or a new lead for an unknown number): a `lead.show` event. */
  'lead.reveal': { input: showLeadInputSchema, output: z.object({ shown: z.literal(true) }) },
  /** The team's do-not-disturb state at the provider, now; `supported: false` where it keeps none. */
  'agent.status': { input: noInput, output: agentStatusListSchema },
  /** Turns one agent's do-not-disturb on or off at the provider (no end time); answers the list after. */
  'agent.setDoNotDisturb': { input: setDoNotDisturbInputSchema, output: agentStatusListSchema },
} as const;

export const trayEvents = {
  /** A screen pop: the caller's lead, or an unknown number. */
  pop: popResultSchema,
  /** Open this lead (or start one for this number) in the workspace window. */
  'lead.show': showLeadEventSchema,
  /** Something worth the agent's attention; the desktop shows it natively unless muted. */
  notification: appNotificationSchema,
  /** Today's (or another day's) board was refreshed: tray views and the tooltip refetch. */
  'metrics.updated': z.object({ date: ymdSchema, fetchedAt: z.string() }),
  /** The desktop settings changed (the shell re-applies launch-at-login, views refetch). */
  'desktop.settings': desktopSettingsViewSchema,
} as const;

export type TrayChannels = typeof trayChannels;
export type TrayChannelName = keyof TrayChannels;
export type TrayChannelInput<C extends TrayChannelName> = z.input<TrayChannels[C]['input']>;
export type TrayChannelOutput<C extends TrayChannelName> = z.output<TrayChannels[C]['output']>;
export type TrayEvents = typeof trayEvents;
export type TrayEventName = keyof TrayEvents;
export type TrayEventPayload<E extends TrayEventName> = z.output<TrayEvents[E]>;

export const TRAY_CHANNEL_NAMES = Object.keys(trayChannels) as TrayChannelName[];
export const TRAY_EVENT_NAMES = Object.keys(trayEvents) as TrayEventName[];
