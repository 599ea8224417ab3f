import type { Page } from '@playwright/test';
import type { AgentStatusList, MetricsBoard } from '../../../src/shared/contract/tray-schemas';
import { expect, test, type ServedApp } from '../fixtures';
import { bridge, FIRST_LOAD_TIMEOUT_MS, openTray, screenshot } from './helpers';

/**
 * The tray is honest per provider (Demo workspace switched between simulators): CallHub shares
 * no daily figures and only reads agent status; Callingly sets do-not-disturb; a Hipcall account
 * that names its own user shows "my" figures before anyone is picked. Every test puts the host
 * back on Hot Prospector, as the other specs expect.
 */

type DemoProvider = 'hotprospector' | 'callingly' | 'hipcall' | 'callhub';

const NARROW = { width: 420, height: 760 };

async function useDemo(request: Parameters<typeof bridge>[0], served: ServedApp, provider: DemoProvider) {
  await bridge(request, served, 'settings.update', { demoProvider: provider });
}

/** Every bridge channel the page calls over its WebSocket, in order. */
function recordChannels(page: Page): string[] {
  const channels: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => {
      try {
        const message = JSON.parse(String(frame.payload)) as { channel?: unknown };
        if (typeof message.channel === 'string') channels.push(message.channel);
      } catch {
        // Not a request.
      }
    });
  });
  return channels;
}

async function openTrayPlain(page: Page, served: ServedApp): Promise<void> {
  await page.goto(`${served.origin}/tray?token=${served.token}`);
  await expect(page.getByRole('heading', { name: 'Callside', exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Today' })).toHaveAttribute('aria-selected', 'true');
}

test.beforeEach(async ({ request, served }) => {
  // Nobody picked, no e-mail: what "who am I" falls back on is the account alone.
  await bridge(request, served, 'desktop.settings.update', { agent: { agentId: null, email: '' } });
});

test('CallHub: the Today tab says calmly it shares no daily figures, with read-only agent status and no metrics requests', async ({
  page,
  served,
  request,
}) => {
  test.setTimeout(180_000);
  try {
    await useDemo(request, served, 'callhub');
    const status = await bridge<AgentStatusList>(request, served, 'agent.status', {});
    expect(status.supported).toBe(true);
    expect(status.agents.length).toBeGreaterThan(0);

    const channels = recordChannels(page);
    await page.setViewportSize(NARROW);
    await openTrayPlain(page, served);

    const info = page.getByRole('region', { name: 'Daily figures' });
    await expect(info).toContainText('CallHub shares no daily figures', { timeout: FIRST_LOAD_TIMEOUT_MS });
    // Information, not a warning or an error.
    await expect(info.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('.tray-stale')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);

    for (const absent of ['Not updated yet', 'No figures yet', 'Loading…']) {
      await expect(page.getByText(absent)).toHaveCount(0);
    }
    await expect(page.getByRole('button', { name: 'Refresh' })).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'Trend' })).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'Team' })).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'Campaigns' })).toHaveCount(0);
    await expect(page.getByRole('tab', { name: /^Alerts/ })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Settings' })).toBeVisible();

    // Agent status as text, no switch: CallHub lets Callside read it, not set it.
    const list = page.getByRole('list', { name: 'Agent status' });
    const agent = status.agents[0];
    const state = agent?.doNotDisturb ? /Do not disturb/ : agent?.available ? 'Available' : 'Busy';
    await expect(list.getByRole('listitem').first()).toContainText(`${agent?.name} — `);
    await expect(list.getByRole('listitem').first()).toContainText(state);
    await expect(page.getByRole('switch')).toHaveCount(0);
    await screenshot(page, 'tray-callhub-today-420');

    // Settings keeps what applies: no goals or "who am I" for figures nobody shows.
    await page.getByRole('tab', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Daily goals' })).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: 'Goals reached' })).toHaveCount(0);
    await screenshot(page, 'tray-callhub-settings-420');
    await page.getByRole('tab', { name: /^Alerts/ }).click();
    await page.getByRole('tab', { name: 'Today' }).click();
    await expect(info).toBeVisible();

    // Nothing asked for figures CallHub does not have.
    await page.waitForTimeout(1_000);
    expect(channels).toContain('agent.status');
    expect(channels.filter((channel) => channel.startsWith('metrics.'))).toEqual([]);
  } finally {
    await useDemo(request, served, 'hotprospector').catch(() => undefined);
  }
});

