import { Menu, Tray, type NativeImage, type Rectangle } from 'electron';
import type { MetricsBoard } from '../shared/contract/tray-schemas';
import { invokeTray, onTrayEvent, type ShellCore } from './tray-bridge';

/**
 * The tray icon: a tooltip with today's key numbers (refreshed whenever the core refreshes the
 * board), a click that toggles the small metrics window, and a menu with the same and a few
 * quick actions. Linux trays (AppIndicator) often send no clicks, so everything a click does
 * is also in the menu.
 */

export interface TrayActions {
  toggleMetrics(): void;
  showMain(): void;
  syncNow(): void;
  setDoNotDisturb(on: boolean): void;
  quit(): void;
}

export interface TrayController {
  readonly tray: Tray;
  /** Refetches the board (from the cache when fresh) and rewrites the tooltip. */
  refresh(): Promise<void>;
  destroy(): void;
}

export function createTrayController(options: {
  core: ShellCore;
  icon: NativeImage | string;
  actions: TrayActions;
}): TrayController {
  const { core, actions } = options;
  const tray = new Tray(options.icon);
  tray.setToolTip('Callside');
  let doNotDisturb = false;

  const buildMenu = () =>
    Menu.buildFromTemplate([
      { label: "Today's metrics", click: () => actions.toggleMetrics() },
      { label: 'Show Callside', click: () => actions.showMain() },
      { type: 'separator' },
      { label: 'Sync now', click: () => actions.syncNow() },
      {
        label: 'Do not disturb',
        type: 'checkbox',
        checked: doNotDisturb,
        click: (item) => actions.setDoNotDisturb(item.checked),
      },
      { type: 'separator' },
      { label: 'Quit Callside', click: () => actions.quit() },
    ]);
  tray.setContextMenu(buildMenu());
  tray.on('click', () => actions.toggleMetrics());

  let generation = 0;
  const refresh = async () => {
    const mine = ++generation;
    try {
      const board = await invokeTray(core, 'metrics.board', {});
      if (mine === generation && !tray.isDestroyed()) tray.setToolTip(formatTooltip(board));
    } catch {
      if (mine === generation && !tray.isDestroyed()) tray.setToolTip('Callside: no figures yet');
    }
  };

  const offs = [
    onTrayEvent(core.events, 'metrics.updated', () => void refresh()),
    onTrayEvent(core.events, 'desktop.settings', (settings) => {
      // The goals and "who am I" shape the tooltip; do-not-disturb shows in the menu.
      if (settings.notifications.doNotDisturb !== doNotDisturb) {
        doNotDisturb = settings.notifications.doNotDisturb;
        if (!tray.isDestroyed()) tray.setContextMenu(buildMenu());
      }
      void refresh();
    }),
  ];
  void invokeTray(core, 'desktop.settings', {})
    .then((settings) => {
      doNotDisturb = settings.notifications.doNotDisturb;
      if (!tray.isDestroyed()) tray.setContextMenu(buildMenu());
    })
    .catch(() => undefined);
  void refresh();

  return {
    tray,
    refresh,
    destroy() {
      for (const off of offs) off();
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** The tooltip: who, today's key numbers, and how current they are. */
export function formatTooltip(board: MetricsBoard): string {
  if (board.source === 'none') return 'Callside: no figures yet (offline)';
  const asOf = board.fetchedAt ? clock(board.fetchedAt, board.timezone) : null;
  const freshness = board.stale && asOf ? `Offline, as of ${asOf}` : asOf ? `Updated ${asOf}` : '';
  const me = board.me;
  if (!me) {
    const calls = board.agents.reduce((sum, agent) => sum + agent.outboundCalls + agent.inboundCalls, 0);
    return [
      'Callside: team today',
      `${calls} calls by ${board.agents.length} agents`,
      'Open the tray to pick who you are',
      freshness,
    ]
      .filter(Boolean)
      .join('\n');
  }
  const goals = board.goals.filter((goal) => goal.reached).length;
  return [
    `Callside: ${me.agentName} today`,
    `${me.outboundCalls} out · ${me.inboundCalls} in · ${me.answeredCalls} answered (${percent(me.answerRate)})`,
    `${me.talkMinutes} talk min · ${me.conversations} conversations · ${me.appointments} appts`,
    board.goals.length > 0 ? `Goals: ${goals} of ${board.goals.length} reached` : '',
    freshness,
  ]
    .filter(Boolean)
    .join('\n');
}

function clock(iso: string, timeZone: string): string {
  try {
    // ICU writes a narrow no-break space before AM/PM; some tray tooltips show it as a box.
    return new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' })
      .format(new Date(iso))
      .replace(/\u202f/g, ' ');
  } catch {
    return iso;
  }
}

/**
 * Where the metrics window goes: under (or over, for a bottom taskbar) the tray icon, kept on
 * the display's work area; top-right of the work area where the tray reports no position (Linux).
 */
export function trayWindowPosition(
  trayBounds: Rectangle,
  size: { width: number; height: number },
  workArea: Rectangle,
): { x: number; y: number } {
  const margin = 8;
  const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));
  const maxX = workArea.x + workArea.width - size.width - margin;
  const maxY = workArea.y + workArea.height - size.height - margin;
  if (trayBounds.width === 0 || trayBounds.height === 0) {
    return { x: Math.max(workArea.x + margin, maxX), y: workArea.y + margin };
  }
  const x = Math.round(trayBounds.x + trayBounds.width / 2 - size.width / 2);
  const below = trayBounds.y + trayBounds.height / 2 < workArea.y + workArea.height / 2;
  const y = below ? trayBounds.y + trayBounds.height + 4 : trayBounds.y - size.height - 4;
  return {
    x: clamp(x, workArea.x + margin, Math.max(workArea.x + margin, maxX)),
    y: clamp(y, workArea.y + margin, Math.max(workArea.y + margin, maxY)),
  };
}
