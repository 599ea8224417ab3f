import type { Migration } from './migration';

/**
 * How many times the provider itself failed an op (a server error, an answer we could not
 * read), apart from `attempts`, which also counts the network being down. An op the provider
 * keeps failing gives up after a cap and waits for the agent; an op made offline waits for
 * the network however long that takes.
 */
export const outboxProviderFailures: Migration = {
  version: 2,
  name: 'outbox-provider-failures',
  up: (db) => db.exec('ALTER TABLE outbox ADD COLUMN provider_failures INTEGER NOT NULL DEFAULT 0;'),
};
