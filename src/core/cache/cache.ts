import type { Activity, Lead, Note } from '../../shared/domain';
import type { Database } from './driver';
import { checkIntegrity, type IntegrityMode, type IntegrityReport } from './integrity';
import { createRepositories, type CacheRepositories } from './repositories';
import { DEFAULT_TIMELINE_LIMIT } from './repositories/activities';
import { fieldsTouchedBy, type LeadPatch } from './repositories/lead-patch';
import { DEFAULT_NOTE_LIMIT, type LocalNoteInput } from './repositories/notes';
import type { OutboxEntry } from './repositories/outbox';

/** Set when openCache found the file damaged and started a fresh one. */
export interface CacheRecovery {
  /** Where the damaged file now is (never deleted). */
  movedTo: string;
  reason: string;
  /** Queued agent writes carried over into the fresh cache. */
  outboxOps: number;
  localNotes: number;
}

/** Everything the lead screen shows, read in one go (the CLI's `lead` shape). */
export interface LeadView {
  lead: Lead;
  notes: Note[];
  /** Newest first. */
  timeline: Activity[];
}

export interface OutboxOpInput {
  kind: string;
  payload: unknown;
}

export interface Cache extends CacheRepositories {
  readonly path: string;
  readonly schemaVersion: number;
  readonly recovery: CacheRecovery | null;
  /**
   * Runs `work` against repositories bound to one transaction: everything it writes commits
   * together or not at all. Use only the repositories passed in; the cache's own would wait
   * for this transaction to end (and refuse, to make the mistake loud).
   */
  transaction<T>(work: (tx: CacheRepositories) => Promise<T>): Promise<T>;
  /**
   * For many page writes in a row (a sync's pull, a bulk import): runs `work` with the WAL's
   * checkpoints deferred to its end, which makes page commits much cheaper (see driver.ts).
   * Each page is still its own transaction, as durable and crash-safe as outside it.
   */
  bulkWrite<T>(work: () => Promise<T>): Promise<T>;
  openLead(leadId: string, options?: { timelineLimit?: number; noteLimit?: number }): Promise<LeadView | null>;
  /** The optimistic change and its outbox op, in one transaction; the op protects the fields it touches. */
  changeLead(leadId: string, patch: LeadPatch, op: OutboxOpInput): Promise<{ lead: Lead; op: OutboxEntry }>;
  /** A local note and its outbox op, in one transaction. The op payload gets the note's fields. */
  addLocalNote(
    input: LocalNoteInput,
    op: { kind: string; payload?: Record<string, unknown> },
  ): Promise<{
    note: Note;
    op: OutboxEntry;
  }>;
  checkIntegrity(mode?: IntegrityMode): Promise<IntegrityReport>;
  close(): Promise<void>;
}

export function createCache(db: Database, schemaVersion: number, recovery: CacheRecovery | null): Cache {
  const repositories = createRepositories(db);
  const transaction = <T>(work: (tx: CacheRepositories) => Promise<T>) =>
    db.transaction((tx) => work(createRepositories(tx)));

  return {
    ...repositories,
    path: db.path,
    schemaVersion,
    recovery,
    transaction,
    bulkWrite: (work) => db.bulkWrite(work),

    async openLead(leadId, options = {}) {
      // Three independent reads issued together: the driver overlaps them on the connection.
      const [lead, notes, timeline] = await Promise.all([
        repositories.leads.get(leadId),
        repositories.notes.listForLead(leadId, options.noteLimit ?? DEFAULT_NOTE_LIMIT),
        repositories.activities.timeline(leadId, { limit: options.timelineLimit ?? DEFAULT_TIMELINE_LIMIT }),
      ]);
      return lead ? { lead, notes, timeline } : null;
    },

    changeLead: (leadId, patch, op) =>
      transaction(async (tx) => {
        const lead = await tx.leads.applyLocalPatch(leadId, patch);
        const entry = await tx.outbox.enqueue({ ...op, leadId, fields: fieldsTouchedBy(patch) });
        return { lead, op: entry };
      }),

    addLocalNote: (input, op) =>
      transaction(async (tx) => {
        const note = await tx.notes.addLocal(input);
        const payload = { localNoteId: note.id, leadId: note.leadId, text: note.text, kind: note.kind, at: note.at };
        const entry = await tx.outbox.enqueue({
          kind: op.kind,
          leadId: note.leadId,
          payload: { ...payload, ...op.payload },
        });
        return { note, op: entry };
      }),

    checkIntegrity: (mode) => checkIntegrity(db, mode),

    async close() {
      // Keeps the planner's statistics fresh; SQLite recommends it before closing a connection.
      if (!db.readonly) await db.exec('PRAGMA optimize').catch(() => undefined);
      await db.close();
    },
  };
}
