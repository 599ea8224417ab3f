/**
 * The sandbox's own record shapes: what the simulated Hot Prospector account "stores". They are
 * neither the wire format (see wire.ts and methods/) nor the app's domain model; keeping them
 * separate lets one record be rendered in every untidy spelling the docs show.
 *
 * Times are epoch milliseconds (UTC). Ids are numbers, as in the provider's database.
 */

export interface SbTag {
  id: number;
  title: string;
  status: 'Active' | 'Inactive';
}

export interface SbGroup {
  id: number;
  title: string;
}

export type SbFieldType = 'textbox' | 'textarea' | 'date' | 'radio' | 'select';

export interface SbCustomField {
  /** The stored key: lower snake case, as the provider returns it after AddcustomField. */
  key: string;
  /** The name the account owner typed. */
  label: string;
  type: SbFieldType;
  options: string[];
}

export interface SbLead {
  id: number;
  firstName: string;
  lastName: string;
  title: string;
  email: string;
  /** As typed into the CRM: any spelling, possibly unparseable. */
  phone: string;
  mobile: string;
  countryCode: string;
  company: string;
  website: string;
  address: string;
  city: string;
  state: string;
  zip: string;
  additionalInfo: string;
  groupIds: number[];
  tagIds: number[];
  custom: Record<string, string>;
  unsubscribed: boolean;
  /** E.164 the dialer would use; null when neither phone nor mobile is callable. */
  dial: string | null;
}

export type CallStatus = 'completed' | 'no-answer' | 'busy' | 'failed' | 'voicemail' | 'missed';

export interface SbCall {
  /** The provider's recordingId; also the call's identity. */
  id: number;
  leadId: number;
  at: number;
  inbound: boolean;
  durationSec: number;
  status: CallStatus;
  memberId: number;
  /** 0 when the call belongs to no outbound campaign. */
  campaignId: number;
  /** Disposition id; 0 means none. */
  statusId: number;
  transfer: boolean;
  groupId: number;
  /** The account's number used on the call (the other side is the lead's dial number). */
  accountNumber: string;
  hasRecording: boolean;
  hasTranscript: boolean;
  flagged: boolean;
  speedToLeadSec: number;
}

export type SmsStatus = 'Sent' | 'Received' | 'Failed';

export interface SbSms {
  id: number;
  leadId: number;
  at: number;
  status: SmsStatus;
  body: string;
  memberId: number;
  groupId: number;
  accountNumber: string;
}

export interface SbRvm {
  id: number;
  leadId: number;
  at: number;
  durationSec: number;
  groupId: number;
  accountNumber: string;
}

export interface SbNote {
  id: number;
  leadId: number;
  text: string;
  type: 'manual' | 'sms' | 'call' | 'system';
  addedBy: number;
  at: number;
}

export interface SbMember {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  inboundPhone: string;
  directNumber: string;
  timeZone: string;
  status: 'Active' | 'Inactive';
  createdAt: number;
}

export interface SbCampaign {
  id: number;
  title: string;
}

export interface SbDisposition {
  id: number;
  title: string;
}

export interface SbCarrierResult {
  key: 'verizon' | 'tmobile' | 'cingular' | 'cricket';
  title: string;
  android: string | null;
  iphone: string | null;
}

export interface SbNumberHealth {
  phoneId: number;
  /** Ten digits, no country code, as the provider lists it. */
  number: string;
  spamChecks: Record<
    'fcc_complaint' | 'ftc_complaint' | 'youmail_spam' | 'truespam' | 'nomorobo_spam' | 'robokiller_spam',
    number
  >;
  carriers: SbCarrierResult[];
  lastCheckedAt: number;
  nextBillingAt: number;
}

/** Stable ids of hand-made records, so tests can find the edge cases without searching. */
export interface SbFixtureIds {
  /** Lead whose name, company, note, SMS and custom field carry HTML/script payloads. */
  xssLeadId: number | null;
  /** Every lead carrying injection payloads (HTML/script, SQL, template, javascript: URL). */
  xssLeadIds: number[];
  /** Lead whose phone and mobile cannot be parsed as phone numbers. */
  unparseablePhoneLeadId: number | null;
  /** Leads with non-ASCII names, in fixture order. */
  nonAsciiLeadIds: number[];
  /** Lead with an inbound call a few minutes before "now", which has a transcript. */
  recentCallerLeadId: number | null;
}

export interface Dataset {
  seed: number;
  /** The "now" the activity window ends at (epoch ms). */
  now: number;
  timeZone: string;
  days: number;
  tags: SbTag[];
  groups: SbGroup[];
  customFields: SbCustomField[];
  /** Ascending by id. */
  leads: SbLead[];
  /** Each ascending by time. */
  calls: SbCall[];
  sms: SbSms[];
  rvm: SbRvm[];
  notes: SbNote[];
  members: SbMember[];
  campaigns: SbCampaign[];
  dispositions: SbDisposition[];
  numbers: SbNumberHealth[];
  credits: number;
  memberLimit: number;
  fixtures: SbFixtureIds;
}
