import { randomUUID } from 'node:crypto';
import type { OutboxOp } from '../../../shared/domain';
import type { Queryable } from '../driver';
import { CacheStorageError } from '../storage-error';
import { parseJsonColumn } from './json-column';

export type OutboxState = 'pending' | 'failed';

/** An Op (CLI.md) plus what the sender and the pull protection need. */
export interface OutboxEntry extends OutboxOp {
  /** Delivery order: strictly increasing, never reused. */
  seq: number;
  state: OutboxState;
  /** Lead fields this operation changes (see lead-patch.ts for the names). */
  fields: string[];
  nextAttemptAt: string | null;
  /** Attempts the provider itself failed (not the network): what the give-up cap counts. */
  providerFailures: number;
}

export interface EnqueueInput {
  kind: string;
  leadId?: string | null;
  payload: unknown;
  fields?: readonly string[];
}

export interface OutboxRepository {
  /** Run it in the same transaction as the optimistic local change (see Cache.transaction). */
  enqueue(input: EnqueueInput): Promise<OutboxEntry>;
  get(id: string): Promise<OutboxEntry | null>;
  /** Pending operations in delivery order. */
  listPending(limit?: number): Promise<OutboxEntry[]>;
  /** Permanently rejected operations, kept until the agent retries or discards them. */
  listFailed(): Promise<OutboxEntry[]>;
  /**
   * A transient failure: count it, remember why, and when to try again (null: at once).
   * `byProvider`: the provider answered with a failure (counts toward giving up).
   */
  recordAttemptFailure(id: string, error: string, retryAt: string | null, byProvider?: boolean): Promise<boolean>;
  /** A permanent rejection: the op leaves the delivery line but stays, with its reason. */
  markFailed(id: string, reason: string): Promise<boolean>;
  /** The provider confirmed it: the only way a pending op leaves the outbox. */
  confirm(id: string): Promise<boolean>;
  /** Puts a failed op back in line, in its original place. */
  retry(id: string): Promise<boolean>;
  /** The agent gave up on an op, pending or failed. */
  discard(id: string): Promise<boolean>;
  /** Lead id → fields with a queued (pending or failed) operation. */
  pendingFields(leadIds: readonly string[]): Promise<Map<string, Set<string>>>;
  counts(): Promise<{ pending: number; failed: number }>;
  /**
   * Every op with its seq, oldest first: what salvage carries into a fresh cache, possibly out
   * of a file an older version wrote (`schemaVersion` says which columns it has).
   */
  exportAll(schemaVersion?: number): Promise<OutboxEntry[]>;
  /** Re-inserts exported ops unchanged (same id, seq, attempts, state). */
  importAll(entries: readonly OutboxEntry[]): Promise<void>;
}

const ENTRY_COLUMNS = `
  o.seq, o.id, o.kind, o.lead_id, o.payload, o.state, o.attempts, o.last_error, o.next_attempt_at, o.created_at,
  o.provider_failures,
  (SELECT json_group_array(f.field) FROM outbox_fields f WHERE f.op_seq = o.seq) AS fields`;

interface EntryRow {
  seq: number;
  id: string;
  kind: string;
  lead_id: string | null;
  payload: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  provider_failures: number;
  fields: string;
}

const INSERT_OP = `
INSERT INTO outbox (seq, id, kind, lead_id, payload, state, attempts, last_error, next_attempt_at, created_at,
  provider_failures)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_FIELDS = `
