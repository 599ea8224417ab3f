import type { HostKind } from '../shared/contract/channels';
import { CallsideError } from '../shared/errors';
import { createDispatcher, type Dispatch } from './bridge/dispatch';
import { createBridgeHandlers } from './bridge/handlers';
import { createTrayHandlers } from './bridge/tray-handlers';
import { createTrayServices, type TrayServices } from './services/tray-services';
import { EventHub } from './events';
import { AccountService } from './services/account-service';
import type { DemoWorkspace } from './services/demo-workspace';
import { LeadActions } from './services/lead-actions';
import { SyncService } from './services/sync-service';
import { DEFAULT_SYNC_INTERVAL_MS, scheduleSync } from './sync/schedule';
import { Workspaces } from './services/workspace';
import type { SecretStore } from './settings/secret-store';
import type { SettingsStore } from './settings/settings';

export interface CoreOptions {
  hostKind: HostKind;
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  /**
   * The Demo workspace shown when no account is configured, built by the host (core never
   * starts the simulator itself); null when the host runs without it. Core stops it on dispose.
   */
  demo: DemoWorkspace | null;
  /**
   * Long-running hosts (the desktop app, `callside serve`) deliver queued changes in the
   * background as they are made; the CLI delivers them when a command asks.
   */
  background?: boolean;
  /** With `background`: how often to pull on its own. Default DEFAULT_SYNC_INTERVAL_MS. */
  syncIntervalMs?: number;
}

export interface Core {
  readonly options: CoreOptions;
  readonly events: EventHub;
  readonly dispatch: Dispatch;
  readonly accounts: AccountService;
  /** The active workspace's cache and provider client (the account's, else the demo's). */
  readonly workspaces: Workspaces;
  /** The Demo workspace the host handed in; null when the host runs without it. */
  readonly demo: DemoWorkspace | null;
  /** Tray metrics, notifications and screen pop; hosts that show them call tray.start(). */
  readonly tray: TrayServices;
  readonly sync: SyncService;
  readonly actions: LeadActions;
  dispose(): Promise<void>;
}

/** How a host is named to another process that finds the outbox busy. */
const HOST_LABELS: Record<HostKind, string> = {
  electron: 'the desktop app',
  browser: 'callside serve',
  cli: 'the callside command',
};

/**
 * The one engine all three hosts (Electron main, `callside serve`, the CLI) construct. It knows
 * nothing of Electron or HTTP: hosts hand it their settings store and forward its dispatch
 * and events over their own transport.
 */
export function createCore(options: CoreOptions): Core {
  const events = new EventHub();
  const accounts = new AccountService(options.settings, options.secrets);
  const demo = options.demo || null;
  if (demo !== null && typeof demo.account !== 'function') {
    throw new TypeError(
      'CoreOptions.demo takes a DemoWorkspace (the hosts build one: src/hosts/demo-workspace.ts) or null.',
    );
  }
  const workspaces = new Workspaces(options.dataDir, accounts, demo, () => options.settings.read().demoProvider);
  const tray = createTrayServices({
    hostKind: options.hostKind,
    dataDir: options.dataDir,
    settings: options.settings,
    secrets: options.secrets,
    workspaces,
    events,
  });
  const sync = new SyncService({
    workspaces,
    events,
    background: options.background ?? false,
    label: HOST_LABELS[options.hostKind],
  });
  const actions = new LeadActions(sync);
  const stopSchedule = options.background
    ? scheduleSync(sync, options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS)
    : () => {};
  const handlers = createBridgeHandlers({
    hostKind: options.hostKind,
    dataDir: options.dataDir,
    demo: demo !== null,
    settings: options.settings,
    accounts,
    workspaces,
    events,
    ports: {
      sync: {
        status: () => sync.status(),
        run: async ({ full }) => (await sync.run({ full }), sync.status()),
        refreshLead: (leadId) => sync.refreshLead(leadId),
        release: () => sync.dispose(),
      },
      outbox: {
        list: () => sync.outbox(),
        // An id no longer in the outbox most likely went out between the agent's look and click:
        // saying so beats letting them believe they cancelled a change that reached the provider.
        retry: async (id) => {
          if (!(await sync.retry(id)))
            throw new CallsideError('not_found', 'That change is no longer waiting to be retried.');
        },
        discard: async (id) => {
          if (!(await sync.discard(id))) {
            throw new CallsideError(
              'not_found',
              'That change is no longer in the outbox: it was sent or discarded already.',
            );
          }
        },
      },
      actions,
    },
  });
  return {
    options,
    events,
    dispatch: createDispatcher({ ...handlers, ...createTrayHandlers(tray) }),
    tray,
    accounts,
    workspaces,
    demo,
    sync,
    actions,
    async dispose() {
      stopSchedule();
      tray.stop();
      await sync.dispose();
      await workspaces.close();
      await demo?.stop();
    },
  };
}
