import { ACCOUNT_LOG_METHODS } from './methods/account-logs';
import { CAMPAIGN_METHODS } from './methods/campaigns';
import { CUSTOM_FIELD_METHODS } from './methods/custom-fields';
import { DASHBOARD_METHODS } from './methods/dashboard';
import { LEAD_LOG_METHODS } from './methods/lead-logs';
import { LEAD_META_METHODS } from './methods/lead-meta';
import { LEAD_SEARCH_METHODS } from './methods/leads-search';
import { LEAD_WRITE_METHODS } from './methods/leads-write';
import { LOGIN_METHODS } from './methods/login';
import { MEMBER_METHODS } from './methods/members';
import type { MethodSpec } from './methods/method';
import { NUMBER_HEALTH_METHODS } from './methods/number-health';
import { TAG_GROUP_METHODS } from './methods/tags-groups';
import { TRANSCRIPT_METHODS } from './methods/transcripts';

/**
 * Every Method the V1 and V2 docs publish (42), in the docs' order. The router looks Methods up
 * here by exact, case-sensitive name, as the provider does ("AddcustomField", "Un_SubscribeLead").
 */
export const METHODS: readonly MethodSpec[] = [
  ...LOGIN_METHODS,
  ...TAG_GROUP_METHODS,
  ...CUSTOM_FIELD_METHODS,
  ...LEAD_SEARCH_METHODS,
  ...LEAD_WRITE_METHODS,
  ...LEAD_META_METHODS,
  ...LEAD_LOG_METHODS,
  ...ACCOUNT_LOG_METHODS,
  ...MEMBER_METHODS,
  ...CAMPAIGN_METHODS,
  ...TRANSCRIPT_METHODS,
  ...DASHBOARD_METHODS,
  ...NUMBER_HEALTH_METHODS,
];

const BY_NAME = new Map(METHODS.map((m) => [m.name, m]));

export const METHOD_NAMES: readonly string[] = METHODS.map((m) => m.name);
export const WRITE_METHOD_NAMES: readonly string[] = METHODS.filter((m) => m.write).map((m) => m.name);

export function findMethod(name: string): MethodSpec | undefined {
  return BY_NAME.get(name);
}
