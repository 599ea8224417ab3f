import {
  trayChannels,
  trayEvents,
  type TrayChannelInput,
  type TrayChannelName,
  type TrayChannelOutput,
  type TrayEventName,
  type TrayEventPayload,
} from '../../../../shared/contract/tray-channels';
import { bridge } from '../../bridge';

/**
 * The desktop channels through the renderer's one bridge client. They are part of the contract
 * (channels.ts spreads them in); answers and pushes are checked against their own schemas here
 * as well, like every other channel.
 */
interface LooseBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

const loose = bridge as unknown as LooseBridge;

export async function invokeTray<C extends TrayChannelName>(
  channel: C,
  input: TrayChannelInput<C>,
): Promise<TrayChannelOutput<C>> {
  const value = await loose.invoke(channel, input);
  return trayChannels[channel].output.parse(value) as TrayChannelOutput<C>;
}

export function onTrayEvent<E extends TrayEventName>(
  event: E,
  listener: (payload: TrayEventPayload<E>) => void,
): () => void {
  return loose.on(event, (payload) => {
    const parsed = trayEvents[event].safeParse(payload);
    if (parsed.success) listener(parsed.data as TrayEventPayload<E>);
  });
}