test('Callingly: do-not-disturb keeps its switches (the provider can set it), one per agent until I pick', async ({
  page,
  served,
  request,
}) => {
  test.setTimeout(180_000);
  try {
    await useDemo(request, served, 'callingly');
    const status = await bridge<AgentStatusList>(request, served, 'agent.status', {});
    expect(status.agents.length).toBeGreaterThan(0);
    await page.setViewportSize(NARROW);
    await openTray(page, served);

    const switches = page.getByRole('list', { name: 'Do not disturb per agent' }).getByRole('switch');
    await expect(switches).toHaveCount(status.agents.length);
    const first = [...status.agents].sort((a, b) => a.name.localeCompare(b.name))[0];
    await expect(page.getByRole('switch', { name: `Do not disturb: ${first?.name}` })).toHaveAttribute(
      'aria-checked',
      String(first?.doNotDisturb),
    );
    await expect(page.getByRole('list', { name: 'Agent status' })).toHaveCount(0);
    // Callingly derives its figures: Trend and Team stay.
    await expect(page.getByRole('tab', { name: 'Trend' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Team' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeVisible();
    await screenshot(page, 'tray-callingly-dnd-420');
  } finally {
    await useDemo(request, served, 'hotprospector').catch(() => undefined);
  }
});

test('Hipcall: the demo account names its own user, so "my" figures show without picking', async ({
  page,
  served,
  request,
}) => {
  test.setTimeout(180_000);
  try {
    await useDemo(request, served, 'hipcall');
    const board = await bridge<MetricsBoard>(request, served, 'metrics.board', {});
    // The demo account's uid.
    const me = board.agents.find((agent) => agent.agentId === '13');
    expect(me, 'user 13 is on the Hipcall demo board').toBeDefined();

    await page.setViewportSize(NARROW);
    await openTray(page, served);
    await expect(page.getByRole('list', { name: 'My figures' })).toBeVisible();
    await expect(page.getByRole('heading', { name: new RegExp(`^${me?.agentName}`) })).toBeVisible();
    await expect(page.getByText('(your Hipcall user)')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Who are you?' })).toHaveCount(0);
    await expect(
      page.getByRole('list', { name: 'My figures' }).getByRole('listitem').filter({ hasText: 'Outbound calls' }),
    ).toContainText(String(me?.outboundCalls));
    // Hipcall keeps no agent status: neither switches nor a status list.
    await expect(page.getByRole('switch')).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Agent status' })).toHaveCount(0);
    await screenshot(page, 'tray-hipcall-me-420');
    expect(board.meMatchedBy).toBe('id');

    // An explicit pick still wins.
    const other = board.agents.find((agent) => agent.agentId !== '13');
    expect(other, 'the Hipcall demo has another agent').toBeDefined();
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: 'I am' }).selectOption(other?.agentId ?? '');
    await page.getByRole('tab', { name: 'Today' }).click();
    await expect(page.getByRole('heading', { name: new RegExp(`^${other?.agentName}`) })).toBeVisible();
    await expect(page.getByText('(your Hipcall user)')).toHaveCount(0);
  } finally {
    await bridge(request, served, 'desktop.settings.update', { agent: { agentId: null } }).catch(() => undefined);
    await useDemo(request, served, 'hotprospector').catch(() => undefined);
  }
});

test('an open tray follows a switch of Demo provider: CallHub drops the figure tabs, Hot Prospector brings them back', async ({
  page,
  served,
  request,
}) => {
  test.setTimeout(180_000);
  try {
    await page.setViewportSize(NARROW);
    await openTray(page, served);
    await page.getByRole('tab', { name: 'Trend' }).click();
    await expect(page.getByRole('tab', { name: 'Trend' })).toHaveAttribute('aria-selected', 'true');

    await useDemo(request, served, 'callhub');
    await expect(page.getByRole('region', { name: 'Daily figures' })).toContainText('CallHub shares no daily figures', {
      timeout: 30_000,
    });
    await expect(page.getByRole('tab', { name: 'Today' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: 'Trend' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Refresh' })).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Agent status' })).toBeVisible();

    await useDemo(request, served, 'hotprospector');
    await expect(page.getByText(/^Updated \d+ (s|min) ago/)).toBeVisible({ timeout: FIRST_LOAD_TIMEOUT_MS });
    await expect(page.getByRole('tab', { name: 'Trend' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Campaigns' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Daily figures' })).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Agent status' })).toHaveCount(0);
  } finally {
    await useDemo(request, served, 'hotprospector').catch(() => undefined);
  }
});
