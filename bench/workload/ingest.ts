import type { Activity, Note } from '../../src/shared/domain';
import type { Cache, LeadInput } from '../../src/core/cache';
import { openDatabase, type Database, type SqlValue } from '../../src/core/cache/driver';
import type { Dataset } from '../../src/sandbox';
import { elapsedMs } from '../lib/stats';
import { createNormalizer } from './normalize';
import { activityPages, leadPages, noteAnswers, type WirePage } from './wire-pages';

/**
 * Fills a cache from the dataset the way a sync does (wire page → client normalizers → one
 * repository transaction per page, inside cache.bulkWrite) and, when asked, writes the same normalized rows into a
 * bare scratch table with prepared INSERTs right after each page: the raw baseline, measured on
 * identical rows under identical conditions.
 */

export interface IngestSide {
  rows: number;
  /** Per page: measured time in ms. */
  pagesMs: number[];
}

export interface MeasuredIngest extends IngestSide {
  normalizeMs: number;
  writeMs: number;
}

export interface IngestPart {
  measured: MeasuredIngest;
  baseline: IngestSide | null;
}

export interface IngestResult {
  leads: IngestPart;
  activities: IngestPart;
  /** Notes loaded afterwards, untimed, so lead screens have some. */
  notes: number;
}

export interface IngestOptions {
  pageSize: number;
  /** Where to write the raw baseline; null: no baseline (populating only). */
  baselinePath: string | null;
  log: (line: string) => void;
}

export async function ingestDataset(dataset: Dataset, cache: Cache, options: IngestOptions): Promise<IngestResult> {
  const normalizer = createNormalizer(dataset);
  const baseline = options.baselinePath === null ? null : await RawBaseline.open(options.baselinePath);
  try {
    // The tag catalog comes first in a sync (FetchAllTags); untimed.
    await cache.tags.upsertMany(
      dataset.tags.map((tag) => ({ id: String(tag.id), title: tag.title, status: tag.status })),
    );

    const leads = await inBulkWrite(cache, () =>
      ingestPart(
        leadPages(dataset, options.pageSize),
        (page) => normalizer.leads(page),
        async (rows) => {
          await cache.leads.upsertPage(rows);
        },
        baseline && ((rows: LeadInput[]) => baseline.insert(RAW_LEADS_INSERT, rows.map(leadParams))),
      ),
    );
    options.log(`  leads: ${leads.measured.rows} rows`);

    const activities = await inBulkWrite(cache, () =>
      ingestPart(
        activityPages(dataset, options.pageSize),
        (page) => normalizer.activities(page),
        async (rows) => {
          await cache.activities.upsertPage(rows);
        },
        baseline && ((rows: Activity[]) => baseline.insert(RAW_ACTIVITIES_INSERT, rows.map(activityParams))),
      ),
    );
    options.log(`  activities: ${activities.measured.rows} rows`);

    let notes = 0;
    let batch: Note[] = [];
    for (const answer of noteAnswers(dataset)) {
      batch.push(...normalizer.notes(answer.leadId, answer.body));
      if (batch.length >= options.pageSize) {
        notes += await cache.notes.upsertRemotePage(batch);
        batch = [];
      }
    }
    notes += await cache.notes.upsertRemotePage(batch);
    return { leads, activities, notes };
  } finally {
    await baseline?.close();
  }
}

/**
 * Runs a part inside cache.bulkWrite, as a sync's pull does (WAL checkpoints deferred to its
 * end). The closing checkpoint is part of the cost of writing those rows: it is added to the
 * write time and to the last page.
 */
async function inBulkWrite(cache: Cache, run: () => Promise<IngestPart>): Promise<IngestPart> {
  let workEnded = 0n;
  const part = await cache.bulkWrite(async () => {
    const result = await run();
    workEnded = process.hrtime.bigint();
    return result;
  });
  const closingMs = elapsedMs(workEnded);
  const { measured } = part;
  measured.writeMs += closingMs;
  const last = measured.pagesMs.length - 1;
  if (last >= 0) measured.pagesMs[last] = (measured.pagesMs[last] ?? 0) + closingMs;
  return part;
}

