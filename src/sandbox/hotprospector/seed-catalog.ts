import type { Rng } from '../random';
import { CAMPAIGN_TITLES, DISPOSITION_TITLES, GROUP_TITLES, MEMBER_PEOPLE, TAG_TITLES } from './seed-corpus';
import type {
  SbCampaign,
  SbCarrierResult,
  SbCustomField,
  SbDisposition,
  SbGroup,
  SbMember,
  SbNumberHealth,
  SbTag,
} from './types';
import { asciiSlug, fieldKey } from './text';

/**
 * The account's small reference tables: groups, tags, custom fields, members, campaigns,
 * dispositions and the outbound numbers with their health checks. Their ids mimic the docs'
 * examples (groups 236…, campaigns 11111…, members 3232…) so payloads look familiar.
 */

export const FIRST_GROUP_ID = 236;
export const FIRST_TAG_ID = 401074;
export const FIRST_MEMBER_ID = 3232;
export const FIRST_DISPOSITION_ID = 1001;
export const FIRST_PHONE_ID = 1042;

export function makeGroups(): SbGroup[] {
  return GROUP_TITLES.map((title, i) => ({ id: FIRST_GROUP_ID + i, title }));
}

/** One tag is Inactive, so the Quickstart's TagStatus field carries both values. */
const INACTIVE_TAG = 'Wrong Number';

export function makeTags(): SbTag[] {
  return TAG_TITLES.map((title, i) => ({
    id: FIRST_TAG_ID + i,
    title,
    status: title === INACTIVE_TAG ? 'Inactive' : 'Active',
  }));
}

export function makeCustomFields(): SbCustomField[] {
  const defs: Array<[string, SbCustomField['type'], string[]]> = [
    ['Loan Amount', 'textbox', []],
    ['Lead Source', 'select', ['Facebook', 'Google', 'Referral', 'Website', 'Webinar']],
    ['Prospect Created At', 'date', []],
    ['Current Status Name', 'textbox', []],
    ['Age', 'textbox', []],
    ['Gender', 'radio', ['Female', 'Male', 'Non-binary']],
    ['Notes', 'textarea', []],
  ];
  return defs.map(([label, type, options]) => ({ key: fieldKey(label), label, type, options }));
}

export function makeMembers(now: number): SbMember[] {
  return MEMBER_PEOPLE.map(([first, last, zone], i) => ({
    id: FIRST_MEMBER_ID + i,
    firstName: first,
    lastName: last,
    email: `${asciiSlug(first)}.${asciiSlug(last)}@callside-demo.example`,
    inboundPhone: i === 0 ? '' : `1408777${String(7100 + i).padStart(4, '0')}`,
    directNumber: `+1408555${String(2300 + i).padStart(4, '0')}`,
    timeZone: zone,
    // The last one left the team: an inactive member still appears in lists.
    status: i === MEMBER_PEOPLE.length - 1 ? 'Inactive' : 'Active',
    createdAt: now - (400 - i * 17) * 86_400_000,
  }));
}

export function makeCampaigns(): SbCampaign[] {
  return CAMPAIGN_TITLES.map((title, i) => ({ id: 11111 * (i + 1), title }));
}

export function makeDispositions(): SbDisposition[] {
  return DISPOSITION_TITLES.map((title, i) => ({ id: FIRST_DISPOSITION_ID + i, title }));
}

const AREA_CODES_FOR_NUMBERS = ['213', '310', '415', '702', '512', '305', '206', '303'];

/** Outbound caller-id numbers with their latest spam checks; a few are flagged. */
export function makeNumbers(rng: Rng, now: number): SbNumberHealth[] {
  return AREA_CODES_FOR_NUMBERS.map((area, i) => {
    const spam = i % 3 === 1;
    const flag = (p: number): number => (spam && rng.chance(p) ? 1 : 0);
    const carriers: SbCarrierResult[] = [
      { key: 'verizon', title: 'Verizon', android: spam ? 'Spam Risk' : 'Clean', iphone: spam ? 'Spam Risk' : 'Clean' },
      {
        key: 'tmobile',
        title: 'T-Mobile',
        android: spam ? 'Scam Likely' : 'Clean',
        iphone: spam ? 'Scam Likely' : 'Clean',
      },
      { key: 'cingular', title: 'Cingular', android: null, iphone: null },
      { key: 'cricket', title: 'Cricket', android: null, iphone: null },
    ];
    const checkedDaysAgo = i % 5;
    return {
      phoneId: FIRST_PHONE_ID + i,
      number: `${area}${4_000_000 + i * 7919}`,
      spamChecks: {
        fcc_complaint: flag(0.3),
        ftc_complaint: spam ? 1 : 0,
        youmail_spam: flag(0.8),
        truespam: flag(0.4),
        nomorobo_spam: flag(0.2),
        robokiller_spam: flag(0.5),
      },
      carriers,
      lastCheckedAt: now - checkedDaysAgo * 86_400_000 - 3_600_000,
      nextBillingAt: now + (30 - checkedDaysAgo) * 86_400_000,
    };
  });
}
