import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from './channels';

/**
 * `window.callside`: the only thing the renderer can reach. Identical whether it is the
 * Electron preload or the browser host's WebSocket shim underneath.
 */
export interface CallsideBridge {
  /** Resolves with the channel's output; rejects with a BridgeError carrying the error code. */
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The raw form the preload exposes: results as envelopes, so codes survive the IPC hop. */
export interface RawBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