async function ingestPart<T>(
  pages: Iterable<WirePage>,
  normalize: (page: WirePage) => T[],
  write: (rows: T[]) => Promise<void>,
  writeBaseline: ((rows: T[]) => Promise<number>) | null,
): Promise<IngestPart> {
  const measured: MeasuredIngest = { rows: 0, pagesMs: [], normalizeMs: 0, writeMs: 0 };
  const raw: IngestSide | null = writeBaseline ? { rows: 0, pagesMs: [] } : null;
  for (const page of pages) {
    const start = process.hrtime.bigint();
    const rows = normalize(page);
    const normalized = process.hrtime.bigint();
    await write(rows);
    const written = process.hrtime.bigint();
    measured.rows += rows.length;
    measured.normalizeMs += elapsedMs(start, normalized);
    measured.writeMs += elapsedMs(normalized, written);
    measured.pagesMs.push(elapsedMs(start, written));
    if (writeBaseline && raw) {
      raw.pagesMs.push(await writeBaseline(rows));
      raw.rows += rows.length;
    }
  }
  return { measured, baseline: raw };
}

/** The columns a normalized lead fills, as a bare table: no key, no index, no FTS. */
const RAW_LEAD_COLUMNS = [
  'id',
  'provider',
  'first_name',
  'last_name',
  'email',
  'phone',
  'mobile',
  'company',
  'website',
  'city',
  'state',
  'zip',
  'address',
  'country_code',
  'custom_fields',
  'unsubscribed',
  'tags',
  'group_ids',
];
/** The cache's activities columns, as a bare table. */
const RAW_ACTIVITY_COLUMNS = [
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
];

const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
const RAW_LEADS_INSERT = insertSql('raw_leads', RAW_LEAD_COLUMNS);
const RAW_ACTIVITIES_INSERT = insertSql('raw_activities', RAW_ACTIVITY_COLUMNS);

function leadParams(lead: LeadInput): SqlValue[] {
  return [
    lead.id,
    lead.provider,
    lead.firstName,
    lead.lastName,
    lead.email,
    lead.phone,
    lead.mobile,
    lead.company,
    lead.website,
    lead.city,
    lead.state,
    lead.zip,
    lead.address,
    lead.countryCode,
    JSON.stringify(lead.customFields),
    lead.unsubscribed ? 1 : 0,
    JSON.stringify(lead.tags),
    JSON.stringify(lead.groupIds),
  ];
}

function activityParams(activity: Activity): SqlValue[] {
  return [
    activity.kind,
    activity.id,
    activity.leadId,
    activity.direction,
    activity.at,
    Date.parse(activity.at),
    activity.durationSec,
    activity.status,
    activity.from,
    activity.to,
    activity.text,
    activity.recordingUrl,
    activity.turns && activity.turns.length > 0 ? JSON.stringify(activity.turns) : null,
  ];
}

/**
 * The raw bulk insert: a separate scratch file opened through the cache's driver (same pragmas:
 * WAL, synchronous NORMAL), one transaction per page, one prepared INSERT run per row. The runs
 * of a page are issued together so the driver pipelines them on its thread instead of waiting
 * for a round trip per row: the fastest plain-INSERT rate this driver offers.
 */
class RawBaseline {
  private constructor(private readonly db: Database) {}

  static async open(path: string): Promise<RawBaseline> {
    const db = await openDatabase(path);
    await db.exec(
      `CREATE TABLE raw_leads (${RAW_LEAD_COLUMNS.join(', ')});
       CREATE TABLE raw_activities (${RAW_ACTIVITY_COLUMNS.join(', ')});`,
    );
    return new RawBaseline(db);
  }

  /** Returns the page's time in ms (parameters are built before the clock starts). */
  async insert(sql: string, rows: SqlValue[][]): Promise<number> {
    const start = process.hrtime.bigint();
    await this.db.transaction(async (tx) => {
      const statement = tx.prepare(sql);
      await Promise.all(rows.map((row) => statement.run(row)));
    });
    return elapsedMs(start);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
