import { DateTime } from 'luxon';
import { createRng, deriveSeed, type Rng } from '../random';

/**
 * A believable Hipcall account: a support team of users (two pages of /users, the one who
 * takes most calls on page 2), contacts calling in and being called back, and a few hundred
 * call records over the last weeks, today included, with the doc's oddities mixed in: internal
 * calls between extensions, IVR and extension numbers, `contact_id` 0 beside a real caller id,
 * voicemail types as words, users CDRs name that /users does not list, and detail paths whose
 * date is a day off the call's.
 */

export interface HcUser {
  id: number;
  name: string;
  email: string;
  extension: string;
}

export interface HcContact {
  id: number;
  number: string;
}

/** A call as stored; recording links are signed when answered, so they are not stored. */
export interface HcCdr {
  uuid: string;
  direction: 1 | 2 | 3;
  user_id: number;
  contact_id: number;
  started_at: string;
  answered_at: string | null;
  bridged_at: string | null;
  ended_at: string;
  call_duration: number;
  missing_call: boolean;
  missing_call_reason: number;
  caller_id: number;
  caller_type: number;
  caller_number: string;
  callee_id: number | null;
  callee_type: number | null;
  callee_number: string;
  hangup_by: number;
  recorded: boolean;
  voicemail_type: number | string | null;
  voicemail_id: number | null;
  /** The date `/cdrs/{Y}/{M}/{D}/{uuid}` answers to (sometimes a day off the call's UTC date). */
  pathDate: string;
}

export interface HcDataset {
  users: HcUser[];
  contacts: HcContact[];
  /** Newest first, as the simulator lists them. */
  cdrs: HcCdr[];
  /** Our side: the company's outbound caller id (never a lead). */
  companyNumber: string;
}

export interface HcSeedOptions {
  seed: number;
  now: Date;
  timezone: string;
  calls?: number;
  days?: number;
}

const FIRST = [
  'Ayşe',
  'Mehmet',
  'Dana',
  'Luis',
  'Priya',
  'Tom',
  'Grace',
  'Omar',
  'Elif',
  'Sam',
  'Nora',
  'Kenji',
  'Maya',
  'Jon',
];
const LAST = [
  'Yılmaz',
  'Kaya',
  'Whitfield',
  'Ortega',
  'Raman',
  'Becker',
  'Hughes',
  'Haddad',
  'Demir',
  'Price',
  'Lund',
  'Sato',
  'Cole',
  'Reyes',
];
const AREAS = ['212', '415', '312', '617', '305', '206', '512', '303'];
const USERS = 14;
const CONTACTS = 70;

