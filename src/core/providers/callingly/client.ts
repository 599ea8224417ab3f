import { DateTime } from 'luxon';
import type { Group, Lead } from '../../../shared/domain';
import { CallsideError } from '../../../shared/errors';
import { normalizePhone } from '../../normalize/phones';
import { isValidTimeZone, todayIn } from '../../normalize/time';
import { createCallinglyTransport, type RequestOptions } from './transport/transport';
import type { CallinglyAccount, CallinglyClient, CallinglyPolicy, CallOptions, LeadPage } from './types';
import { readAgent, readTeam } from './wire/agents';
import { readCall } from './wire/calls';
import { readLead, readLeadPage } from './wire/leads';
import { malformed, readList, readObject } from './wire/row';
import { toAccountWallClock } from './wire/times';

export const DEFAULT_CALLINGLY_BASE_URL = 'https://api.callingly.com/v1';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
/** Callingly started in 2018: a window from here covers an account's whole history. */
const HISTORY_START = '2010-01-01';

function invalid(message: string): CallsideError {
  return new CallsideError('invalid_request', message);
}

function checkDay(value: string, name: string): string {
  if (!DAY.test(value) || !DateTime.fromISO(value).isValid) throw invalid(`${name} must be a date as YYYY-MM-DD.`);
  return value;
}

function checkWindow(start: string, end: string): void {
  checkDay(start, 'start');
  checkDay(end, 'end');
  if (start > end) throw invalid('The start of the window is after its end.');
}

function checkWhole(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw invalid(`${name} must be a whole number of at least 1.`);
  return value;
}

/** One path segment: ids are the provider's, but they never get to change the path. */
function segment(id: string, what: string): string {
  const trimmed = id.trim();
  if (trimmed === '') throw invalid(`The ${what} id is empty.`);
  return encodeURIComponent(trimmed);
}

function callOptions(o: CallOptions | undefined): RequestOptions {
  return { ...(o?.signal ? { signal: o.signal } : {}), ...(o?.onWait ? { onWait: o.onWait } : {}) };
}

/**
 * The Callingly client: typed calls over the REST API [CL] returning domain rows. `Authorization:
 * Bearer` and `Accept: application/json` on every request, `account_id` too when the account is
 * an agency's client. Reads retry; the one write (do-not-disturb) does not, except after a 429.
 */
export function connectCallingly(args: {
  account: CallinglyAccount;
  apiKey: string;
  policy?: CallinglyPolicy;
}): CallinglyClient {
  const { account, apiKey, policy = {} } = args;
  const zone = account.timezone;
  if (!isValidTimeZone(zone)) throw invalid(`"${zone}" is not a time zone Callside knows.`);
  const transport = createCallinglyTransport({
    baseUrl: account.baseUrl,
    apiKey,
    accountId: account.accountId,
    ...(policy.fetch ? { fetch: policy.fetch } : {}),
    ...(policy.timeoutMs !== undefined ? { timeoutMs: policy.timeoutMs } : {}),
    ...(policy.retries !== undefined ? { retries: policy.retries } : {}),
    ...(policy.baseDelayMs !== undefined ? { baseDelayMs: policy.baseDelayMs } : {}),
    ...(policy.maxDelayMs !== undefined ? { maxDelayMs: policy.maxDelayMs } : {}),
  });

  async function leads(query: Record<string, string>, o: CallOptions | undefined): Promise<LeadPage> {
    const body = await transport.get('leads', { ...callOptions(o), query });
    return readLeadPage(readList(body, 'GET /leads'), zone);
  }

  return {
    async verify(o) {
      readList(await transport.get('teams', callOptions(o)), 'GET /teams');
    },

    async listTeams(o): Promise<Group[]> {
      return readList(await transport.get('teams', callOptions(o)), 'GET /teams').map(readTeam);
    },

    async listAgents(o) {
      const rows = readList(await transport.get('agents', callOptions(o)), 'GET /agents', ['agents', 'users']);
      return rows.map((row) => readAgent(row, zone));
    },

    async setDoNotDisturb(agentId, on, until, o) {
      let wallClock: string | null = null;
      if (on && until !== null) {
        wallClock = toAccountWallClock(until, zone);
        if (wallClock === null) throw invalid('The do-not-disturb end must be a UTC ISO time.');
      }
      await transport.put(
        `agents/${segment(agentId, 'agent')}`,
        { donotdisturb: on ? 1 : 0, donotdisturb_until: wallClock },
        callOptions(o),
      );
    },

    async listLeads(window, o) {
      checkWindow(window.start, window.end);
      return leads({ start: window.start, end: window.end }, o);
    },

    async findByPhone(e164, o) {
      const phone = normalizePhone(e164);
      if (!E164.test(phone)) throw invalid('A phone lookup needs a full phone number.');
      let page: LeadPage;
      try {
        page = await leads({ phone_number: phone }, o);
      } catch (error) {
        // The doc shows the phone filter only beside a date window [CL:119]: a server that wants one gets all history.
        if (!(error instanceof CallsideError && error.code === 'invalid_request')) throw error;
        const end = todayIn(zone, new Date(Date.now() + 86_400_000));
        page = await leads({ start: HISTORY_START, end, phone_number: phone }, o);
      }
      // Only the number asked for: a server that ignored the filter must not pop someone else.
      const kept = page.leads.filter((lead) => lead.phone === phone);
      const ids = new Set(kept.map((lead) => lead.id));
      return { leads: kept, activities: page.activities.filter((activity) => ids.has(activity.leadId)) };
    },

    async getLead(id, o): Promise<Lead | null> {
      let body: unknown;
      try {
        body = await transport.get(`leads/${segment(id, 'lead')}`, callOptions(o));
      } catch (error) {
        if (error instanceof CallsideError && error.code === 'not_found') return null;
        throw error;
      }
      const row = readObject(body, 'GET /leads/{id}');
      return row === null ? null : readLead(row, zone);
    },

    async listCalls(q, o) {
      checkWindow(q.start, q.end);
      const query: Record<string, string | number> = {
        start: q.start,
        end: q.end,
        ...(q.teamId === undefined ? {} : { team_id: q.teamId }),
        limit: checkWhole(q.limit, 'limit'),
        page: checkWhole(q.page, 'page'),
      };
      const body = await transport.get('calls', { ...callOptions(o), query });
      return readList(body, 'GET /calls', ['calls']).map((row) => readCall(row, { zone }));
    },

    async getCall(id, o) {
      const body = await transport.get(`calls/${segment(id, 'call')}`, callOptions(o));
      const row = readObject(body, 'GET /calls/{id}');
      if (row === null) throw malformed('GET /calls/{id}', 'an empty answer where a call was expected');
      return readCall(row, { zone });
    },
  };
}
