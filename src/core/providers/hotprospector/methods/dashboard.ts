import { todayIn } from '../wire/dates';
import { readDashboard } from '../wire/dashboard';
import { defineMethod, emptyWhenNotFound } from './spec';
import { compact, integerId } from './wireBody';
import type { ReadContext } from '../wire/context';
import type { HpDashboard } from '../types';

export interface DashboardParams {
  /** Y-m-d; today (in the account's zone) when left out. */
  date?: string;
}

export interface CampaignDashboardParams extends DashboardParams {
  campaignId?: string;
}

/** A day without data is an empty board for that day, not a failure ("Unable to fetch …" still is). */
function emptyBoard(date: string | undefined, ctx: ReadContext): HpDashboard {
  return { date: date ?? todayIn(ctx.timezone), lastUpdated: null, agents: [] };
}

export const getMemberDashboardData = defineMethod<DashboardParams, HpDashboard>({
  method: 'getMemberDashboardData',
  write: false,
  toWire: (p) => compact({ date: p.date }),
  read: (answer, p, ctx) => readDashboard(answer, p.date, ctx),
  whenRejected: (error, p, ctx) => emptyWhenNotFound(() => emptyBoard(p.date, ctx))(error),
});

export const getDashboardMemberDatabyCampaign = defineMethod<CampaignDashboardParams, HpDashboard>({
  method: 'getDashboardMemberDatabyCampaign',
  write: false,
  toWire: (p) =>
    compact({ campaign_id: p.campaignId === undefined ? undefined : integerId(p.campaignId), date: p.date }),
  read: (answer, p, ctx) => readDashboard(answer, p.date, ctx),
  whenRejected: (error, p, ctx) => emptyWhenNotFound(() => emptyBoard(p.date, ctx))(error),
});
