import type { Migration } from './migration';

/**
 * The first schema. Conventions: provider ids are TEXT; times the domain shows are kept as the
 * ISO text we were given, next to an `_ms` integer used for ordering (ISO strings with and
 * without milliseconds do not sort correctly as text); lists and free-form objects that are
 * only ever read whole are JSON text.
 */
const SQL = `
CREATE TABLE leads (
  -- An explicit integer key: the FTS index refers to leads by it, and VACUUM could renumber an implicit rowid.
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  provider TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  mobile TEXT NOT NULL,
  company TEXT NOT NULL,
  website TEXT NOT NULL,
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  zip TEXT NOT NULL,
  address TEXT NOT NULL,
  country_code TEXT NOT NULL,
  custom_fields TEXT NOT NULL DEFAULT '{}',
  unsubscribed INTEGER NOT NULL DEFAULT 0,
  -- Lower-cased, accent-free "first last" for the by-name ordering.
  sort_name TEXT NOT NULL,
  -- When the provider created the lead, if it said; else when this cache first saw it.
  created_ms INTEGER,
  first_seen_ms INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL,
  -- Maintained from activities: the latest activity of any kind, and the latest call.
  last_touch_ms INTEGER,
  last_call_ms INTEGER,
  -- The agent queue: never-called leads first (newest first), then the longest-untouched.
  queue_group INTEGER GENERATED ALWAYS AS (last_call_ms IS NOT NULL) VIRTUAL,
  queue_rank INTEGER GENERATED ALWAYS AS (
    CASE WHEN last_call_ms IS NULL THEN -coalesce(created_ms, first_seen_ms)
         ELSE coalesce(last_touch_ms, last_call_ms) END
  ) VIRTUAL
);
CREATE INDEX leads_queue ON leads (queue_group, queue_rank, id);
-- What a by-name search reads for each of its (up to 1,000) candidates, in a narrow index kept
-- in key order (so it is appended to, not rewritten, during sync): much less to read than the
-- lead rows themselves. lead-query.ts names it with INDEXED BY.
CREATE INDEX leads_search_candidates ON leads (key, sort_name, id);
-- Deliberately no index on sort_name: names arrive in random order, and keeping such an index
-- rewrites most of its pages on every synced page (~20% of ingest). By-name lists sort their
-- rows instead: search candidates and group/tag subsets are small; a full by-name page of 100k
-- leads costs ~15-40 ms.

-- Screen pop: phone and mobile (E.164 when parseable) straight off the lead row, so the index
-- is maintained with the row itself instead of by a second table. Partial: most mobiles are empty.
CREATE INDEX leads_by_phone ON leads (phone) WHERE phone <> '';
CREATE INDEX leads_by_mobile ON leads (mobile) WHERE mobile <> '';

-- Search over names, company, email, phone digits and custom field values. Contentless: the
-- text lives in leads; rows are replaced or deleted by rowid (= leads.key). Prefix indexes for
-- 1-3 characters: without them a one-letter query merges the lists of thousands of words.
CREATE VIRTUAL TABLE lead_search USING fts5 (
  name, company, email, phones, custom,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
CREATE TRIGGER leads_leave_search AFTER DELETE ON leads BEGIN
  DELETE FROM lead_search WHERE rowid = old.key;
END;

CREATE TABLE tags (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  status TEXT
);
CREATE INDEX tags_by_title ON tags (title);

CREATE TABLE lead_tags (
  lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  tag_id TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (lead_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX lead_tags_by_tag ON lead_tags (tag_id, lead_id);

CREATE TABLE groups (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL
);

-- No foreign key to groups: leads name their groups before (or without) the group list being synced.
CREATE TABLE group_memberships (
  lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  group_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (lead_id, group_id)
) WITHOUT ROWID;
CREATE INDEX group_memberships_by_group ON group_memberships (group_id, lead_id);

CREATE TABLE custom_fields (
  name TEXT PRIMARY KEY,
  type TEXT,
  built_in INTEGER NOT NULL,
  position INTEGER NOT NULL
);

-- Notes and activities carry no foreign key to leads: logs arrive in their own sync order and
-- may name a lead the cache has not pulled yet.
CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  lead_id TEXT NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  at TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('remote', 'local')),
  sync_state TEXT NOT NULL CHECK (sync_state IN ('synced', 'pending', 'failed'))
);
CREATE INDEX notes_by_lead ON notes (lead_id, at_ms DESC);

-- Calls, SMS, RVM drops, notes-as-events and transcripts. Keyed by kind too: a call and its
-- transcript may share the provider's id.
CREATE TABLE activities (
  kind TEXT NOT NULL CHECK (kind IN ('call', 'sms', 'rvm', 'note', 'transcript')),
  id TEXT NOT NULL,
  lead_id TEXT NOT NULL,
  direction TEXT CHECK (direction IN ('inbound', 'outbound')),
  at TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  duration_sec REAL,
  status TEXT NOT NULL,
  from_number TEXT NOT NULL,
  to_number TEXT NOT NULL,
  text TEXT,
  recording_url TEXT,
  turns TEXT,
  PRIMARY KEY (kind, id)
);
CREATE INDEX activities_timeline ON activities (lead_id, at_ms DESC);

-- The team's agents (Member records).
CREATE TABLE members (
  id TEXT PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT NOT NULL,
  status TEXT NOT NULL,
  time_zone TEXT,
  direct_number TEXT
);

-- Daily dashboard snapshots: one row per date, one metrics row per agent and date.
CREATE TABLE metric_days (
  date TEXT PRIMARY KEY,
  last_updated TEXT,
  fetched_at TEXT NOT NULL
);
CREATE TABLE agent_metrics (
  date TEXT NOT NULL REFERENCES metric_days (date) ON DELETE CASCADE,
  agent_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  metrics TEXT NOT NULL,
  PRIMARY KEY (date, agent_id)
) WITHOUT ROWID;

CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL
);

CREATE TABLE number_health (
  phone_id TEXT PRIMARY KEY,
  phone_number TEXT NOT NULL,
  spam_detected INTEGER NOT NULL,
  carriers TEXT NOT NULL,
  last_checked_at TEXT
);

CREATE TABLE sync_cursors (
  resource TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The agent's writes waiting for the provider. AUTOINCREMENT: seq is the delivery order and is
-- never reused, even after the newest row is confirmed and deleted.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  lead_id TEXT,
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_attempt_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX outbox_by_state ON outbox (state, seq);

-- Which lead fields each queued operation changes: a pull leaves these alone.
CREATE TABLE outbox_fields (
  op_seq INTEGER NOT NULL REFERENCES outbox (seq) ON DELETE CASCADE,
  lead_id TEXT NOT NULL,
  field TEXT NOT NULL,
  PRIMARY KEY (lead_id, field, op_seq)
) WITHOUT ROWID;
CREATE INDEX outbox_fields_by_op ON outbox_fields (op_seq);
`;

export const initialSchema: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => db.exec(SQL),
};
