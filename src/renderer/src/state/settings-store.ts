import { create } from 'zustand';
import type { ChannelInput } from '../../../shared/contract/channels';
import type { ProviderInfo } from '../../../shared/contract/workspace-schemas';
import { DEFAULT_TIMEZONE } from '../../../shared/domain';
import { bridge } from '../bridge';
import { messageOf } from '../lib/errors';
import type { ConnectionTest, UiSettings } from '../lib/types';
import { useAppStore } from './app-store';

export type AccountInput = ChannelInput<'account.connect'>;

type Notice = { ok: boolean; message: string } | null;

interface SettingsState {
  settings: UiSettings | null;
  loadError: string | null;
  /** Outcome of the last preference change. */
  saveNotice: Notice;
  /** Outcome of the last test, connect or sign-out. */
  accountNotice: Notice;
  accountBusy: 'test' | 'connect' | 'signOut' | null;
  /** The providers an account can be on, each with its own fields; null until loaded. */
  providers: ProviderInfo[] | null;
  load(): Promise<void>;
  update(patch: ChannelInput<'settings.update'>): Promise<void>;
  /** The key is passed straight through to main and not kept here. */
  test(input: Omit<AccountInput, 'apiKey'> & { apiKey?: string }): Promise<ConnectionTest | null>;
  connect(input: AccountInput): Promise<boolean>;
  signOut(): Promise<void>;
}

export const useSettingsStore = create<SettingsState>((set, get) => ({
  settings: null,
  loadError: null,
  saveNotice: null,
  accountNotice: null,
  accountBusy: null,
  providers: null,

  async load() {
    try {
      const [settings, providers] = await Promise.all([
        bridge.invoke('settings.get', {}),
        get().providers ? Promise.resolve(get().providers) : bridge.invoke('account.providers', {}),
      ]);
      set({ settings, providers, loadError: null });
    } catch (error) {
      set({ loadError: messageOf(error) });
    }
  },

  async update(patch) {
    const before = get().settings;
    // Shown at once (a radio button must not spring back while main saves); undone on failure.
    if (before) set({ settings: { ...before, ...patch }, saveNotice: null });
    try {
      set({ settings: await bridge.invoke('settings.update', patch), saveNotice: { ok: true, message: 'Saved.' } });
    } catch (error) {
      set({ settings: before, saveNotice: { ok: false, message: messageOf(error) } });
    }
  },

  async test(input) {
    if (get().accountBusy) return null;
    set({ accountBusy: 'test', accountNotice: null });
    try {
      const result = await bridge.invoke('account.test', input);
      set({ accountNotice: { ok: result.ok, message: result.message } });
      return result;
    } catch (error) {
      set({ accountNotice: { ok: false, message: messageOf(error) } });
      return null;
    } finally {
      set({ accountBusy: null });
    }
  },

  async connect(input) {
    if (get().accountBusy) return false;
    set({ accountBusy: 'connect', accountNotice: null });
    try {
      const status = await bridge.invoke('account.connect', input);
      useAppStore.setState({ account: { state: 'ready', value: status } });
      set({ accountNotice: { ok: true, message: 'Connected. The key is saved and will not be shown again.' } });
      void get().load();
      return true;
    } catch (error) {
      set({ accountNotice: { ok: false, message: messageOf(error) } });
      return false;
    } finally {
      set({ accountBusy: null });
    }
  },

  async signOut() {
    if (get().accountBusy) return;
    set({ accountBusy: 'signOut', accountNotice: null });
    try {
      const status = await bridge.invoke('account.signOut', {});
      useAppStore.setState({ account: { state: 'ready', value: status } });
      set({ accountNotice: { ok: true, message: 'Signed out. The stored key was removed.' } });
      void get().load();
    } catch (error) {
      set({ accountNotice: { ok: false, message: messageOf(error) } });
    } finally {
      set({ accountBusy: null });
    }
  },
}));

/** The zone every time on screen is shown in: the account's, default America/Los_Angeles. */
export function useTimeZone(): string {
  return useSettingsStore((state) => state.settings?.timezone ?? DEFAULT_TIMEZONE);
}
