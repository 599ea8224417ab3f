import type { Activity, TranscriptTurn } from '../../../shared/domain';
import type { Queryable } from '../driver';
import { parseJsonColumn } from './json-column';
import { toEpochMs } from './time';

export interface TimelineOptions {
  limit?: number;
  /** Only activities strictly older than this time (UTC ISO-8601): the next page of a long history. */
  before?: string;
}

export interface ActivitiesRepository {
  /**
   * Writes a pulled page of calls, SMS, RVM drops, notes and transcripts in one transaction,
   * and moves each lead's last-touch and last-call times forward for the agent queue.
   */
  upsertPage(activities: readonly Activity[]): Promise<number>;
  /** A lead's history, newest first. */
  timeline(leadId: string, options?: TimelineOptions): Promise<Activity[]>;
  count(): Promise<number>;
}

export const DEFAULT_TIMELINE_LIMIT = 200;

/** Rows travel as JSON arrays in this column order (see lead-writer.ts for why arrays). */
const PAGE_COLUMNS = [
  'kind',
  'id',
  'lead_id',
  'direction',
  'at',
  'at_ms',
  'duration_sec',
  'status',
  'from_number',
  'to_number',
  'text',
  'recording_url',
  'turns',
  'agent_id',
  'agent_name',
  'disposition',
  'recording_expires_at',
] as const;

/**
 * A list page often knows less than the detail read before it (Callingly's list rows carry no
 * agent): what a later, thinner row leaves out is kept, not blanked.
 */
const KEPT_WHEN_ABSENT = new Set<string>(['agent_id', 'agent_name', 'disposition']);

const UPSERT = `
INSERT INTO activities (${PAGE_COLUMNS.join(', ')})
SELECT ${PAGE_COLUMNS.map((_, index) => `value ->> ${index}`).join(', ')} FROM json_each(?1) WHERE true
ON CONFLICT (kind, id) DO UPDATE SET
  ${PAGE_COLUMNS.slice(2)
    .map((column) =>
      KEPT_WHEN_ABSENT.has(column)
        ? `${column} = coalesce(excluded.${column}, activities.${column})`
        : `${column} = excluded.${column}`,
    )
    .join(', ')}`;

/**
 * Only ever moves forward: pages arrive in any order, and an old page must not un-touch a lead.
 * ?1 holds [leadId, latest activity ms, latest call ms or null] per lead of the page.
 */
const TOUCH_LEADS = `
UPDATE leads SET
  last_touch_ms = max(coalesce(leads.last_touch_ms, 0), t.value ->> 1),
  last_call_ms = CASE WHEN t.value ->> 2 IS NULL THEN leads.last_call_ms
                      ELSE max(coalesce(leads.last_call_ms, 0), t.value ->> 2) END
FROM json_each(?1) AS t
WHERE leads.id = t.value ->> 0`;

const COLUMNS = `kind, id, lead_id, direction, at, duration_sec, status, from_number, to_number, text, recording_url, turns,
  agent_id, agent_name, disposition, recording_expires_at`;

interface ActivityRow {
  kind: Activity['kind'];
  id: string;
  lead_id: string;
  direction: 'inbound' | 'outbound' | null;
  at: string;
  duration_sec: number | null;
  status: string;
  from_number: string;
  to_number: string;
  text: string | null;
  recording_url: string | null;
  turns: string | null;
  agent_id: string | null;
  agent_name: string | null;
  disposition: string | null;
  recording_expires_at: string | null;
}

export function createActivitiesRepository(db: Queryable): ActivitiesRepository {
  return {
    async upsertPage(activities) {
      if (activities.length === 0) return 0;
      const rows = activities.map(toPageRow);
      await db.transaction(async (tx) => {
        await tx.run(UPSERT, [JSON.stringify(rows)]);
        await tx.run(TOUCH_LEADS, [JSON.stringify(latestTouches(rows))]);
      });
      return activities.length;
    },
    async timeline(leadId, options = {}) {
      const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_TIMELINE_LIMIT));
      const rows =
        options.before === undefined
          ? await db.all<ActivityRow>(
              `SELECT ${COLUMNS} FROM activities WHERE lead_id = ? ORDER BY at_ms DESC, kind, id LIMIT ?`,
              [leadId, limit],
            )
          : await db.all<ActivityRow>(
              `SELECT ${COLUMNS} FROM activities WHERE lead_id = ? AND at_ms < ? ORDER BY at_ms DESC, kind, id LIMIT ?`,
              [leadId, toEpochMs(options.before, 'The timeline cursor'), limit],
            );
      return rows.map(toActivity);
    },
    async count() {
      const row = await db.get<{ n: number }>('SELECT count(*) AS n FROM activities');
      return row?.n ?? 0;
    },
  };
}

type PageRow = [
  kind: string,
  id: string,
  leadId: string,
  direction: string | null,
  at: string,
  atMs: number,
  durationSec: number | null,
  status: string,
  from: string,
  to: string,
  text: string | null,
  recordingUrl: string | null,
  turns: string | null,
  agentId: string | null,
  agentName: string | null,
  disposition: string | null,
  recordingExpiresAt: string | null,
];

function toPageRow(activity: Activity): PageRow {
  return [
    activity.kind,
    activity.id,
    activity.leadId,
    activity.direction,
    activity.at,
    toEpochMs(activity.at, `Activity ${activity.kind} ${activity.id}`),
    activity.durationSec,
    activity.status,
    activity.from,
    activity.to,
    activity.text,
    activity.recordingUrl,
    activity.turns && activity.turns.length > 0 ? JSON.stringify(activity.turns) : null,
    activity.agentId ?? null,
    activity.agentName ?? null,
    activity.disposition ?? null,
    activity.recordingExpiresAt ?? null,
  ];
}

/** Per lead of the page: [leadId, latest activity ms, latest call ms or null]. */
function latestTouches(rows: readonly PageRow[]): Array<[string, number, number | null]> {
  const byLead = new Map<string, [string, number, number | null]>();
  for (const [kind, , leadId, , , atMs] of rows) {
    const touch = byLead.get(leadId) ?? [leadId, atMs, null];
    touch[1] = Math.max(touch[1], atMs);
    if (kind === 'call') touch[2] = Math.max(touch[2] ?? atMs, atMs);
    byLead.set(leadId, touch);
  }
  return [...byLead.values()];
}

function toActivity(row: ActivityRow): Activity {
  const activity: Activity = {
    id: row.id,
    leadId: row.lead_id,
    kind: row.kind,
    direction: row.direction,
    at: row.at,
    durationSec: row.duration_sec,
    status: row.status,
    from: row.from_number,
    to: row.to_number,
    text: row.text,
    recordingUrl: row.recording_url,
  };
  if (row.turns !== null) activity.turns = parseJsonColumn<TranscriptTurn[]>(row.turns, 'transcript turns');
  // Absent rather than null where the provider never says, so Hot Prospector's rows keep their shape.
  if (row.agent_id !== null) activity.agentId = row.agent_id;
  if (row.agent_name !== null) activity.agentName = row.agent_name;
  if (row.disposition !== null) activity.disposition = row.disposition;
  if (row.recording_expires_at !== null) activity.recordingExpiresAt = row.recording_expires_at;
  return activity;
}
