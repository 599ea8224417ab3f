import type { RawBridge } from '../../../shared/contract/bridge';
import type { BridgeResult, WsMessage } from '../../../shared/contract/envelope';

interface Pending {
  resolve: (result: BridgeResult) => void;
}

const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

/**
 * The browser host's transport: one WebSocket to `/bridge`, requests matched to answers by id,
 * events fanned out to listeners. It reconnects on its own; calls made while disconnected wait
 * for the socket, and calls in flight when it drops resolve with a network error.
 */
export function createWebSocketBridge(endpoint: string): RawBridge {
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;
  let nextId = 1;
  let attempt = 0;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    opened = new Promise((resolve) => {
      const open = () => {
        const ws = new WebSocket(endpoint);
        ws.onopen = () => {
          attempt = 0;
          socket = ws;
          resolve(ws);
        };
        ws.onmessage = (message) => receive(String(message.data));
        ws.onclose = () => {
          const wasOpen = socket === ws;
          socket = null;
          for (const [id, request] of pending) {
            request.resolve({
              ok: false,
              error: { code: 'network', message: 'Lost the connection to Callside.', retryable: true },
            });
            pending.delete(id);
          }
          const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)];
          attempt += 1;
          if (wasOpen) opened = null;
          // Keep trying in the background so events resume when the host is back.
          setTimeout(wasOpen ? () => void connect() : open, delay);
        };
      };
      open();
    });
    return opened;
  };

  const receive = (text: string) => {
    let message: WsMessage;
    try {
      message = JSON.parse(text) as WsMessage;
    } catch {
      return;
    }
    if (message.type === 'result') {
      pending.get(message.id)?.resolve(message.result);
      pending.delete(message.id);
    } else if (message.type === 'event') {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    }
  };

  return {
    async invoke(channel, input) {
      const ws = socket ?? (await connect());
      const id = nextId++;
      return new Promise<BridgeResult>((resolve) => {
        pending.set(id, { resolve });
        ws.send(JSON.stringify({ id, channel, input }));
      });
    },
    on(event, listener) {
      void connect();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}
