import { initialSchema } from './001-initial';
import type { Migration } from './migration';
import { outboxProviderFailures } from './002-outbox-provider-failures';

export type { Migration } from './migration';

/** Every migration, in order. Add new ones at the end with the next number. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, outboxProviderFailures];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
