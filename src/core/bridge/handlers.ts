import type { AccountStatus, HostKind } from '../../shared/contract/channels';
import type { OutboxEntryView } from '../../shared/contract/workspace-schemas';
import type { Lead, ProviderId } from '../../shared/domain';
import { CallsideError } from '../../shared/errors';
import type { EventHub } from '../events';
import { detectElectronBinary } from '../platform/electron-binary';
import { APP_NAME, APP_VERSION } from '../platform/version';
import type { AccountInput, AccountService } from '../services/account-service';
import type { ProviderModule } from '../providers/port';
import { PROVIDERS, providerModule } from '../providers/registry';
import type { Workspaces } from '../services/workspace';
import { DraftStore, draftWorkspaceKey } from '../services/drafts';
import { openLeadView, playableRecording, startProviderCall } from '../services/lead-view';
import type { SettingsStore } from '../settings/settings';
import type { TrayChannelName } from '../../shared/contract/tray-channels';
import type { BridgeHandlers } from './dispatch';
import type { OutboxList, WorkspacePorts } from './ports';

export interface HandlerDeps {
  hostKind: HostKind;
  dataDir: string;
  demo: boolean;
  settings: SettingsStore;
  accounts: AccountService;
  workspaces: Workspaces;
  events: EventHub;
  ports: WorkspacePorts;
}

/**
 * The bridge's handler table: each entry turns a validated input into a service call. No
 * logic of its own beyond choosing the service, so every host behaves the same.
 */
