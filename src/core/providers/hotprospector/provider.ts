import { CallsideError } from '../../../shared/errors';
import type { AccountShape, Capability, ProviderModule, ProviderSession } from '../port';
import type { HotProspectorClient } from './client';
import { connectHotProspector } from './connect';
import { DEFAULT_V1_URL, DEFAULT_V2_BASE_URL } from './transport';
import { hotProspectorOps } from './ops';
import { refreshLeadHistory } from './streams/lead-history';
import { hotProspectorStreams } from './streams';

/** What Hot Prospector (V1 and V2) can do, as ../shared/providers.md section 4.2 reads it. */
export const HOT_PROSPECTOR_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'account.verify',
  'leads.list',
  'leads.get',
  'leads.search.remote',
  'leads.create',
  'leads.update',
  'leads.unsubscribe',
  'groups.list',
  'groups.move',
  'timeline.calls',
  'timeline.calls.recording',
  'timeline.sms',
  'timeline.rvm',
  'timeline.transcripts',
  'notes.read',
  'tags.read',
  'tags.write',
  'customFields.read',
  'dispositions.read',
  'metrics.native',
  'campaigns.read',
  'agents.list',
]);

/** A Hot Prospector session: the engine's port over one account's client. */
export interface HotProspectorSession extends ProviderSession {
  readonly client: HotProspectorClient;
}

export function hotProspectorSession(client: HotProspectorClient): HotProspectorSession {
  const ops = hotProspectorOps(client);
  return {
    provider: client.provider,
    name: 'Hot Prospector',
    capabilities: HOT_PROSPECTOR_CAPABILITIES,
    client,
    async verify(options) {
      await client.login(options);
    },
    signOut: () => client.signOut().catch(() => undefined),
    streams: () => hotProspectorStreams(client),
    ops,
    dashboard: (date, options) => client.getDashboard({ date }, options),
    campaigns: {
      list: (options) => client.listCampaigns(options),
      dashboard: (campaignId, date, options) => client.getCampaignDashboard({ campaignId, date }, options),
    },
    async recentInbound({ fromDate, toDate, limit }, options) {
      const [calls, sms] = await Promise.all([
        client.listAccountCalls({ fromDate, toDate, type: 'inbound', limit }, options),
        client.listAccountSms({ fromDate, toDate, direction: 'inbound', limit }, options),
      ]);
      return { calls: calls.items, sms: sms.items };
    },
    refreshLead: (ctx, leadId) => refreshLeadHistory({ ...ctx, client }, leadId),
  };
}

/** V1 or V2, a user id and a key; its times are Los Angeles wall clock unless the account says otherwise. */
const HOT_PROSPECTOR_ACCOUNT: AccountShape = {
  defaultBaseUrl: ({ api }) => (api === 'v2' ? DEFAULT_V2_BASE_URL : DEFAULT_V1_URL),
  fields: [
    {
      name: 'api',
      label: 'API version',
      help: 'V2 exchanges the key for short-lived tokens; V1 sends it with every request.',
      required: true,
      options: [
        { value: 'v1', label: 'Custom API V1' },
        { value: 'v2', label: 'API V2' },
      ],
    },
    {
      name: 'uid',
      label: 'User id',
      help: 'The api_uId on the Custom API settings page, beside the key.',
      required: true,
    },
  ],
  defaultTimezone: 'America/Los_Angeles',
  zonelessTimes: false,
  normalize(input, defaults) {
    const uid = (input.uid ?? '').trim();
    if (uid === '') throw new CallsideError('invalid_request', 'The user id (api_uId) is empty.');
    return {
      provider: 'hotprospector',
      api: input.api ?? 'v1',
      uid,
      baseUrl: defaults.baseUrl,
      timezone: defaults.timezone,
    };
  },
  describe: (account) => (account.uid ? ` as user ${account.uid}` : ''),
  keySecret: 'hotprospector.apiKey',
  sessionSecrets: ['hotprospector.v2Tokens'],
};

export const hotProspector: ProviderModule = {
  id: 'hotprospector',
  name: 'Hot Prospector',
  capabilities: HOT_PROSPECTOR_CAPABILITIES,
  account: HOT_PROSPECTOR_ACCOUNT,
  connect: ({ account, apiKey, secrets, policy }) =>
    hotProspectorSession(connectHotProspector({ account, apiKey, secrets, ...(policy ? { policy } : {}) })),
};
