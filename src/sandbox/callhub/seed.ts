import { createRng, deriveSeed, type Rng } from '../random';
import type { ChContact, ChDataset, ChHistoryEntry, ChPhonebook } from './types';

/**
 * A believable CallHub account: a volunteer-outreach team with three phone books, contacts in
 * the US, France and the UK spelled every way CallHub stores numbers (digits without `+`,
 * national numbers with `country_code`, none at all), contact URLs on http and https, with and
 * without the trailing slash and on a regional host, a DNC list, and some call history.
 */
export const CALLHUB_DEFAULTS = { seed: 12, contacts: 45 } as const;
const HOSTS = [
  'https://api.callhub.io',
  'http://api.callhub.io',
  'https://api-na1.callhub.io',
  'https://api.callhub.io',
];
const FIRST = [
  'Maya',
  'Louis',
  'Amelia',
  'Jordan',
  'Chloé',
  'Oliver',
  'Priya',
  'Hugo',
  'Grace',
  'Mateo',
  'Isla',
  'Noah',
];
const LAST = ['Nguyen', 'Martin', 'Clarke', 'Rivera', 'Dubois', 'Hughes', 'Patel', 'Lefèvre', 'Owens', 'Garcia'];
const COMPANIES = ['Bay Tenants Union', 'Green Streets', 'Harbor Food Bank', 'Open Library Fund', 'Parents for Parks'];
const CITIES: Record<string, Array<[string, string]>> = {
  US: [
    ['Oakland', 'CA'],
    ['Portland', 'OR'],
    ['Austin', 'TX'],
  ],
  FR: [
    ['Lyon', ''],
    ['Nantes', ''],
  ],
  GB: [
    ['Leeds', ''],
    ['Bristol', ''],
  ],
};
const OWNER = 'greenstreets_admin';

