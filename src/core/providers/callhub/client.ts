import type { CustomField, Group, Lead } from '../../../shared/domain';
import { CallsideError } from '../../../shared/errors';
import type { AgentStatus } from '../port';
import type { RestRequestOptions } from '../http/rest';
import { createCallhubTransport, type CallhubTransportOptions } from './transport';
import { readContact, readDncNumber, readPhonebook } from './wire/contacts';
import { readHistory } from './wire/history';
import { dotted, isPlainObject, malformed, readListPage, text, type ListPage } from './wire/row';
import type { Activity } from '../../../shared/domain';

export const DEFAULT_CALLHUB_BASE_URL = 'https://api.callhub.io/v1';

/** A list is followed page by page; this many pages is a server looping on its own next link. */
const MAX_PAGES = 10_000;

export type CallhubPolicy = Omit<CallhubTransportOptions, 'baseUrl' | 'apiKey'>;
export type CallOptions = Pick<RestRequestOptions, 'signal' | 'onWait'>;

export interface ContactPage {
  leads: Lead[];
  next: string | null;
}

export interface CallhubClient {
  verify(o?: CallOptions): Promise<void>;
  listPhonebooks(o?: CallOptions): Promise<Group[]>;
  listFields(o?: CallOptions): Promise<CustomField[]>;
  /** Every number on a DNC list, as E.164 where it parses. */
  listDncNumbers(o?: CallOptions): Promise<Set<string>>;
  /** The first page (link null) or the page a `next` link names. */
  contactsPage(link: string | null, dnc: ReadonlySet<string>, o?: CallOptions): Promise<ContactPage>;
  getContact(id: string, o?: CallOptions): Promise<Lead>;
  /** Contacts with this number: `?contact=` [outside], checked here too. */
  findByPhone(e164: string, o?: CallOptions): Promise<Lead[]>;
  history(leadId: string, o?: CallOptions): Promise<Activity[]>;
  addNote(leadId: string, notes: string, o?: CallOptions): Promise<void>;
  startCall(leadId: string, numType: 'contact' | 'mobile', o?: CallOptions): Promise<void>;
  agentStatus(o?: CallOptions): Promise<AgentStatus>;
}

/** One path segment: ids are the provider's, but they never get to change the path. */
function segment(id: string): string {
  const trimmed = id.trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(trimmed))
    throw new CallsideError('invalid_request', 'That CallHub id is not valid.');
  return trimmed;
}

function requestOptions(o: CallOptions | undefined): RestRequestOptions {
  return { ...(o?.signal ? { signal: o.signal } : {}), ...(o?.onWait ? { onWait: o.onWait } : {}) };
}

/**
 * The CallHub client: paths exactly as documented, trailing slash included (a GET without it is
 * redirected, a POST without it fails), lists as a DRF page or a bare array, domain rows out.
 */
