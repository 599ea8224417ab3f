import type { Lead } from '../../../shared/domain';

/**
 * The zone a US lead most likely lives in, from its state (where most of the state's people
 * are: a few states span two zones). Area codes and ZIPs would be finer; the state is what
 * every provider sends. Null when the lead gives no US state.
 */
const STATE_ZONES: Record<string, string> = {
  AL: 'America/Chicago',
  AK: 'America/Anchorage',
  AZ: 'America/Phoenix',
  AR: 'America/Chicago',
  CA: 'America/Los_Angeles',
  CO: 'America/Denver',
  CT: 'America/New_York',
  DE: 'America/New_York',
  DC: 'America/New_York',
  FL: 'America/New_York',
  GA: 'America/New_York',
  HI: 'Pacific/Honolulu',
  ID: 'America/Boise',
  IL: 'America/Chicago',
  IN: 'America/Indiana/Indianapolis',
  IA: 'America/Chicago',
  KS: 'America/Chicago',
  KY: 'America/New_York',
  LA: 'America/Chicago',
  ME: 'America/New_York',
  MD: 'America/New_York',
  MA: 'America/New_York',
  MI: 'America/Detroit',
  MN: 'America/Chicago',
  MS: 'America/Chicago',
  MO: 'America/Chicago',
  MT: 'America/Denver',
  NE: 'America/Chicago',
  NV: 'America/Los_Angeles',
  NH: 'America/New_York',
  NJ: 'America/New_York',
  NM: 'America/Denver',
  NY: 'America/New_York',
  NC: 'America/New_York',
  ND: 'America/Chicago',
  OH: 'America/New_York',
  OK: 'America/Chicago',
  OR: 'America/Los_Angeles',
  PA: 'America/New_York',
  RI: 'America/New_York',
  SC: 'America/New_York',
  SD: 'America/Chicago',
  TN: 'America/Chicago',
  TX: 'America/Chicago',
  UT: 'America/Denver',
  VT: 'America/New_York',
  VA: 'America/New_York',
  WA: 'America/Los_Angeles',
  WV: 'America/New_York',
  WI: 'America/Chicago',
  WY: 'America/Denver',
  PR: 'America/Puerto_Rico',
};

const STATE_NAMES: Record<string, string> = {
  alabama: 'AL',
  alaska: 'AK',
  arizona: 'AZ',
  arkansas: 'AR',
  california: 'CA',
  colorado: 'CO',
  connecticut: 'CT',
  delaware: 'DE',
  'district of columbia': 'DC',
  florida: 'FL',
  georgia: 'GA',
  hawaii: 'HI',
  idaho: 'ID',
  illinois: 'IL',
  indiana: 'IN',
  iowa: 'IA',
  kansas: 'KS',
  kentucky: 'KY',
  louisiana: 'LA',
  maine: 'ME',
  maryland: 'MD',
  massachusetts: 'MA',
  michigan: 'MI',
  minnesota: 'MN',
  mississippi: 'MS',
  missouri: 'MO',
  montana: 'MT',
  nebraska: 'NE',
  nevada: 'NV',
  'new hampshire': 'NH',
  'new jersey': 'NJ',
  'new mexico': 'NM',
  'new york': 'NY',
  'north carolina': 'NC',
  'north dakota': 'ND',
  ohio: 'OH',
  oklahoma: 'OK',
  oregon: 'OR',
  pennsylvania: 'PA',
  'rhode island': 'RI',
  'south carolina': 'SC',
  'south dakota': 'SD',
  tennessee: 'TN',
  texas: 'TX',
  utah: 'UT',
  vermont: 'VT',
  virginia: 'VA',
  washington: 'WA',
  'west virginia': 'WV',
  wisconsin: 'WI',
  wyoming: 'WY',
  'puerto rico': 'PR',
};

export function leadZone(lead: Pick<Lead, 'state'>): string | null {
  const text = lead.state.trim();
  const code = text.length === 2 ? text.toUpperCase() : STATE_NAMES[text.toLowerCase()];
  return (code && STATE_ZONES[code]) ?? null;
}

/** Calling hours where the lead is: 8:00 to 21:00 their time. */
const CALL_FROM_HOUR = 8;
const CALL_UNTIL_HOUR = 21;

export interface LeadLocalTime {
  zone: string;
  /** "3:05 PM" */
  time: string;
  withinCallingHours: boolean;
}

export function leadLocalTime(lead: Pick<Lead, 'state'>, now: Date = new Date()): LeadLocalTime | null {
  const zone = leadZone(lead);
  if (!zone) return null;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).formatToParts(
    now,
  );
  const hour = Number(parts.find((part) => part.type === 'hour')?.value ?? '0');
  const time = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(now);
  return { zone, time, withinCallingHours: hour >= CALL_FROM_HOUR && hour < CALL_UNTIL_HOUR };
}

/** Tagged Do Not Call in any spelling ("DNC", "do-not-call", "Don't call") or unsubscribed. */
export function isDoNotCall(lead: Pick<Lead, 'tags' | 'unsubscribed'>): boolean {
  if (lead.unsubscribed) return true;
  return lead.tags.some((tag) => {
    const word = tag.title.toLowerCase().replace(/[^a-z]/g, '');
    return word === 'dnc' || word === 'donotcall' || word === 'dontcall' || word === 'nocall' || word === 'donotdial';
  });
}
