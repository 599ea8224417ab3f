import { randomUUID } from 'node:crypto';
import type { Note } from '../../../shared/domain';
import type { Queryable } from '../driver';
import { toEpochMs } from './time';

export interface LocalNoteInput {
  leadId: string;
  text: string;
  kind?: string;
  /** Defaults to now. */
  at?: string;
}

export interface NotesRepository {
  /** Pulled notes: stored as remote and synced. Local notes are never touched by a pull. */
  upsertRemotePage(notes: readonly Note[]): Promise<number>;
  /** A note the agent wrote: origin local, pending until the provider confirms it. */
  addLocal(input: LocalNoteInput): Promise<Note>;
  /**
   * The provider stored a local note: the local row is replaced by the provider's note in one
   * step (or just marked synced when the provider returned no note of its own).
   */
  confirmLocal(localId: string, remote?: Note): Promise<void>;
  setSyncState(id: string, syncState: Note['syncState']): Promise<boolean>;
  /** Newest first. */
  listForLead(leadId: string, limit?: number): Promise<Note[]>;
  /** Local notes not yet confirmed, oldest first (salvage carries these over). */
  listUnconfirmedLocal(): Promise<Note[]>;
  restore(notes: readonly Note[]): Promise<void>;
}

const COLUMNS = 'id, lead_id, text, kind, at, origin, sync_state';

const UPSERT = `
INSERT INTO notes (id, lead_id, text, kind, at, at_ms, origin, sync_state)
SELECT p.value ->> 'id', p.value ->> 'leadId', p.value ->> 'text', p.value ->> 'kind', p.value ->> 'at',
       p.value ->> 'atMs', p.value ->> 'origin', p.value ->> 'syncState'
FROM json_each(?1) AS p WHERE true
ON CONFLICT (id) DO UPDATE SET
  lead_id = excluded.lead_id, text = excluded.text, kind = excluded.kind, at = excluded.at,
  at_ms = excluded.at_ms, origin = excluded.origin, sync_state = excluded.sync_state`;

/** A pulled note never lands on top of a local one that happens to share its id. */
const UPSERT_REMOTE = `${UPSERT} WHERE notes.origin = 'remote'`;

interface NoteRow {
  id: string;
  lead_id: string;
  text: string;
  kind: string;
  at: string;
  origin: Note['origin'];
  sync_state: Note['syncState'];
}

export const DEFAULT_NOTE_LIMIT = 200;

export function createNotesRepository(db: Queryable): NotesRepository {
  return {
    // One statement: atomic on its own.
    upsertRemotePage: (notes) => writeNotes(db, UPSERT_REMOTE, notes.map(asSyncedRemote)),
    async addLocal(input) {
      const note: Note = {
        id: `local-${randomUUID()}`,
        leadId: input.leadId,
        text: input.text,
        kind: input.kind ?? 'note',
        at: input.at ?? new Date().toISOString(),
        origin: 'local',
        syncState: 'pending',
      };
      await writeNotes(db, UPSERT, [note]);
      return note;
    },
    confirmLocal: (localId, remote) =>
      db.transaction(async (tx) => {
        if (!remote) {
          await tx.run(`UPDATE notes SET sync_state = 'synced' WHERE id = ?`, [localId]);
          return;
        }
        await tx.run('DELETE FROM notes WHERE id = ?', [localId]);
        await writeNotes(tx, UPSERT, [asSyncedRemote(remote)]);
      }),
    async setSyncState(id, syncState) {
      return (await db.run('UPDATE notes SET sync_state = ? WHERE id = ?', [syncState, id])).changes > 0;
    },
    async listForLead(leadId, limit = DEFAULT_NOTE_LIMIT) {
      const rows = await db.all<NoteRow>(
        `SELECT ${COLUMNS} FROM notes WHERE lead_id = ? ORDER BY at_ms DESC, id LIMIT ?`,
        [leadId, limit],
      );
      return rows.map(toNote);
    },
    async listUnconfirmedLocal() {
      const rows = await db.all<NoteRow>(
        `SELECT ${COLUMNS} FROM notes WHERE origin = 'local' AND sync_state <> 'synced' ORDER BY at_ms, id`,
      );
      return rows.map(toNote);
    },
    async restore(notes) {
      await writeNotes(db, UPSERT, notes);
    },
  };
}

async function writeNotes(db: Queryable, sql: string, notes: readonly Note[]): Promise<number> {
  if (notes.length === 0) return 0;
  await db.run(sql, [JSON.stringify(notes.map(toPageRow))]);
  return notes.length;
}

function asSyncedRemote(note: Note): Note {
  return { ...note, origin: 'remote', syncState: 'synced' };
}

function toPageRow(note: Note) {
  return { ...note, atMs: toEpochMs(note.at, `Note ${note.id}`) };
}

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    leadId: row.lead_id,
    text: row.text,
    kind: row.kind,
    at: row.at,
    origin: row.origin,
    syncState: row.sync_state,
  };
}
