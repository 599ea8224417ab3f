import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { RawBridge } from '../shared/contract/bridge';
import { CHANNEL_NAMES, EVENT_NAMES } from '../shared/contract/channels';
import { IPC_EVENT, ipcChannel } from '../shared/contract/envelope';

/**
 * Exposes the contract as `window.callside` and nothing else: no ipcRenderer, no generic
 * send. Channel and event names are checked here as well as in main, so a compromised page
 * cannot reach an IPC channel the contract does not declare.
 */
const channelNames = new Set<string>(CHANNEL_NAMES);
const eventNames = new Set<string>(EVENT_NAMES);

const bridge: RawBridge = {
  invoke(channel, input) {
    if (typeof channel !== 'string' || !channelNames.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'bridge_payload', message: 'Unknown bridge channel.' } });
    }
    return ipcRenderer.invoke(ipcChannel(channel), input);
  },
  on(event, listener) {
    if (typeof event !== 'string' || !eventNames.has(event)) {
      throw new TypeError('Unknown bridge event.');
    }
    const handler = (_event: IpcRendererEvent, message: { event?: unknown; payload?: unknown }) => {
      if (message?.event === event) listener(message.payload);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('callside', bridge);
