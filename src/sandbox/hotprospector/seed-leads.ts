import { COMPANIES, FIRST_NAMES, LAST_NAMES, PLACES, STREETS } from './seed-corpus';
import type { SeedContext } from './seed-context';
import type { FixtureLead } from './seed-fixtures';
import { UNPARSEABLE_PHONES, nanpE164, spellPhone, uniqueTenDigits } from './seed-phones';
import type { SbGroup, SbLead, SbTag } from './types';

/** Lead records: the hand-made fixtures first, then random people drawn from the corpus. */

export const FIRST_LEAD_ID = 10_000_001;

export function fixtureLead(ctx: SeedContext, index: number, f: FixtureLead): SbLead {
  const group = ctx.groups[index % ctx.groups.length] as SbGroup;
  const tag = ctx.tags[(index * 3) % ctx.tags.length] as SbTag;
  return {
    id: FIRST_LEAD_ID + index,
    firstName: f.firstName,
    lastName: f.lastName,
    title: '',
    email: f.email,
    phone: f.phone,
    mobile: f.mobile,
    countryCode: f.countryCode,
    company: f.company,
    website: f.website ?? '',
    address: `${100 + index} Main St`,
    city: f.city,
    state: f.state,
    zip: f.zip,
    additionalInfo: '',
    groupIds: [group.id],
    tagIds: [tag.id],
    custom: { ...f.custom },
    unsubscribed: false,
    dial: f.dial,
  };
}

const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com'];
const JOB_TITLES = ['Owner', 'Manager', 'Homeowner', 'CEO', 'Office Manager'];
const STATUS_NAMES = ['New', 'Contacted', 'Qualified', 'Nurture', 'Closed'];
const TAG_COUNT_WEIGHTS = [40, 30, 20, 10];

export function randomLead(ctx: SeedContext, index: number): SbLead {
  const { rng } = ctx;
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const [city, state, zip, area] = rng.pick(PLACES);

  let phone: string;
  let dial: string | null = null;
  if (rng.chance(0.03)) {
    phone = rng.pick(UNPARSEABLE_PHONES);
  } else {
    const digits = uniqueTenDigits(index, area, 0);
    phone = spellPhone(digits, rng);
    dial = nanpE164(digits);
  }
  let mobile = '';
  if (rng.chance(0.35)) {
    const digits = uniqueTenDigits(index, area, 3_995_000);
    mobile = spellPhone(digits, rng);
    dial ??= nanpE164(digits);
  }

  const slugFirst = ctx.slug(first) || 'lead';
  const slugLast = ctx.slug(last) || 'x';
  const company = rng.pick(COMPANIES);
  const groupIds = [(rng.pick(ctx.groups) as SbGroup).id];
  if (rng.chance(0.15)) {
    const second = rng.pick(ctx.groups).id;
    if (second !== groupIds[0]) groupIds.push(second);
  }
  const tagIds: number[] = [];
  for (let n = rng.weighted(TAG_COUNT_WEIGHTS); n > 0; n--) {
    const id = rng.pick(ctx.tags).id;
    if (!tagIds.includes(id)) tagIds.push(id);
  }

  const custom: Record<string, string> = {};
  if (rng.chance(0.6)) custom.lead_source = rng.pick(['Facebook', 'Google', 'Referral', 'Website', 'Webinar']);
  if (rng.chance(0.4)) custom.loan_amount = String(rng.int(50, 900) * 1000);
  if (rng.chance(0.3)) custom.age = String(rng.int(21, 80));
  if (rng.chance(0.2)) custom.gender = rng.pick(['Female', 'Male', 'Non-binary']);
  if (rng.chance(0.3)) {
    custom.prospect_created_at = new Date(ctx.now - rng.int(0, 365) * 86_400_000).toISOString().slice(0, 10);
  }
  if (rng.chance(0.25)) custom.current_status_name = rng.pick(STATUS_NAMES);

  return {
    id: FIRST_LEAD_ID + index,
    firstName: first,
    lastName: last,
    title: rng.chance(0.2) ? rng.pick(JOB_TITLES) : '',
    email: rng.chance(0.88) ? `${slugFirst}.${slugLast}${index}@${rng.pick(EMAIL_DOMAINS)}` : '',
    phone,
    mobile,
    countryCode: rng.chance(0.7) ? '+1' : '',
    company,
    website: company && rng.chance(0.6) ? `https://www.${ctx.slug(company) || 'company'}.example` : '',
    address: `${rng.int(10, 9999)} ${rng.pick(STREETS)}`,
    city,
    state,
    zip,
    additionalInfo: '',
    groupIds,
    tagIds,
    custom,
    unsubscribed: rng.chance(0.02),
    dial,
  };
}