INSERT INTO outbox_fields (op_seq, lead_id, field) SELECT ?1, ?2, value FROM json_each(?3) WHERE true
ON CONFLICT DO NOTHING`;

export function createOutboxRepository(db: Queryable): OutboxRepository {
  const get = async (id: string) => {
    const row = await db.get<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM outbox o WHERE o.id = ?`, [id]);
    return row ? toEntry(row) : null;
  };

  const changed = async (sql: string, params: Array<string | number | null>) => (await db.run(sql, params)).changes > 0;

  return {
    async enqueue(input) {
      const entry = {
        seq: null,
        id: randomUUID(),
        kind: input.kind,
        leadId: input.leadId ?? null,
        payload: input.payload,
        state: 'pending' as const,
        attempts: 0,
        lastError: null,
        nextAttemptAt: null,
        createdAt: new Date().toISOString(),
        fields: [...new Set(input.fields ?? [])],
        providerFailures: 0,
      };
      const seq = await insertEntry(db, entry);
      return { ...entry, seq };
    },
    get,
    async listPending(limit = 1000) {
      const rows = await db.all<EntryRow>(
        `SELECT ${ENTRY_COLUMNS} FROM outbox o WHERE o.state = 'pending' ORDER BY o.seq LIMIT ?`,
        [limit],
      );
      return rows.map(toEntry);
    },
    async listFailed() {
      const rows = await db.all<EntryRow>(
        `SELECT ${ENTRY_COLUMNS} FROM outbox o WHERE o.state = 'failed' ORDER BY o.seq`,
      );
      return rows.map(toEntry);
    },
    recordAttemptFailure: (id, error, retryAt, byProvider = false) =>
      changed(
        `UPDATE outbox SET attempts = attempts + 1, provider_failures = provider_failures + ?, last_error = ?,
           next_attempt_at = ? WHERE id = ? AND state = 'pending'`,
        [byProvider ? 1 : 0, error, retryAt, id],
      ),
    markFailed: (id, reason) =>
      changed(
        `UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?, next_attempt_at = NULL WHERE id = ?`,
        [reason, id],
      ),
    confirm: (id) => changed('DELETE FROM outbox WHERE id = ?', [id]),
    retry: (id) =>
      changed(
        `UPDATE outbox SET state = 'pending', next_attempt_at = NULL, provider_failures = 0 WHERE id = ? AND state = 'failed'`,
        [id],
      ),
    discard: (id) => changed('DELETE FROM outbox WHERE id = ?', [id]),
    async pendingFields(leadIds) {
      const fields = new Map<string, Set<string>>();
      if (leadIds.length === 0) return fields;
      const rows = await db.all<{ lead_id: string; field: string }>(
        'SELECT lead_id, field FROM outbox_fields WHERE lead_id IN (SELECT value FROM json_each(?))',
        [JSON.stringify(leadIds)],
      );
      for (const row of rows) {
        const set = fields.get(row.lead_id) ?? new Set<string>();
        set.add(row.field);
        fields.set(row.lead_id, set);
      }
      return fields;
    },
    async counts() {
      const row = await db.get<{ pending: number; failed: number }>(
        `SELECT count(*) FILTER (WHERE state = 'pending') AS pending, count(*) FILTER (WHERE state = 'failed') AS failed FROM outbox`,
      );
      return { pending: row?.pending ?? 0, failed: row?.failed ?? 0 };
    },
    async exportAll(schemaVersion) {
      // provider_failures arrived with schema 2; an older file's ops start the count afresh.
      const columns =
        schemaVersion !== undefined && schemaVersion < 2
          ? ENTRY_COLUMNS.replace('o.provider_failures', '0 AS provider_failures')
          : ENTRY_COLUMNS;
      const rows = await db.all<EntryRow>(`SELECT ${columns} FROM outbox o ORDER BY o.seq`);
      return rows.map(toEntry);
    },
    async importAll(entries) {
      await db.transaction(async (tx) => {
        for (const entry of entries) await insertEntry(tx, entry);
      });
    },
  };
}

/** One op and its field rows, together. `seq` null: the next number. */
function insertEntry(db: Queryable, entry: Omit<OutboxEntry, 'seq'> & { seq: number | null }): Promise<number> {
  return db.transaction(async (tx) => {
    if (entry.fields.length > 0 && !entry.leadId) {
      throw new CacheStorageError('misuse', `Outbox op "${entry.kind}" names lead fields but no lead.`);
    }
    const { lastId } = await tx.run(INSERT_OP, [
      entry.seq,
      entry.id,
      entry.kind,
      entry.leadId,
      serializePayload(entry.payload, entry.kind),
      entry.state,
      entry.attempts,
      entry.lastError,
      entry.nextAttemptAt,
      entry.createdAt,
      entry.providerFailures,
    ]);
    if (entry.fields.length > 0) await tx.run(INSERT_FIELDS, [lastId, entry.leadId, JSON.stringify(entry.fields)]);
    return lastId;
  });
}

function serializePayload(payload: unknown, kind: string): string {
  try {
    return JSON.stringify(payload) ?? 'null';
  } catch (error) {
    throw new CacheStorageError('misuse', `The payload of outbox op "${kind}" cannot be stored as JSON.`, {
      cause: error,
    });
  }
}

function toEntry(row: EntryRow): OutboxEntry {
  return {
    seq: row.seq,
    id: row.id,
    kind: row.kind,
    leadId: row.lead_id,
    payload: parseJsonColumn<unknown>(row.payload, 'an outbox payload'),
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    state: row.state,
    fields: parseJsonColumn<string[]>(row.fields, 'outbox fields'),
    nextAttemptAt: row.next_attempt_at,
    providerFailures: row.provider_failures,
  };
}
