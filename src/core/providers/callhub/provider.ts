import { CallsideError } from '../../../shared/errors';
import { isLocalLeadId } from '../../sync/local-ids';
import { OP_KIND, type NoteAddPayload } from '../../sync/outbox/op-kinds';
import type { OpDeliveries, OpDelivery } from '../../sync/outbox/handlers';
import { callOptions } from '../../sync/pull/context';
import { restPolicy } from '../http/rest';
import { unsupported, type AccountShape, type Capability, type ProviderModule, type ProviderSession } from '../port';
import { connectCallhub, DEFAULT_CALLHUB_BASE_URL, type CallhubClient, type CallhubPolicy } from './client';
import { contactsStream, fieldsStream, phonebooksStream } from './streams';
import { callhubPhone, regionCode } from './wire/phones';

/**
 * What CallHub can do, as ../shared/providers.md section 4.2 reads its doc: no call log (so no
 * metrics), no tags, notes written but never read back, the agent's call state read-only, DNC
 * read (as `unsubscribed`) but not written. `timeline.calls` stays off: the subscriber history
 * has no documented shape (providers.md 2.7), so refreshLead reads it defensively, unadvertised.
 */
export const CALLHUB_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'account.verify',
  'leads.list',
  'leads.lookup.phone',
  'groups.list',
  'customFields.read',
  'notes.write',
  'agent.status.read',
  'call.start',
]);

const MODULE = { name: 'CallHub' } as const;
/** Where a number without `+` is read when neither the contact nor the account says. */
export const DEFAULT_CALLHUB_REGION = 'US';

export interface CallhubSession extends ProviderSession {
  readonly client: CallhubClient;
}

export function callhubSession(client: CallhubClient): CallhubSession {
  return {
    provider: 'callhub',
    name: 'CallHub',
    capabilities: CALLHUB_CAPABILITIES,
    client,
    verify: (options) => client.verify(options),
    // Token keys do not expire by signing out; nothing to revoke.
    signOut: async () => undefined,
    streams: () => [phonebooksStream(client), fieldsStream(client), contactsStream(client)],
    ops: callhubOps(client),
    // DNC is not read for a pop: a screen pop shows who calls, and the cached lead says the rest.
    lookupPhone: async (e164, options) => ({ leads: await client.findByPhone(e164, options), activities: [] }),
    refreshLead: async (ctx, leadId) => {
      // A lead created here has no CallHub id yet: nothing to ask for.
      if (isLocalLeadId(leadId)) return { notes: 0, activities: 0 };
      // An unreadable history throws before anything is written: the cached timeline stays.
      const activities = await ctx.exclusive.run(async () => {
        let rows;
        try {
          rows = await client.history(leadId, callOptions(ctx));
        } catch (error) {
          // The history is "about the current contact being called" [CH:501-503]: a contact
          // outside every campaign has none, which is not a failure of opening the lead.
          if (error instanceof CallsideError && error.code === 'not_found') return 0;
          throw error;
        }
        await ctx.cache.activities.upsertPage(rows);
        return rows.length;
      });
      return { notes: 0, activities };
    },
    startCall: async ({ leadId, phone }, options) => {
      const contact = await client.getContact(leadId, options);
      const wanted = callhubPhone(phone, contact.countryCode || DEFAULT_CALLHUB_REGION);
      // num_type names which of the contact's two numbers CallHub dials [CH:537-541].
      const numType = wanted !== '' && wanted === contact.mobile && wanted !== contact.phone ? 'mobile' : 'contact';
      if (wanted !== contact.phone && wanted !== contact.mobile) {
        throw new CallsideError('invalid_request', 'CallHub can only call one of the contact\u2019s own numbers.');
      }
      await client.startCall(leadId, numType, options);
    },
    agentStatus: {
      list: async (options) => [await client.agentStatus(options)],
      setDoNotDisturb: async () => {
        throw unsupported(MODULE, 'set do-not-disturb (its API only reads the agent\u2019s call state)');
      },
    },
  };
}

/**
 * Notes go to `POST /contact-notes/{id}/` with `{"notes": …}` [providers.md 2.7]. There is no
 * verify: CallHub has no endpoint that reads notes back (they surface only in its dialer call
 * reports and the `cc.notes` webhook), so a note that may have landed cannot be checked and is
 * sent again. Tags have no API at all: no delivery, so tag changes are refused before queueing.
 */
function callhubOps(client: CallhubClient): OpDeliveries {
  const note: OpDelivery<NoteAddPayload> = {
    remote: true,
    send: async (payload, ctx) => {
      await client.addNote(ctx.leadId, payload.text, ctx.options);
      return {};
    },
  };
  return { [OP_KIND.noteAdd]: note as OpDelivery<never> };
}

const CALLHUB_ACCOUNT: AccountShape = {
  defaultBaseUrl: () => DEFAULT_CALLHUB_BASE_URL,
  fields: [
    {
      name: 'region',
      label: 'Country for numbers without +',
      help: 'CallHub keeps some numbers without their country code; they are read in this country (two letters, US if empty).',
      required: false,
    },
  ],
  defaultTimezone: null,
  zonelessTimes: false,
  normalize: (input, defaults) => {
    const given = input.region?.trim() ?? '';
    const region = given === '' ? null : regionCode(given);
    if (given !== '' && region === null) {
      throw new CallsideError(
        'invalid_request',
        'The country for numbers without + must be two letters, like US or FR.',
      );
    }
    return { provider: 'callhub', api: null, uid: '', baseUrl: defaults.baseUrl, timezone: defaults.timezone, region };
  },
  describe: (account) => (account.region ? ` reading numbers without + in ${account.region}` : ''),
  keySecret: 'callhub.apiKey',
  sessionSecrets: [],
};

export const callhub: ProviderModule = {
  id: 'callhub',
  name: 'CallHub',
  capabilities: CALLHUB_CAPABILITIES,
  account: CALLHUB_ACCOUNT,
  connect: ({ account, apiKey, policy }) => {
    const tuned: CallhubPolicy = restPolicy(policy);
    const region = regionCode(account.region) ?? DEFAULT_CALLHUB_REGION;
    return callhubSession(connectCallhub({ baseUrl: account.baseUrl, apiKey, region, policy: tuned }));
  },
};
