import type { z } from 'zod';
import type { TrayChannelName, TrayChannelOutput, TrayChannels } from '../../shared/contract/tray-channels';
import type { TrayServices } from '../services/tray-services';

/** One handler per desktop channel; spread into the core's handler table beside the others. */
export type TrayHandlers = {
  [C in TrayChannelName]: (input: z.output<TrayChannels[C]['input']>) => Promise<TrayChannelOutput<C>>;
};

/**
 * The desktop channels: each turns a validated input into a TrayServices call, nothing more,
 * so the desktop app and the browser host answer alike.
 */
export function createTrayHandlers(tray: TrayServices): TrayHandlers {
  return {
    'metrics.board': (input) => tray.board(input),
    'metrics.trend': (input) => tray.metrics.trend(input),
    'metrics.campaigns': (input) => tray.metrics.campaigns(input),
    'desktop.settings': async () => tray.settings(),
    'desktop.settings.update': async (patch) => tray.updateSettings(patch),
    'notifications.recent': async () => ({ items: tray.recentNotifications() }),
    'screen.pop': ({ phone }) => tray.screenPop(phone),
    'screen.lastPop': async () => tray.lastPop(),
    'lead.reveal': async (target) => {
      tray.showLead(target);
      return { shown: true as const };
    },
    'agent.status': () => tray.agentStatus(),
    'agent.setDoNotDisturb': ({ agentId, on }) => tray.setDoNotDisturb(agentId, on),
  };
}
