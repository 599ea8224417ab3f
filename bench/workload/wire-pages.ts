import { HotProspectorState, type Dataset, type SbLead, type SbRvm } from '../../src/sandbox';
import { formatLogTime, formatSqlTime } from '../../src/sandbox/hotprospector/time';
import {
  callRow,
  leadName,
  leadRow,
  pageFields,
  smsRow,
  voiceFileUrl,
  wirePhone,
} from '../../src/sandbox/hotprospector/wire';

/**
 * Answers as the sandbox would send them during a sync, one page at a time, built with the
 * sandbox's own wire renderers (V2 spellings: E.164 numbers, custom fields as objects). Pages
 * are built lazily so 500k rows never sit in memory twice; building them is never timed.
 */

export type WireKind = 'leads' | 'calls' | 'sms' | 'rvm';

export interface WirePage {
  kind: WireKind;
  /** The decoded JSON body of one answer. */
  body: Record<string, unknown>;
  rows: number;
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** SearchByUserInput pages over the whole list, each lead once with all its groups. */
export function* leadPages(dataset: Dataset, pageSize: number): Generator<WirePage> {
  for (const page of chunks(dataset.leads, pageSize)) {
    const rows = page.map((lead) => leadRow(lead, { groupId: lead.groupIds.join(','), customStyle: 'object' }));
    yield { kind: 'leads', body: { response: 'true', Results: rows }, rows: rows.length };
  }
}

/**
 * Account-wide logs, newest first, limit/offset paged as FetchUserCallLog and FetchUserSMSLogs
 * answer; RVM drops in FetchLeadRVMLogs rows (the only Method that lists them).
 */
export function* activityPages(dataset: Dataset, pageSize: number): Generator<WirePage> {
  const state = new HotProspectorState(dataset);
  const zone = dataset.timeZone;

  const calls = [...dataset.calls].reverse();
  let offset = 0;
  for (const page of chunks(calls, pageSize)) {
    const results = page.map((call) => callRow(call, state, zone, 'e164'));
    yield {
      kind: 'calls',
      body: {
        response: 'true',
        Results: results,
        ...pageFields(calls.length, page.length, pageSize, offset),
        message: `There are ${calls.length} Call(s)`,
      },
      rows: page.length,
    };
    offset += page.length;
  }

  const sms = [...dataset.sms].reverse();
  offset = 0;
  for (const page of chunks(sms, pageSize)) {
    const results = page.map((row) => smsRow(row, state.lead(row.leadId), zone, 'e164', true));
    yield {
      kind: 'sms',
      body: { response: 'true', Results: results, ...pageFields(sms.length, page.length, pageSize, offset) },
      rows: page.length,
    };
    offset += page.length;
  }

  const rvm = [...dataset.rvm].reverse();
  for (const page of chunks(rvm, pageSize)) {
    const results = page.map((row) => rvmRow(row, state.lead(row.leadId), state, zone));
    yield { kind: 'rvm', body: { response: 'true', Results: results }, rows: page.length };
  }
}

/** The FetchLeadRVMLogs row (V2 spelling), as src/sandbox/hotprospector/methods/lead-logs.ts renders it. */
function rvmRow(rvm: SbRvm, lead: SbLead | undefined, state: HotProspectorState, zone: string) {
  return {
    leadId: String(rvm.leadId),
    lead_Name: leadName(lead),
    from_number: wirePhone(rvm.accountNumber, 'e164'),
    to_number: wirePhone(lead?.dial ?? '', 'e164'),
    group: state.group(rvm.groupId)?.title ?? '',
    dated: formatLogTime(rvm.at, zone),
    voice_file: voiceFileUrl(rvm.id),
    duration: String(rvm.durationSec),
    vmId: String(rvm.id),
  };
}

/** FetchLeadNotes answers (V2 spelling), one per lead that has notes. */
export function* noteAnswers(dataset: Dataset): Generator<{ leadId: string; body: Record<string, unknown> }> {
  const byLead = new Map<number, Dataset['notes']>();
  for (const note of dataset.notes) {
    const list = byLead.get(note.leadId);
    if (list) list.push(note);
    else byLead.set(note.leadId, [note]);
  }
  for (const [leadId, notes] of byLead) {
    yield {
      leadId: String(leadId),
      body: {
        response: 'true',
        message: `${notes.length} note(s) found`,
        notes: notes.map((n) => ({
          notesId: n.id,
          note: n.text,
          type: n.type,
          added_by: n.addedBy,
          dated: formatSqlTime(n.at, dataset.timeZone),
        })),
      },
    };
  }
}
