import type { Note } from '../../../../shared/domain';
import type { ReadContext } from './context';
import { listUnder, type WireRecord } from './record';

/**
 * FetchLeadNotes: the id is `noteId` in V1 and `notesId` in V2. The rows do not repeat the lead
 * id, so it comes from the request. A note without a date gets `at: ""` (time unknown), which
 * sorts last in a newest-first timeline instead of inventing a time.
 */
export function readNotes(answer: WireRecord, leadId: string, ctx: ReadContext): Note[] {
  return listUnder(answer, ['notes', 'note', 'data', 'Results']).map((row) => ({
    id: row.id(['noteId', 'notesId', 'NoteId', 'id']),
    leadId,
    text: row.text(['note', 'notes', 'text']),
    kind: row.text(['type', 'kind']),
    at: row.dateTime(['dated', 'date', 'created_at'], ctx.timezone) ?? '',
    origin: 'remote',
    syncState: 'synced',
  }));
}
