import type { IpcMain, WebContents, WebFrameMain } from 'electron';
import { CHANNEL_NAMES } from '../shared/contract/channels';
import { IPC_EVENT, ipcChannel, type BridgeResult } from '../shared/contract/envelope';
import type { Core } from '../core/core';

export type SenderCheck = (frame: WebFrameMain | null) => boolean;

const refused: BridgeResult = {
  ok: false,
  error: { code: 'unauthorized', message: 'This window may not use the Callside bridge.' },
};

/**
 * One `ipcMain.handle` per contract channel, derived from the contract. Every message's
 * sender frame is checked before its payload is even parsed; parsing and output checks
 * happen in the core dispatcher, shared with the browser host.
 */
export function registerBridgeIpc(ipcMain: IpcMain, core: Core, isTrustedSender: SenderCheck): () => void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return refused;
      return core.dispatch(name, input);
    });
  }
  return () => {
    for (const name of CHANNEL_NAMES) ipcMain.removeHandler(ipcChannel(name));
  };
}

/** Forwards core events to the given windows' renderers. */
export function forwardCoreEvents(core: Core, targets: () => WebContents[]): () => void {
  return core.events.subscribe((event, payload) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT, { event, payload });
    }
  });
}