export function connectCallhub(args: {
  baseUrl: string;
  apiKey: string;
  region: string;
  policy?: CallhubPolicy;
}): CallhubClient {
  const rest = createCallhubTransport({ baseUrl: args.baseUrl, apiKey: args.apiKey, ...args.policy });
  const { region } = args;

  async function page(path: string, link: string | null, endpoint: string, o?: CallOptions): Promise<ListPage> {
    const body = link === null ? await rest.get(path, requestOptions(o)) : await rest.getLink(link, requestOptions(o));
    return readListPage(body, endpoint);
  }

  async function all(path: string, endpoint: string, o?: CallOptions): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    let link: string | null = null;
    for (let count = 0; count < MAX_PAGES; count += 1) {
      const listed = await page(path, link, endpoint, o);
      rows.push(...listed.rows);
      if (listed.next === null) return rows;
      link = listed.next;
    }
    throw malformed(endpoint, 'the pages never end');
  }

  return {
    async verify(o) {
      const body = await rest.get('users/', requestOptions(o));
      // "your user information" [CH:358]: one object, a bare array, or a page of one.
      const user =
        Array.isArray(body) || (isPlainObject(body) && Array.isArray(body.results))
          ? readListPage(body, 'GET /users/').rows[0]
          : body;
      if (!isPlainObject(user)) throw malformed('GET /users/', 'no user in the answer');
    },

    async listPhonebooks(o) {
      const rows = await all('phonebooks/', 'GET /phonebooks/', o);
      return rows.map(readPhonebook).filter((book): book is Group => book !== null);
    },

    async listFields(o) {
      const custom = await all('custom_fields/', 'GET /custom_fields/', o);
      const contact = await all('contacts/fields/', 'GET /contacts/fields/', o);
      const fields = new Map<string, CustomField>();
      for (const row of contact) {
        const name = text(row, 'name');
        if (name !== '') fields.set(name, { name, type: null, builtIn: true });
      }
      for (const row of custom) {
        const name = text(row, 'name');
        if (name !== '') fields.set(name, { name, type: text(row, 'field_type') || null, builtIn: false });
      }
      return [...fields.values()];
    },

    async listDncNumbers(o) {
      const rows = await all('dnc_contacts/', 'GET /dnc_contacts/', o);
      return new Set(rows.map((row) => readDncNumber(row, region)).filter((number) => number !== ''));
    },

    async contactsPage(link, dnc, o) {
      const listed = await page('contacts/', link, 'GET /contacts/', o);
      return {
        leads: listed.rows.map((row) => readContact(row, 'GET /contacts/', { region, dnc })),
        next: listed.next,
      };
    },

    async getContact(id, o) {
      const body = await rest.get(`contacts/${segment(id)}/`, requestOptions(o));
      if (!isPlainObject(body)) throw malformed('GET /contacts/{id}/', 'not a contact');
      return readContact(body, 'GET /contacts/{id}/', { region, dnc: new Set() });
    },

    async findByPhone(e164, o) {
      if (!/^\+[1-9]\d{6,14}$/.test(e164))
        throw new CallsideError('invalid_request', 'A phone lookup needs a full phone number.');
      // CallHub stores numbers without `+` [CH:227]; a filter match is a handful of contacts, one page.
      const body = await rest.get('contacts/', { ...requestOptions(o), query: { contact: e164.slice(1) } });
      const leads = readListPage(body, 'GET /contacts/').rows.map((row) =>
        readContact(row, 'GET /contacts/', { region, dnc: new Set() }),
      );
      // A server that ignored the filter must not pop someone else.
      return leads.filter((lead) => lead.phone === e164 || lead.mobile === e164);
    },

    async history(leadId, o) {
      return readHistory(await rest.get(`subscriber-history/${segment(leadId)}/`, requestOptions(o)), leadId);
    },

    async addNote(leadId, notes, o) {
      await rest.send('POST', `contact-notes/${segment(leadId)}/`, { notes }, requestOptions(o));
    },

    async startCall(leadId, numType, o) {
      const created = await rest.send('POST', 'dialer/', { contact: segment(leadId) }, requestOptions(o));
      const uuid = isPlainObject(created) ? text(created, 'dialer_uuid') : '';
      if (uuid === '') throw malformed('POST /dialer/', 'no dialer_uuid');
      await rest.send('POST', `dialer/${segment(uuid)}/agent/`, { num_type: numType }, requestOptions(o));
    },

    async agentStatus(o) {
      const body = await rest.get('agent-status/', requestOptions(o));
      if (!isPlainObject(body)) throw malformed('GET /agent-status/', 'not an object');
      const state = (key: string): boolean => body[key] !== null && body[key] !== undefined && body[key] !== '';
      const known = ['connected_campaign', 'call_uuid', 'current_subscriber', 'subscriber_uuid', 'supervisor_uuid'];
      if (!known.some((key) => key in body)) throw malformed('GET /agent-status/', 'none of the five status fields');
      let name = '';
      try {
        const details = await rest.get('user-details/', requestOptions(o));
        if (isPlainObject(details))
          name = `${dotted(details, 'user.first_name')} ${dotted(details, 'user.last_name')}`.trim();
      } catch (error) {
        // The name is a courtesy: a status without it still tells the agent where they stand.
        if (!(error instanceof CallsideError) || error.code === 'cancelled' || error.code === 'auth') throw error;
      }
      return {
        agentId: 'me',
        name: name || 'This agent',
        // CallHub has no do-not-disturb; its status is the call state [CH:425-439].
        doNotDisturb: false,
        doNotDisturbUntil: null,
        // In a campaign and not talking to anyone: ready for the next call. Outside one: not taking calls.
        available: state('connected_campaign') ? !state('subscriber_uuid') && !state('current_subscriber') : false,
      };
    },
  };
}