/** `region`: the account's own country, in which contacts without country_code keep national numbers. */
export function generateCallhubDataset(
  options: { seed?: number; contacts?: number; now?: Date; region?: 'US' | 'GB' } = {},
): ChDataset {
  const seed = options.seed ?? CALLHUB_DEFAULTS.seed;
  const count = Math.max(12, options.contacts ?? CALLHUB_DEFAULTS.contacts);
  const now = (options.now ?? new Date()).getTime();
  const rng = createRng(deriveSeed(seed, 'callhub'));
  const digits = (n: number): string => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');

  const phonebooks: ChPhonebook[] = ['Door knock follow-up', 'Volunteers', 'Donors 2026'].map((name, i) => ({
    id: String(3100 + i),
    url: `https://api.callhub.io/v1/phonebooks/${3100 + i}/`,
    owner: OWNER,
    name,
    description: `${name} (imported)`,
  }));
  const dncList = { url: 'https://api.callhub.io/v1/dnc_lists/77/', owner: OWNER, name: 'Do not call' };

  const contacts: ChContact[] = [];
  const dncContacts: ChDataset['dncContacts'] = [];
  const history: Record<string, ChHistoryEntry[]> = {};
  for (let i = 0; i < count; i += 1) {
    const id = String(8700 + i);
    const host = HOSTS[i % HOSTS.length] as string;
    const slash = i % 4 === 1 || i % 4 === 3 ? '' : '/';
    const style = i % 5;
    const country = style === 1 ? 'FR' : style === 2 ? 'GB' : style === 3 ? '' : 'US';
    const usDigits = (): string => `1${rng.pick(['650', '415', '503', '512'])}${rng.int(2, 9)}${digits(6)}`;
    const number = (): string =>
      style === 1
        ? `06${digits(8)}`
        : style === 2
          ? `07700 900${digits(3)}`
          : style === 4
            ? `(${rng.pick(['650', '415'])}) 555-${rng.int(1000, 1999)}`
            : i % 10 === 8
              ? nationalIn(options.region ?? 'US', rng)
              : usDigits();
    const [city, state] = rng.pick(CITIES[country || 'US'] ?? []);
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const company = rng.pick(COMPANIES);
    const books = i % 6 === 0 ? [phonebooks[0], phonebooks[1]] : i % 6 === 5 ? [] : [phonebooks[i % phonebooks.length]];
    const contact: ChContact = {
      id,
      url: `${host}/v1/contacts/${id}${slash}`,
      phonebooks: books.map((book) => (book as ChPhonebook).url),
      contact: number(),
      mobile: i % 4 === 0 ? number() : '',
      first_name: first,
      last_name: last,
      country_code: country,
      ...(i % 3 === 2 ? {} : { email: `${first.toLowerCase().replace(/[^a-z]/g, '')}.${i}@example.org` }),
      address: `${rng.int(1, 999)} ${rng.pick(['Main St', 'Rue Victor Hugo', 'High Street', 'Elm Ave'])}`,
      city,
      state,
      company_name: company,
      company_website: `https://${company.toLowerCase().replace(/[^a-z]+/g, '')}.example.org`,
      job_title: rng.pick(['Organizer', 'Volunteer', 'Treasurer', '']),
    };
    contacts.push(contact);
    if (i % 7 === 3) {
      dncContacts.push({
        url: `https://api.callhub.io/v1/dnc_contacts/${600 + i}/`,
        dnc: dncList.url,
        phone_number: internationalDigits(contact.contact, country),
      });
    }
    history[id] = Array.from({ length: i % 3 === 0 ? rng.int(1, 4) : 0 }, (_, n) => {
      const at = new Date(now - (n + 1) * rng.int(2, 40) * 3_600_000);
      const type = rng.pick(['call', 'call', 'sms', 'voice'] as const);
      return {
        id: `${id}-${n + 1}`,
        type,
        // Both spellings DRF emits: with a zone and fractions, and zone-less (UTC).
        created: n % 2 === 0 ? at.toISOString().replace(/\.\d{3}Z$/, '.123456Z') : at.toISOString().slice(0, 19),
        direction: type === 'sms' && n % 2 === 1 ? 'inbound' : 'outbound',
        duration: type === 'sms' ? null : rng.int(0, 420),
        status: type === 'sms' ? 'delivered' : rng.pick(['completed', 'no-answer', 'busy']),
        disposition: type === 'call' ? rng.pick(['MEANINGFUL_INTERACTION', 'CALL_BACK', 'NOT_INTERESTED']) : null,
        notes: type === 'call' && n === 0 ? 'Asked about the next canvass date.' : null,
        campaign: rng.pick(['Spring canvass', 'Donor thank-you calls']),
      };
    });
  }

  const pick = (test: (c: ChContact, i: number) => boolean): string => {
    const found = contacts.find((c, i) => test(c, i));
    if (!found) throw new Error('The CallHub seed lacks a fixture.');
    return found.id;
  };
  return {
    owner: OWNER,
    contacts,
    phonebooks,
    dncLists: [dncList],
    dncContacts,
    customFields: [
      {
        id: 41,
        owner: OWNER,
        name: 'Preferred language',
        field_type: 'Multi-choice',
        cfmultichoice: ['English', 'French', 'Spanish'],
        created_date: '2025-11-03T09:12:44.512000Z',
        updated_date: '2026-01-18T16:40:02Z',
      },
      {
        id: 42,
        owner: OWNER,
        name: 'Volunteer since',
        field_type: 'Date',
        cfmultichoice: [],
        created_date: '2025-11-03T09:13:10',
        updated_date: '2025-11-03T09:13:10',
      },
    ],
    contactFields: [
      'contact',
      'mobile',
      'first_name',
      'last_name',
      'email',
      'country_code',
      'company_name',
      'job_title',
    ].map((name, i) => ({ id: i + 1, name })),
    history,
    fixtures: {
      inTwoBooks: pick((_, i) => i % 6 === 0),
      dnc: pick((_, i) => i % 7 === 3),
      french: pick((c) => c.country_code === 'FR'),
      british: pick((c) => c.country_code === 'GB'),
      noCountry: pick((c, i) => c.country_code === '' && i % 10 === 3),
      nationalNoCountry: pick((c, i) => c.country_code === '' && i % 10 === 8),
      noEmail: pick((c) => c.email === undefined),
      withMobile: pick((c) => c.mobile !== ''),
      withHistory: pick((c) => (history[c.id]?.length ?? 0) > 0),
    },
  };
}

/** Numbers in the ranges set aside for drama (Ofcom) and fiction (NANP 555-01xx). */
function nationalIn(region: 'US' | 'GB', rng: Rng): string {
  return region === 'GB' ? `020 7946 0${rng.int(100, 999)}` : `(415) 555-0${rng.int(100, 199)}`;
}

/** A number as CallHub's DNC list keeps it: country code and digits, no `+`. */
export function internationalDigits(number: string, country: string): string {
  const d = number.replace(/\D/g, '');
  if (country === 'FR') return `33${d.slice(1)}`;
  if (country === 'GB') return `44${d.slice(1)}`;
  return d.length === 10 ? `1${d}` : d;
}
