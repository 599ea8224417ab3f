import { events, type EventName, type EventPayload } from '../shared/contract/channels';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Main → renderer pushes start here. Each host subscribes once and forwards to its transport
 * (webContents.send, WebSocket clients). Payloads are checked against the contract on the
 * way out, like channel outputs.
 */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = events[event].parse(payload) as EventPayload<E>;
    for (const listener of this.listeners) listener(event, checked);
  }
}
