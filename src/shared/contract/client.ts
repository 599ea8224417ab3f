import { CallsideError, errorCodeSchema } from '../errors';
import type { CallsideBridge, RawBridge } from './bridge';
import { channels, events, isChannelName, isEventName } from './channels';
import { bridgeResultSchema } from './envelope';

/**
 * Wraps a raw transport (the Electron preload or the browser host's WebSocket) into the typed
 * bridge. Results are checked against the contract on this side too, so a renderer never
 * works with a shape the contract does not promise.
 */
export function createTypedBridge(raw: RawBridge): CallsideBridge {
  return {
    async invoke(channel, input) {
      if (!isChannelName(channel)) {
        throw new CallsideError('bridge_payload', `Unknown bridge channel "${String(channel)}".`);
      }
      const envelope = bridgeResultSchema.safeParse(await raw.invoke(channel, input));
      if (!envelope.success) {
        throw new CallsideError('bridge_payload', `The answer on ${channel} is not a bridge result.`);
      }
      if (!envelope.data.ok) {
        const { code, message, retryable } = envelope.data.error;
        const known = errorCodeSchema.safeParse(code);
        throw new CallsideError(known.success ? known.data : 'internal', message, {
          retryable: retryable ?? false,
        });
      }
      const output = channels[channel].output.safeParse(envelope.data.value);
      if (!output.success) {
        throw new CallsideError('bridge_payload', `The answer on ${channel} does not match the contract.`);
      }
      return output.data as never;
    },
    on(event, listener) {
      if (!isEventName(event)) throw new CallsideError('bridge_payload', `Unknown event "${String(event)}".`);
      return raw.on(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        // A malformed push is dropped rather than handed to UI code that trusts its type.
        if (parsed.success) listener(parsed.data as never);
      });
    },
  };
}
