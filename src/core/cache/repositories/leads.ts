import type { Lead } from '../../../shared/domain';
import { CallsideError } from '../../../shared/errors';
import type { Queryable } from '../driver';
import { applyLeadPatch, keepPendingFields, type LeadPatch } from './lead-patch';
import { buildLeadListQuery, type LeadListQuery } from './lead-query';
import { LEAD_COLUMNS, toLead, toListedLead, type LeadRow, type ListedLead, type ListedLeadRow } from './lead-rows';
import { writeLeads, type LeadInput } from './lead-writer';
import { createOutboxRepository } from './outbox';

export interface LeadPageResult {
  written: number;
  /** Leads whose pulled values were partly kept back because the agent has queued changes. */
  protectedLeads: number;
}

export interface LeadsRepository {
  /**
   * Writes a pulled page in one transaction (nested as a savepoint inside a caller's). Fields
   * with a queued outbox operation keep their local value: a pull never undoes the agent's
   * change before the provider has it.
   */
  upsertPage(leads: readonly LeadInput[]): Promise<LeadPageResult>;
  get(id: string): Promise<Lead | null>;
  /** The leads that exist, in the order asked for. */
  getMany(ids: readonly string[]): Promise<Lead[]>;
  /** Leads with when they were last touched and how many calls they had (what a queue row shows). */
  list(query?: LeadListQuery): Promise<ListedLead[]>;
  count(): Promise<number>;
  /**
   * The optimistic local change. Pair it with outbox.enqueue in one transaction (or use
   * Cache.changeLead, which does both). Throws not_found for a lead the cache does not hold.
   */
  applyLocalPatch(id: string, patch: LeadPatch): Promise<Lead>;
  /** Removes leads with their tags, groups, phone and search entries. */
  remove(ids: readonly string[]): Promise<number>;
  /**
   * After a complete pass over the provider's groups: removes, in one transaction, every lead
   * with no membership in any of `groupIds` (the provider lists it nowhere), except leads with
   * a queued (pending or failed) outbox op and leads whose id starts with `keepIdPrefix`
   * (created here, not yet confirmed). Their synced notes and their activities go too (those
   * tables have no foreign key to leads). Set-based; returns the ids removed.
   */
  removeAbsent(input: { groupIds: readonly string[]; keepIdPrefix: string }): Promise<string[]>;
}

/**
 * Leads no group of ?1 lists, with no queued op, not local (?2: the local id prefix). Both IN
 * lists are built once, not per lead. The unary + on group_id keeps the membership probe on
 * the primary key (the lead's own few rows) instead of one index search per listed group and
 * lead: ~0.1 s instead of ~1 s over 100k leads in 50 groups.
 */
const ABSENT_LEADS = `
SELECT l.id FROM leads l
WHERE substr(l.id, 1, length(?2)) <> ?2
  AND l.id NOT IN (SELECT lead_id FROM outbox WHERE lead_id IS NOT NULL)
  AND NOT EXISTS (
    SELECT 1 FROM group_memberships m
    WHERE m.lead_id = l.id AND +m.group_id IN (SELECT value FROM json_each(?1))
  )`;

export function createLeadsRepository(db: Queryable): LeadsRepository {
  const getMany = async (ids: readonly string[]) => {
    if (ids.length === 0) return [];
    const rows = await db.all<LeadRow>(
      `SELECT ${LEAD_COLUMNS} FROM leads l WHERE l.id IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(ids)],
    );
    const byId = new Map(rows.map((row) => [row.id, toLead(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };

  return {
    upsertPage: (leads) =>
      db.transaction(async (tx) => {
        const pending = await createOutboxRepository(tx).pendingFields(leads.map((lead) => lead.id));
        let page = leads;
        if (pending.size > 0) {
          const local = new Map((await createLeadsRepository(tx).getMany([...pending.keys()])).map((l) => [l.id, l]));
          page = leads.map((pulled) => {
            const fields = pending.get(pulled.id);
            const current = local.get(pulled.id);
            return fields && current ? keepPendingFields(pulled, current, fields) : pulled;
          });
        }
        await writeLeads(tx, page, Date.now());
        return { written: leads.length, protectedLeads: leads.filter((lead) => pending.has(lead.id)).length };
      }),

    async get(id) {
      const row = await db.get<LeadRow>(`SELECT ${LEAD_COLUMNS} FROM leads l WHERE l.id = ?`, [id]);
      return row ? toLead(row) : null;
    },

    getMany,

    async list(query = {}) {
      const statement = buildLeadListQuery(query);
      if (!statement) return [];
      const rows = await db.all<ListedLeadRow>(statement.sql, statement.params);
      return rows.map(toListedLead);
    },

    async count() {
      const row = await db.get<{ n: number }>('SELECT count(*) AS n FROM leads');
      return row?.n ?? 0;
    },

    applyLocalPatch: (id, patch) =>
      db.transaction(async (tx) => {
        const current = await createLeadsRepository(tx).get(id);
        if (!current) throw new CallsideError('not_found', `Lead ${id} is not in the cache.`);
        const next = applyLeadPatch(current, patch);
        await writeLeads(tx, [next], Date.now());
        return next;
      }),

    async remove(ids) {
      if (ids.length === 0) return 0;
      const result = await db.run('DELETE FROM leads WHERE id IN (SELECT value FROM json_each(?))', [
        JSON.stringify(ids),
      ]);
      return result.changes;
    },

    removeAbsent: ({ groupIds, keepIdPrefix }) =>
      db.transaction(async (tx) => {
        if (keepIdPrefix === '') throw new CallsideError('internal', 'removeAbsent needs the local lead id prefix.');
        const rows = await tx.all<{ id: string }>(ABSENT_LEADS, [JSON.stringify(groupIds), keepIdPrefix]);
        if (rows.length === 0) return [];
        const ids = JSON.stringify(rows.map((row) => row.id));
        await tx.run('DELETE FROM activities WHERE lead_id IN (SELECT value FROM json_each(?))', [ids]);
        // A local note not yet confirmed belongs to a queued op (such a lead is not absent anyway).
        await tx.run("DELETE FROM notes WHERE sync_state = 'synced' AND lead_id IN (SELECT value FROM json_each(?))", [
          ids,
        ]);
        // Tags, memberships and the search entry follow by cascade and trigger.
        await tx.run('DELETE FROM leads WHERE id IN (SELECT value FROM json_each(?))', [ids]);
        return rows.map((row) => row.id);
      }),
  };
}
