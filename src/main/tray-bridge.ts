import {
  trayChannels,
  type TrayChannelInput,
  type TrayChannelName,
  type TrayChannelOutput,
  type TrayEventName,
  type TrayEventPayload,
  trayEvents,
} from '../shared/contract/tray-channels';
import { CallsideError, errorCodeSchema } from '../shared/errors';
import type { Core } from '../core/core';
import type { EventHub } from '../core/events';
import type { TrayServices } from '../core/services/tray-services';

/**
 * The shell reads what it shows (tooltip, notifications, pops) through the same contract as
 * the renderer: the core's dispatcher and event hub, checked against the desktop schemas.
 */

export type ShellCore = Pick<Core, 'dispatch' | 'events'>;

export async function invokeTray<C extends TrayChannelName>(
  core: Pick<Core, 'dispatch'>,
  channel: C,
  input: TrayChannelInput<C>,
): Promise<TrayChannelOutput<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) {
    const code = errorCodeSchema.safeParse(result.error.code);
    throw new CallsideError(code.success ? code.data : 'internal', result.error.message);
  }
  return trayChannels[channel].output.parse(result.value) as TrayChannelOutput<C>;
}

export function onTrayEvent<E extends TrayEventName>(
  events: EventHub,
  event: E,
  listener: (payload: TrayEventPayload<E>) => void,
): () => void {
  return events.subscribe((name, payload) => {
    if ((name as string) !== event) return;
    const parsed = trayEvents[event].safeParse(payload);
    if (parsed.success) listener(parsed.data as TrayEventPayload<E>);
  });
}

/**
 * The core's desktop services (`Core.tray`), whose timers a host showing a tray starts. Read
 * structurally so the shell builds against a core that does not carry them yet.
 */
export function trayServicesOf(core: object): TrayServices | null {
  return (core as { tray?: TrayServices }).tray ?? null;
}
