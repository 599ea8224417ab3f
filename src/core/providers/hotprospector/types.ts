import type { AgentMetrics, Dashboard, Member, NumberHealth } from '../../../shared/domain';

/**
 * Result types of Hot Prospector calls that the shared domain model has no shape for: admin
 * write confirmations, paging information, and the extra figures Hot Prospector reports beside
 * the provider-neutral ones. Everything here is plain data (JSON-safe).
 */

/** A page of a log read. `total` and `nextOffset` are null when the server did not say. */
export interface HpPage<T> {
  items: T[];
  total: number | null;
  limit: number | null;
  offset: number | null;
  hasMore: boolean;
  nextOffset: number | null;
}

export interface HpCallLogPage<T> extends HpPage<T> {
  inboundCount: number | null;
  outboundCount: number | null;
}

export interface HpNumberHealthPage {
  items: HpNumberHealth[];
  page: number;
  perPage: number | null;
  total: number | null;
  totalPages: number | null;
}

export interface HpLoginResult {
  authenticated: true;
  message: string;
}

/** AddTag / AddGroup: the id the server gave the new record ("Added TagId"). */
export interface HpCreated {
  id: string;
}

/** UpdateTag / UpdateGroup. */
export interface HpRenamed {
  id: string;
  title: string;
}

export interface HpDeleted {
  id: string;
}

/** AddcustomField / UpdateCustomField / DeleteCustomField: the server's (lower-cased) field key. */
export interface HpCustomFieldChange {
  fieldName: string;
  customFieldId: string | null;
  locationId: string | null;
}

export interface HpCustomFieldCheck {
  exists: boolean;
  fieldName: string;
}

export interface HpUnsubscribed {
  leadId: string | null;
  by: string;
  value: string;
}

export interface HpLeadFieldUpdated {
  leadId: string;
  field: string;
  value: string;
}

/** MoveLead / CopyLead / AddSingleLead / RemoveSingleLead. */
export interface HpLeadInGroup {
  leadId: string;
  groupId: string;
}

export interface HpQueued {
  queued: true;
  message: string;
}

export interface HpLeadTagsChanged {
  leadId: string;
  tagIds: string[];
}

/** Member admin writes answer only with a sentence. */
export interface HpDone {
  message: string;
}

export interface HpMemberLimit {
  total: number;
  active: number;
  remaining: number;
}

export interface HpCredits {
  credits: number;
}

export interface HpMember extends Member {
  inboundPhone: string | null;
  createdAt: string | null;
}

/** Dashboard figures beyond AgentMetrics; durations in seconds, rates 0..1. */
export interface HpAgentMetricDetails {
  gapTimeSec: number | null;
  averageCallGapSec: number | null;
  averageOutboundSec: number | null;
  averageInboundSec: number | null;
  averageMinutes: number | null;
  answersPerHour: number | null;
  prospectsWeekly: number | null;
  appointmentsWeekly: number | null;
  /** "ABR" in the answer; the docs do not say what it stands for, so it is passed on as a number. */
  abr: number | null;
}

export interface HpAgentMetrics extends AgentMetrics {
  details: HpAgentMetricDetails;
}

export interface HpDashboard extends Dashboard {
  agents: HpAgentMetrics[];
}

export interface HpNumberHealth extends NumberHealth {
  deviceSpamDetected: boolean | null;
  /** Per-source complaint counts, e.g. { ftc_complaint: 1, youmail_spam: 1 }. */
  spamChecks: Record<string, number>;
}
