/**
 * What the Callingly demo account is made of: a roofing and solar company in Phoenix that buys
 * web and social leads and calls them within a minute. Names are ordinary and a few carry
 * accents; the only hostile text is in the two hand-made fixture leads (seed.ts).
 */

export const COMPANY = { name: 'Summit Roofing & Solar', domain: 'summitroofing.example' } as const;

export const AGENTS: ReadonlyArray<{ fname: string; lname: string; timezone: string; ext: string }> = [
  { fname: 'Marisol', lname: 'Ortega', timezone: 'America/Phoenix', ext: '' },
  { fname: 'Devin', lname: 'Brooks', timezone: 'America/Phoenix', ext: '101' },
  { fname: 'Priya', lname: 'Natarajan', timezone: 'America/Phoenix', ext: '' },
  { fname: 'Caleb', lname: 'Whitfield', timezone: 'America/Phoenix', ext: '104' },
  { fname: 'Tasha', lname: 'Greene', timezone: 'America/Denver', ext: '' },
  { fname: 'Omar', lname: 'Haddad', timezone: 'America/Phoenix', ext: '' },
  { fname: 'Kendra', lname: 'Lowe', timezone: 'America/Los_Angeles', ext: '' },
];

/** Teams by agent index: [name, call mode, member indexes in priority order]. */
export const TEAMS: ReadonlyArray<{
  name: string;
  callMode: 'simultaneous' | 'sequential' | 'round_robin';
  members: number[];
}> = [
  { name: 'Web Leads', callMode: 'simultaneous', members: [0, 1, 2, 3, 6] },
  { name: 'Paid Social', callMode: 'round_robin', members: [2, 4, 5, 0] },
  { name: 'Callbacks', callMode: 'sequential', members: [1, 4, 5, 6] },
];

export const TAGS = ['Hot', 'Insurance Claim', 'Solar Interest', 'Spanish', 'Repeat Customer', 'Storm Damage'];

export const FIRST_NAMES = [
  'James',
  'Maria',
  'Robert',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Jessica',
  'Richard',
  'Sarah',
  'Joseph',
  'Karen',
  'Thomas',
  'Nancy',
  'Daniel',
  'Lisa',
  'Matthew',
  'Ashley',
  'Anthony',
  'Emily',
  'Mark',
  'Michelle',
  'Steven',
  'Amanda',
  'Andrew',
  'Melissa',
  'Joshua',
  'Stephanie',
  'Kevin',
  'Rebecca',
  'Brian',
  'Laura',
  'Jose',
  'Angela',
  'Luis',
  'Rosa',
  'Tyler',
  'Heather',
  'Renée',
  'José',
  'Hannah',
  'Trevor',
  'Gabriela',
  'Dustin',
  'Monique',
  'Wesley',
];

export const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
  'Begay',
  'Yazzie',
  'Peña',
  'Kowalski',
  "O'Neill",
  'Castillo',
];

/** Sources as Callingly records them, with relative weights. */
export const SOURCES: ReadonlyArray<readonly [string, number]> = [
  ['Webhook', 30],
  ['Facebook Lead Ads', 22],
  ['Google Ads', 14],
  ['Website', 12],
  ['Zapier', 8],
  ['HubSpot', 8],
  ['Angi', 6],
];

/** Sources that arrive through the paid-social team. */
export const PAID_SOURCES = new Set(['Facebook Lead Ads', 'Google Ads']);

export const CATEGORIES: ReadonlyArray<string | null> = [
  'Roof Repair',
  'Roof Replacement',
  'Roof Replacement',
  'Solar',
  'Solar',
  'Gutters',
  null,
];

export const LEAD_COMPANIES = [
  'Desert Palms HOA',
  'Camelback Dental Group',
  'Tempe Self Storage',
  'Sonoran Vista Apartments',
  'Mesa Family Church',
  'Gilbert Auto Care',
];

export const STAGES: ReadonlyArray<string | null> = [
  null,
  'Qualified',
  'Inspection Booked',
  'Estimate Sent',
  'Closed Won',
  'Closed Lost',
];

export const AREA_CODES = ['480', '602', '623', '520', '928'];

/** Speaker A is the agent, Speaker B the lead; {agent}, {lead}, {category} are filled in. */
export const AGENT_LINES = [
  'Hi, is this {lead}? This is {agent} with Summit Roofing and Solar, you just filled out a form on our site.',
  'Great, thanks for taking the call. I see you asked about {category}. What is going on with the house?',
  'Got it. How old is the roof, roughly? And is it tile or shingle?',
  'Okay. Have you filed anything with your insurance yet, or would you like us to look first?',
  'We can send an inspector out, it is free and takes about forty-five minutes. Does Thursday morning work?',
  'Perfect. I will text you a confirmation with the inspector’s name. Anything else I can help with?',
  'Thanks {lead}, have a great day.',
];

export const LEAD_LINES = [
  'Yes, this is. Wow, that was fast.',
  'We had that monsoon storm last week and there are a couple of tiles on the driveway now.',
  'It is about fifteen years old, tile, the original one from when we bought the place.',
  'Not yet. I wanted someone to look at it first.',
  'Thursday morning is fine, after nine if possible.',
  'No, that is it. Thank you!',
  'Bye.',
];
