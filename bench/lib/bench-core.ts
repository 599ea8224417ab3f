import type { Core } from '../../src/core/core';
import { createDispatcher, type BridgeHandlers } from '../../src/core/bridge/dispatch';
import { createBridgeHandlers } from '../../src/core/bridge/handlers';
import { createTrayHandlers } from '../../src/core/bridge/tray-handlers';
import { EventHub } from '../../src/core/events';
import type { Cache } from '../../src/core/cache';
import { AccountService } from '../../src/core/services/account-service';
import type { Workspaces } from '../../src/core/services/workspace';
import { createMemoryStateFile } from '../../src/core/settings/json-state-file';
import { createMemorySecretStore } from '../../src/core/settings/memory-secret-store';
import { createSettingsStore } from '../../src/core/settings/settings';
import { emptyNotificationState } from '../../src/core/services/notification-watcher';
import { createTrayServices } from '../../src/core/services/tray-services';
import { DEFAULT_TIMEZONE } from '../../src/shared/domain';
import { CallsideError } from '../../src/shared/errors';

/**
 * The core the Chromium suites serve: the real workspace and tray handlers over the bench's
 * warm cache. The bench has no provider, so sync reports "up to date, idle" and writes answer
 * "not configured"; everything the measured views read goes through the real code.
 */
export function createBenchCore(cache: Cache): Core {
  const events = new EventHub();
  const store: Record<string, unknown> = {};
  const settings = createSettingsStore({
    get store() {
      return store;
    },
    set(values) {
      Object.assign(store, values);
    },
    path: ':memory:',
  });
  const secrets = createMemorySecretStore();
  const workspace = {
    kind: 'demo' as const,
    account: {
      provider: 'demo' as const,
      api: null,
      uid: 'bench',
      baseUrl: 'http://127.0.0.1',
      timezone: DEFAULT_TIMEZONE,
    },
    cache,
    session: async () => {
      throw new CallsideError('not_configured', 'The bench has no provider.');
    },
  };
  const workspaces = {
    async active() {
      return workspace;
    },
    async close() {},
  } as unknown as Workspaces;
  const tray = createTrayServices({
    hostKind: 'browser',
    dataDir: ':memory:',
    settings,
    secrets,
    events,
    notificationState: createMemoryStateFile(emptyNotificationState()),
    workspaces,
  });
  const syncedAt = new Date().toISOString();
  const status = async () => ({
    online: true,
    running: false,
    lastSyncAt: syncedAt,
    lastError: null,
    pending: 0,
    failed: 0,
  });
  const notConfigured = async () => {
    throw new CallsideError('not_configured', 'Not part of the bench.');
  };
  const handlers = createBridgeHandlers({
    hostKind: 'browser',
    dataDir: ':memory:',
    demo: true,
    settings,
    accounts: new AccountService(settings, secrets),
    workspaces,
    events,
    ports: {
      sync: { status, run: status, refreshLead: notConfigured, release: async () => {} },
      outbox: { list: async () => ({ pending: [], failed: [] }), retry: notConfigured, discard: notConfigured },
      actions: {
        changeTags: notConfigured,
        addNote: notConfigured,
        moveToGroup: notConfigured,
        unsubscribe: notConfigured,
      },
    },
  });
  return {
    events,
    dispatch: createDispatcher({ ...handlers, ...createTrayHandlers(tray) } as BridgeHandlers),
  } as unknown as Core;
}
