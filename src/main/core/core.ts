import type { HostKind } from '../../shared/contract/channels';
import { createDispatcher, type BridgeHandlers, type Dispatch } from './bridge/dispatch';
import { EventHub } from './events';
import { detectElectronBinary } from './platform/electron-binary';
import { APP_NAME, APP_VERSION } from './platform/version';
import { AccountService } from './services/account-service';
import type { SecretStore } from './settings/secret-store';
import type { SettingsStore } from './settings/settings';

export interface CoreOptions {
  hostKind: HostKind;
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  /** Open the Demo workspace when no account is configured. */
  demo: boolean;
}

export interface Core {
  readonly options: CoreOptions;
  readonly events: EventHub;
  readonly dispatch: Dispatch;
  readonly accounts: AccountService;
  dispose(): Promise<void>;
}

/**
 * The one engine all three hosts (Electron main, `callside serve`, the CLI) construct. It knows
 * nothing of Electron or HTTP: hosts hand it their settings store and forward its dispatch
 * and events over their own transport.
 */
export function createCore(options: CoreOptions): Core {
  const events = new EventHub();
  const accounts = new AccountService(options.settings, options.secrets);
  const handlers: BridgeHandlers = {
    'app.info': async () => {
      const electron = detectElectronBinary();
      return {
        name: APP_NAME,
        version: APP_VERSION,
        hostKind: options.hostKind,
        platform: `${process.platform}-${process.arch}`,
        dataDir: options.dataDir,
        electronBinary: { present: electron.present, detail: electron.detail },
      };
    },
    'account.status': async () => {
      const account = accounts.summary();
      if (account) return { mode: 'account', account };
      return { mode: options.demo ? 'demo' : 'none', account: null };
    },
  };
  return {
    options,
    events,
    dispatch: createDispatcher(handlers),
    accounts,
    async dispose() {},
  };
}
