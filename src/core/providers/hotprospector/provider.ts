import type { Capability, ProviderModule, ProviderSession } from '../port';
import type { HotProspectorClient } from './client';
import { connectHotProspector } from './connect';
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
    refreshLead: (ctx, leadId) => refreshLeadHistory({ ...ctx, client }, leadId),
  };
}

export const hotProspector: ProviderModule = {
  id: 'hotprospector',
  name: 'Hot Prospector',
  capabilities: HOT_PROSPECTOR_CAPABILITIES,
  connect: ({ account, apiKey, secrets }) => hotProspectorSession(connectHotProspector({ account, apiKey, secrets })),
};
