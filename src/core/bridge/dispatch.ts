import { z } from 'zod';
import {
  channels,
  isChannelName,
  type ChannelName,
  type ChannelOutput,
  type Channels,
} from '../../shared/contract/channels';
import type { BridgeResult } from '../../shared/contract/envelope';
import { CallsideError, toCallsideError } from '../../shared/errors';

/** One async function per contract channel; the compiler insists every channel has one. */
export type BridgeHandlers = {
  [C in ChannelName]: (input: z.output<Channels[C]['input']>) => Promise<ChannelOutput<C>>;
};

export type Dispatch = (channel: unknown, rawInput: unknown) => Promise<BridgeResult>;

const MAX_ECHOED_NAME = 64;

/**
 * The single gate every host passes bridge calls through: unknown channels and inputs that
 * fail their schema are refused before any handler runs, and outputs are checked before they
 * leave, so a bug in a handler cannot leak a field the contract does not declare.
 */
export function createDispatcher(handlers: BridgeHandlers): Dispatch {
  return async (channel, rawInput) => {
    if (!isChannelName(channel)) {
      const shown = typeof channel === 'string' ? channel.slice(0, MAX_ECHOED_NAME) : typeof channel;
      return failure(new CallsideError('bridge_payload', `Unknown bridge channel "${shown}".`));
    }
    const spec = channels[channel];
    const input = spec.input.safeParse(rawInput);
    if (!input.success) {
      return failure(
        new CallsideError('bridge_payload', `Invalid input for ${channel}: ${z.prettifyError(input.error)}`),
      );
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      const output = spec.output.safeParse(await handler(input.data));
      if (!output.success) {
        return failure(
          new CallsideError('internal', `The ${channel} handler produced an answer outside the contract.`),
        );
      }
      return { ok: true, value: output.data };
    } catch (error) {
      return failure(toCallsideError(error));
    }
  };
}

function failure(error: CallsideError): BridgeResult {
  return { ok: false, error: error.toPayload() };
}
