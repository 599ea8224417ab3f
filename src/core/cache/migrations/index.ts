import { initialSchema } from './001-initial';
import type { Migration } from './migration';
import { outboxProviderFailures } from './002-outbox-provider-failures';
import { activityAgentAndExpiry } from './003-activity-agent-and-expiry';
import { searchAnyDigits } from './004-search-any-digits';

export type { Migration } from './migration';

/** Every migration, in order. Add new ones at the end with the next number. */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  outboxProviderFailures,
  activityAgentAndExpiry,
  searchAnyDigits,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
