import { Notification, type NativeImage } from 'electron';
import type { AppNotification } from '../shared/contract/tray-schemas';
import { invokeTray, onTrayEvent, type ShellCore } from './tray-bridge';

/**
 * Native notifications for what the core's watcher raises (inbound call or SMS from a known
 * lead, goal reached, sync failing, credentials rejected). Muted ones (quiet hours, do not
 * disturb) are only listed in the tray. A click brings the main window forward and, for a
 * lead, asks the workspace to open it (the `lead.show` event, through the contract).
 */
export function showNativeNotifications(options: {
  core: ShellCore;
  focusMain: () => void;
  icon?: NativeImage | string;
}): () => void {
  // Electron drops the click handler of a notification nobody holds on to; these are held until closed.
  const live = new Set<Notification>();

  const show = (item: AppNotification) => {
    if (item.muted || !Notification.isSupported()) return;
    const native = new Notification({
      title: item.title,
      body: item.body,
      silent: false,
      ...(options.icon ? { icon: options.icon } : {}),
    });
    live.add(native);
    native.on('click', () => {
      live.delete(native);
      options.focusMain();
      if (item.leadId) void invokeTray(options.core, 'lead.reveal', { leadId: item.leadId }).catch(() => undefined);
    });
    native.on('close', () => live.delete(native));
    native.on('failed', () => live.delete(native));
    native.show();
  };

  const off = onTrayEvent(options.core.events, 'notification', show);
  return () => {
    off();
    for (const native of live) native.close();
    live.clear();
  };
}
