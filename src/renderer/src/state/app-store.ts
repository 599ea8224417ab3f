import { create } from 'zustand';
import type { AccountStatus, AppInfo } from '../../../shared/contract/channels';
import { isCallsideError } from '../../../shared/errors';
import { bridge } from '../bridge';

type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

interface AppState {
  info: Load<AppInfo>;
  account: Load<AccountStatus>;
  load(): Promise<void>;
}

const messageOf = (error: unknown): string =>
  isCallsideError(error) ? error.message : 'Callside could not answer. Try again in a moment.';

export const useAppStore = create<AppState>((set) => ({
  info: { state: 'loading' },
  account: { state: 'loading' },
  async load() {
    const [info, account] = await Promise.allSettled([
      bridge.invoke('app.info', {}),
      bridge.invoke('account.status', {}),
    ]);
    set({
      info:
        info.status === 'fulfilled'
          ? { state: 'ready', value: info.value }
          : { state: 'error', message: messageOf(info.reason) },
      account:
        account.status === 'fulfilled'
          ? { state: 'ready', value: account.value }
          : { state: 'error', message: messageOf(account.reason) },
    });
  },
}));

bridge.on('account.changed', (account) => useAppStore.setState({ account: { state: 'ready', value: account } }));