export function createBridgeHandlers(deps: HandlerDeps): Omit<BridgeHandlers, TrayChannelName> {
  const { accounts, workspaces, settings, events, ports } = deps;

  const accountStatus = (): AccountStatus => {
    const account = accounts.summary();
    if (account) return { mode: 'account', account };
    return { mode: deps.demo ? 'demo' : 'none', account: null };
  };

  /** Sync first lets go of the old workspace; closing its cache under a running pull fails it. */
  const releaseWorkspace = async (): Promise<void> => {
    await ports.sync.release();
    await workspaces.close();
  };

  const announceAccount = async (): Promise<AccountStatus> => {
    await releaseWorkspace();
    const status = accountStatus();
    events.emit('account.changed', status);
    events.emit('workspace.changed', { leadIds: null });
    return status;
  };

  const cache = async () => (await workspaces.active()).cache;

  /** Each op with its lead's name from the cache, so the outbox reads "Note · Karen King". */
  const namedOutbox = async (lists: OutboxList): Promise<OutboxList> => {
    const ids = [...new Set([...lists.pending, ...lists.failed].flatMap((op) => (op.leadId ? [op.leadId] : [])))];
    if (ids.length === 0) return lists;
    const names = new Map((await (await cache()).leads.getMany(ids)).map((lead) => [lead.id, displayName(lead)]));
    const name = (op: OutboxEntryView): OutboxEntryView => {
      const leadName = op.leadId ? names.get(op.leadId) : undefined;
      return leadName ? { ...op, leadName } : op;
    };
    return { pending: lists.pending.map(name), failed: lists.failed.map(name) };
  };

  const drafts = new DraftStore({ dataDir: deps.dataDir });
  /** Drafts belong to the workspace showing now: a demo's never appear under an account. */
  const draftWorkspace = async () => draftWorkspaceKey(await workspaces.active());

  return {
    'app.info': async () => {
      const electron = detectElectronBinary();
      return {
        name: APP_NAME,
        version: APP_VERSION,
        hostKind: deps.hostKind,
        platform: `${process.platform}-${process.arch}`,
        dataDir: deps.dataDir,
        electronBinary: { present: electron.present, detail: electron.detail },
      };
    },
    'account.status': async () => accountStatus(),
    'account.providers': async () => [...PROVIDERS.values()].map((provider) => providerInfo(provider)),
    'account.connect': async ({ apiKey, ...account }) => {
      await accounts.add(accountInput(account), apiKey, { beforeStore: releaseWorkspace });
      return announceAccount();
    },
    'account.test': async ({ apiKey, ...account }) => accounts.test(accountInput(account), apiKey),
    'account.signOut': async () => {
      await releaseWorkspace();
      await accounts.remove();
      return announceAccount();
    },
    'settings.get': async () => {
      const { timezone, dialScheme } = settings.read();
      return { timezone, dialScheme, demoProvider: workspaces.demoProvider() };
    },
    'settings.update': async (patch) => {
      if (patch.timezone !== undefined) accounts.setTimezone(patch.timezone);
      const before = workspaces.demoProvider();
      const { timezone, dialScheme } = settings.update({
        ...(patch.dialScheme ? { dialScheme: patch.dialScheme } : {}),
        ...(patch.demoProvider && before !== null ? { demoProvider: patch.demoProvider } : {}),
      });
      const demoProvider = workspaces.demoProvider();
      // Another simulator while the Demo workspace is showing: let go of it as an account switch does.
      if (demoProvider !== before && !accounts.summary()) await announceAccount();
      return { timezone, dialScheme, demoProvider };
    },
    'workspace.overview': async () => {
      const workspace = await workspaces.active();
      const provider = providerModule(workspace.account.provider);
      const repos = workspace.cache;
      const [groups, counts, tags, customFields, totalLeads] = await Promise.all([
        repos.groups.list(),
        repos.groups.memberCounts(),
        repos.tags.list(),
        repos.customFields.list(),
        repos.leads.count(),
      ]);
      return {
        kind: workspace.kind,
        account: workspace.account,
        totalLeads,
        groups: groups.map((group) => ({ ...group, leadCount: counts.get(group.id) ?? 0 })),
        tags,
        customFields,
        provider: { name: provider.name, capabilities: [...provider.capabilities] },
      };
    },
    'leads.list': async (query) => {
      // One extra row tells whether another page exists without a second COUNT query.
      const rows = await (await cache()).leads.list({ ...query, limit: query.limit + 1 });
      return { leads: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
    },
    'lead.open': async ({ leadId }) => {
      const workspace = await workspaces.active();
      return openLeadView(workspace, leadId, providerModule(workspace.account.provider));
    },
    'lead.recording': async ({ leadId, activityId }) =>
      playableRecording(await workspaces.active(), leadId, activityId),
    'lead.call': async ({ leadId, phone }) => startProviderCall(await workspaces.active(), leadId, phone),
    'lead.refresh': ({ leadId }) => ports.sync.refreshLead(leadId),
    'lead.tags': ({ leadId, action, tags }) => ports.actions.changeTags(leadId, action, tags),
    'lead.note': ({ leadId, text }) => ports.actions.addNote(leadId, text),
    'lead.move': ({ leadId, groupId, mode }) => ports.actions.moveToGroup(leadId, groupId, mode),
    'lead.unsubscribe': ({ leadId }) => ports.actions.unsubscribe(leadId),
    'outbox.list': async () => namedOutbox(await ports.outbox.list()),
    'outbox.retry': async ({ id }) => {
      await ports.outbox.retry(id);
      return namedOutbox(await ports.outbox.list());
    },
    'outbox.discard': async ({ id }) => {
      await ports.outbox.discard(id);
      return namedOutbox(await ports.outbox.list());
    },
    'sync.status': () => ports.sync.status(),
    'sync.run': ({ full }) => {
      if (!deps.demo && !accounts.summary()) {
        throw new CallsideError('not_configured', 'Add an account in Settings before syncing.');
      }
      return ports.sync.run({ full });
    },
    'draft.get': async ({ leadId }) => drafts.get(await draftWorkspace(), leadId),
    'draft.save': async ({ leadId, text }) => drafts.save(await draftWorkspace(), leadId, text),
    'draft.discard': async ({ leadId }) => ({ discarded: drafts.discard(await draftWorkspace(), leadId) }),
  };
}

/** The bridge's account fields as the account service takes them (Hot Prospector when unnamed). */
function accountInput(fields: Omit<AccountInput, 'provider'> & { provider?: AccountInput['provider'] | undefined }) {
  return { ...fields, provider: fields.provider ?? 'hotprospector' } satisfies AccountInput;
}

/** A provider as the account form needs it; nothing here is a secret. */
function providerInfo(provider: ProviderModule) {
  const { account } = provider;
  const versions = account.fields.find((field) => field.name === 'api')?.options ?? [];
  const addresses: Record<string, string> = { '': account.defaultBaseUrl({}) };
  for (const { value } of versions) addresses[value] = account.defaultBaseUrl({ api: value as 'v1' | 'v2' });
  return {
    id: provider.id as Exclude<ProviderId, 'demo'>,
    name: provider.name,
    fields: account.fields.map(({ options, ...field }) => ({
      ...field,
      ...(options ? { options: options.map((option) => ({ ...option })) } : {}),
    })),
    addresses,
    zonelessTimes: account.zonelessTimes,
    capabilities: [...provider.capabilities],
  };
}

/** A lead's name as the queue shows it: the person, else the company, else the number. */
function displayName(lead: Lead): string {
  return `${lead.firstName} ${lead.lastName}`.trim() || lead.company || lead.phone || lead.email || `Lead ${lead.id}`;
}