function uuid(rng: Rng): string {
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

export function hipcallTime(ms: number): string {
  return DateTime.fromMillis(ms, { zone: 'utc' }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZZ");
}

function makeUsers(): HcUser[] {
  // Ids start at 2, as the doc's page 1 does [H:1740]; user 1 is referenced by calls only.
  return Array.from({ length: USERS }, (_, i) => ({
    id: i + 2,
    name: `${FIRST[i]} ${LAST[i]}`,
    email: `${FIRST[i]!.toLowerCase().replace(/[^a-z]/g, '')}@example.com`,
    extension: String(1001 + i),
  }));
}

function makeContacts(rng: Rng): HcContact[] {
  const seen = new Set<string>();
  const contacts: HcContact[] = [];
  while (contacts.length < CONTACTS) {
    const number = `+1${rng.pick(AREAS)}555${String(rng.int(100, 9999)).padStart(4, '0')}`;
    if (seen.has(number)) continue;
    seen.add(number);
    contacts.push({ id: 300 + contacts.length, number });
  }
  return contacts;
}

/** A time of the business day `daysAgo` days back, in the account's zone, never after `now`. */
function callTime(rng: Rng, now: DateTime, daysAgo: number): number | null {
  const day = now.minus({ days: daysAgo }).startOf('day');
  const at = day.plus({ hours: rng.int(8, 18), minutes: rng.int(0, 59), seconds: rng.int(0, 59) });
  return at.toMillis() > now.toMillis() - 60_000 ? null : at.toMillis();
}

export function generateHipcallDataset(options: HcSeedOptions): HcDataset {
  const rng = createRng(deriveSeed(options.seed, 'hipcall'));
  const users = makeUsers();
  const contacts = makeContacts(rng);
  const strangers = Array.from(
    { length: 12 },
    () => `+1${rng.pick(AREAS)}555${String(rng.int(100, 9999)).padStart(4, '0')}`,
  );
  const now = DateTime.fromJSDate(options.now).setZone(options.timezone);
  const total = options.calls ?? 320;
  const days = options.days ?? 21;
  const companyNumber = '+12125550100';
  // The busiest agent sits on page 2 of /users.
  const agentWeights = users.map((_, i) => (i === 11 ? 6 : 1));
  const cdrs: HcCdr[] = [];
  let guard = 0;
  while (cdrs.length < total && guard++ < total * 10) {
    // A fifth of the calls are today's, so the board and the queue have a live day.
    const daysAgo = rng.chance(0.2) ? 0 : rng.int(0, days - 1);
    const start = callTime(rng, now, daysAgo);
    if (start === null) continue;
    const user = rng.chance(0.03) ? { id: 1, extension: '1000' } : users[rng.weighted(agentWeights)]!;
    cdrs.push(makeCdr(rng, start, user, contacts, strangers, users, companyNumber));
  }
  cdrs.sort((a, b) => (a.started_at < b.started_at ? 1 : -1));
  return { users, contacts, cdrs, companyNumber };
}

function makeCdr(
  rng: Rng,
  start: number,
  user: { id: number; extension: string },
  contacts: HcContact[],
  strangers: string[],
  users: HcUser[],
  companyNumber: string,
): HcCdr {
  const kind = rng.weighted([58, 32, 10]);
  const direction = (kind + 1) as 1 | 2 | 3;
  const ring = rng.int(3, 25);
  const base = {
    uuid: uuid(rng),
    direction,
    user_id: user.id,
    started_at: hipcallTime(start),
    hangup_by: rng.pick([1, 2, 3]),
    voicemail_type: null as number | string | null,
    voicemail_id: null as number | null,
    recorded: false,
    missing_call: false,
    missing_call_reason: 0,
    answered_at: null as string | null,
    bridged_at: null as string | null,
  };
  const utcDate = DateTime.fromMillis(start, { zone: 'utc' });
  const pathDate = utcDate.plus({ days: rng.chance(0.2) ? rng.pick([-1, 1]) : 0 }).toFormat('yyyy-MM-dd');
  if (direction === 3) {
    const other = rng.pick(users);
    const talk = rng.int(20, 300);
    const end = start + (ring + talk) * 1000;
    return {
      ...base,
      contact_id: 0,
      answered_at: hipcallTime(start + ring * 1000),
      bridged_at: hipcallTime(start + ring * 1000),
      ended_at: hipcallTime(end),
      call_duration: ring + talk,
      caller_id: user.id,
      caller_type: 2,
      caller_number: user.extension,
      callee_id: other.id,
      callee_type: 2,
      callee_number: other.extension,
      pathDate,
    };
  }
  const known = rng.chance(0.85);
  const contact = known ? rng.pick(contacts) : null;
  const number = contact?.number ?? rng.pick(strangers);
  // The doc's own rows: contact_id 0 while the contact side still names the contact [H:120,131].
  const contactIdStyle = rng.weighted([70, 20, 10]);
  const contactId = contact && contactIdStyle === 0 ? contact.id : 0;
  const sideId = contact && contactIdStyle !== 2 ? contact.id : 0;
  const missed = direction === 1 && rng.chance(0.18);
  const answered = !missed && rng.chance(direction === 1 ? 0.95 : 0.7);
  const talk = answered ? rng.int(15, 900) : 0;
  const end = start + (ring + talk + (missed ? rng.int(5, 40) : 0)) * 1000;
  const pickup = answered ? hipcallTime(start + ring * 1000) : null;
  const voicemail = missed && rng.chance(0.45);
  // Outbound to a contact saved with an extension-like number [H:357-360].
  const shortCallee = direction === 2 && contact !== null && rng.chance(0.04);
  const cdr: HcCdr = {
    ...base,
    contact_id: contactId,
    answered_at: pickup,
    bridged_at: pickup !== null && rng.chance(0.7) ? pickup : null,
    ended_at: hipcallTime(end),
    call_duration: Math.round((end - start) / 1000),
    missing_call: missed,
    missing_call_reason: missed ? rng.pick([1, 2, 3, 4]) : 0,
    recorded: answered && rng.chance(0.75),
    voicemail_type: voicemail ? rng.pick(['user', 'account', 1, 2, 'User']) : null,
    voicemail_id: voicemail ? user.id : null,
    caller_id: direction === 1 ? sideId : user.id,
    caller_type: direction === 1 ? 1 : 2,
    caller_number: direction === 1 ? number : companyNumber,
    callee_id: direction === 1 ? (rng.chance(0.5) ? 3 : user.id) : shortCallee ? (contact?.id ?? 0) : sideId,
    callee_type: direction === 1 ? (missed && rng.chance(0.2) ? null : rng.chance(0.5) ? 3 : 2) : 1,
    callee_number: direction === 1 ? (rng.chance(0.5) ? '101' : user.extension) : shortCallee ? '1015' : number,
    pathDate,
  };
  if (shortCallee) cdr.contact_id = contact?.id ?? 0;
  return cdr;
}
