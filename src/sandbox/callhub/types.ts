/** The CallHub simulator's data, in CallHub's own wire spelling (ids only inside URLs). */

export interface ChContact {
  /** The id inside `url`; never sent as a field, since CallHub contacts have none. */
  id: string;
  url: string;
  phonebooks: string[];
  contact: string;
  mobile: string;
  first_name: string;
  last_name: string;
  country_code: string;
  /** Absent on some contacts, as CallHub omits empty fields. */
  email?: string;
  address: string;
  city: string;
  state: string;
  company_name: string;
  company_website: string;
  job_title: string;
}

export interface ChPhonebook {
  id: string;
  url: string;
  owner: string;
  name: string;
  description: string;
}

export interface ChHistoryEntry {
  id: string;
  type: 'call' | 'sms' | 'voice';
  created: string;
  direction: 'outbound' | 'inbound';
  duration: number | null;
  status: string;
  disposition: string | null;
  notes: string | null;
  campaign: string;
}

export interface ChDataset {
  owner: string;
  contacts: ChContact[];
  phonebooks: ChPhonebook[];
  dncLists: Array<{ url: string; owner: string; name: string }>;
  dncContacts: Array<{ url: string; dnc: string; phone_number: string }>;
  customFields: Array<Record<string, unknown>>;
  contactFields: Array<{ id: number; name: string }>;
  history: Record<string, ChHistoryEntry[]>;
  /** Fixtures tests can name: contact ids by trait. */
  fixtures: {
    inTwoBooks: string;
    dnc: string;
    french: string;
    british: string;
    noCountry: string;
    /** A national number with no country_code: only the account's region reads it. */
    nationalNoCountry: string;
    noEmail: string;
    withMobile: string;
    withHistory: string;
  };
}
