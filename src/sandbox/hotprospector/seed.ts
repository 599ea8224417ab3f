import { DEFAULT_TIMEZONE } from '../../shared/domain';
import { fixtureActivities, randomActivities, randomNotes } from './seed-activities';
import { makeCustomFields } from './seed-catalog';
import { createSeedContext } from './seed-context';
import { FIXTURE_LEADS, type FixtureLead } from './seed-fixtures';
import { FIRST_LEAD_ID, fixtureLead, randomLead } from './seed-leads';
import type { Dataset, SbCall, SbFixtureIds, SbLead, SbNote, SbRvm, SbSms } from './types';

/**
 * The pure demo-data generator: same options, same dataset, byte for byte. It is also what the
 * benchmarks use to build 100k leads / 500k activity rows, so the hot loops avoid per-row date
 * libraries and string formatting (times stay epoch ms until a response renders them).
 */

export interface DatasetOptions {
  seed?: number;
  leads?: number;
  /** Total call + SMS + RVM rows. Wins over activitiesPerLead. */
  activities?: number;
  /** Average call + SMS + RVM rows per lead when `activities` is not given. */
  activitiesPerLead?: number;
  /** End of the activity window; defaults to the current time. */
  now?: Date | number;
  /** Length of the activity window in days. */
  days?: number;
  /** Zone of the account's wall-clock times. */
  timeZone?: string;
}

export const DATASET_DEFAULTS = {
  seed: 1,
  leads: 500,
  activitiesPerLead: 12,
  days: 60,
  timeZone: DEFAULT_TIMEZONE,
} as const;

export { FIRST_LEAD_ID };
const FIRST_CALL_ID = 900_001;
const FIRST_SMS_ID = 29_898_601;
const FIRST_RVM_ID = 100_001;

export function generateDataset(options: DatasetOptions = {}): Dataset {
  const seed = options.seed ?? DATASET_DEFAULTS.seed;
  const leadCount = Math.max(0, Math.floor(options.leads ?? DATASET_DEFAULTS.leads));
  const days = Math.max(1, Math.floor(options.days ?? DATASET_DEFAULTS.days));
  const timeZone = options.timeZone ?? DATASET_DEFAULTS.timeZone;
  const nowOption = options.now ?? Date.now();
  const now = typeof nowOption === 'number' ? nowOption : nowOption.getTime();
  const activityCount = Math.max(
    0,
    Math.floor(options.activities ?? leadCount * (options.activitiesPerLead ?? DATASET_DEFAULTS.activitiesPerLead)),
  );

  const ctx = createSeedContext(seed, now, days, timeZone);

  const leads = new Array<SbLead>(leadCount);
  const fixtureCount = Math.min(leadCount, FIXTURE_LEADS.length);
  for (let i = 0; i < fixtureCount; i++) leads[i] = fixtureLead(ctx, i, FIXTURE_LEADS[i] as FixtureLead);
  for (let i = fixtureCount; i < leadCount; i++) leads[i] = randomLead(ctx, i);

  const calls: SbCall[] = [];
  const sms: SbSms[] = [];
  const rvm: SbRvm[] = [];
  const notes: SbNote[] = [];
  for (let i = 0; i < fixtureCount; i++) {
    fixtureActivities(ctx, leads[i] as SbLead, FIXTURE_LEADS[i] as FixtureLead, calls, sms, notes);
  }
  randomActivities(ctx, leads, activityCount, calls, sms, rvm);
  randomNotes(ctx, leads, fixtureCount, notes);

  // Ids ascend with time, as auto-increment ids do for rows inserted as events happen.
  sortAndNumber(calls, FIRST_CALL_ID);
  sortAndNumber(sms, FIRST_SMS_ID);
  sortAndNumber(rvm, FIRST_RVM_ID);
  sortAndNumber(notes, 1);

  return {
    seed,
    now,
    timeZone,
    days,
    tags: ctx.tags,
    groups: ctx.groups,
    customFields: makeCustomFields(),
    leads,
    calls,
    sms,
    rvm,
    notes,
    members: ctx.members,
    campaigns: ctx.campaigns,
    dispositions: ctx.dispositions,
    numbers: ctx.numbers,
    credits: 2500,
    memberLimit: 10,
    fixtures: fixtureIds(leads, fixtureCount),
  };
}

function fixtureIds(leads: SbLead[], fixtureCount: number): SbFixtureIds {
  const ids: SbFixtureIds = {
    xssLeadId: null,
    xssLeadIds: [],
    unparseablePhoneLeadId: null,
    nonAsciiLeadIds: [],
    recentCallerLeadId: null,
  };
  for (let i = 0; i < fixtureCount; i++) {
    const id = (leads[i] as SbLead).id;
    const roles = (FIXTURE_LEADS[i] as FixtureLead).roles;
    if (roles.includes('xss')) {
      ids.xssLeadId ??= id;
      ids.xssLeadIds.push(id);
    }
    if (roles.includes('unparseable')) ids.unparseablePhoneLeadId = id;
    if (roles.includes('nonAscii')) ids.nonAsciiLeadIds.push(id);
    if (roles.includes('recentCaller')) ids.recentCallerLeadId = id;
  }
  return ids;
}

function sortAndNumber<T extends { id: number; at: number }>(rows: T[], firstId: number): void {
  rows.sort((a, b) => a.at - b.at);
  for (let i = 0; i < rows.length; i++) (rows[i] as T).id = firstId + i;
}
