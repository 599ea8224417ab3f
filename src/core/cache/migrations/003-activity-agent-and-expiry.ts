import type { Migration } from './migration';

/**
 * Who handled a call and how long its recording link lives. Hot Prospector's logs carry
 * neither; the call-record providers (Callingly, Hipcall) carry both, and an expiring signed
 * recording URL must never be offered after it stops playing.
 */
export const activityAgentAndExpiry: Migration = {
  version: 3,
  name: 'activity-agent-and-expiry',
  up: (db) =>
    db.exec(`
ALTER TABLE activities ADD COLUMN agent_id TEXT;
ALTER TABLE activities ADD COLUMN agent_name TEXT;
ALTER TABLE activities ADD COLUMN disposition TEXT;
ALTER TABLE activities ADD COLUMN recording_expires_at TEXT;
`),
};
