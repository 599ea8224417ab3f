import type { MetricsBoard } from '../../../src/shared/contract/tray-schemas';
import { expect, test } from '../fixtures';
import { setFaults } from '../workspace/helpers';
import { bridge, busiestAgentId, callableLead, openTray, pickMe, screenshot, TRAY_WINDOW } from './helpers';

/**
 * The tray view (/tray) in Chromium against `callside serve --demo`: the agent's day against
 * goals, trend, leaderboard, campaigns, offline figures, notifications and screen pop. The
 * same view is the desktop app's tray window.
 */

test.beforeEach(async ({ request, served }) => {
  // One host per worker: every test starts from "nobody picked yet", default goals, no DND.
  await bridge(request, served, 'desktop.settings.update', {
    agent: { agentId: null, email: '' },
    goals: {
      outboundCalls: 80,
      answeredCalls: 0,
      conversations: 12,
      talkMinutes: 90,
      prospects: 0,
      appointments: 3,
      sms: 0,
    },
    notifications: { enabled: true, doNotDisturb: false },
  });
});

test('shows my day against my goals once I say who I am, with how fresh the figures are', async ({
  page,
  served,
  request,
}) => {
  test.setTimeout(120_000);
  // The desktop app's tray window is this size.
  await page.setViewportSize(TRAY_WINDOW);
  await openTray(page, served);
  const me = await busiestAgentId(request, served);
  await pickMe(page, me);

  const board = await bridge<MetricsBoard>(request, served, 'metrics.board', {});
  const mine = board.agents.find((a) => a.agentId === me);
  const figures = page.getByRole('list', { name: 'My figures' });
  for (const label of [
    'Outbound calls',
    'Inbound calls',
    'Answered',
    'Answer rate',
    'Talk minutes',
    'Conversations',
    'Conversion rate',
    'Prospects',
    'Appointments',
    'SMS',
    'Logged in',
    'First / last call',
  ]) {
    await expect(figures.getByRole('listitem').filter({ hasText: label }).first(), label).toBeVisible();
  }
  await expect(figures.getByRole('listitem').filter({ hasText: 'Outbound calls' })).toContainText(
    String(mine?.outboundCalls),
  );
  await expect(page.getByRole('progressbar', { name: 'Outbound calls goal' })).toBeVisible();
  await expect(page.getByRole('heading', { name: mine?.agentName })).toBeVisible();
  await expect(page.getByText(/^Updated \d+ (s|min) ago/)).toBeVisible();
  await expect(page.getByText(/server \d{1,2}:\d{2}/)).toBeVisible();
  await screenshot(page, 'tray');
});

test('goals come from Settings; reaching one raises a notification listed under Alerts', async ({
  page,
  served,
  request,
}) => {
  test.setTimeout(120_000);
  await openTray(page, served);
  await pickMe(page, await busiestAgentId(request, served));

  await page.getByRole('tab', { name: 'Settings' }).click();
  const goals = page.getByRole('form', { name: 'Daily goals' });
  await goals.getByRole('spinbutton', { name: 'Outbound calls per day' }).fill('1');
  await goals.getByRole('button', { name: 'Save goals' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Goals saved.' })).toBeVisible();

  await page.getByRole('tab', { name: 'Today' }).click();
  const tile = page
    .getByRole('list', { name: 'My figures' })
    .getByRole('listitem')
    .filter({ hasText: 'Outbound calls' });
  await expect(tile).toContainText('Goal 1 reached');
  // A live refresh checks the goals (the timer does the same every refresh interval).
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Goal reached' })).toBeVisible();

  await page.getByRole('tab', { name: /^Alerts/ }).click();
  const alerts = page.getByRole('list', { name: 'Recent notifications' });
  await expect(alerts.getByRole('listitem').filter({ hasText: '1 outbound call today' })).toContainText('Goal reached');
});

test('the trend covers seven days and opens a past day on the Today tab', async ({ page, served, request }) => {
  test.setTimeout(120_000);
  await openTray(page, served);
  await pickMe(page, await busiestAgentId(request, served));
  await page.getByRole('tab', { name: 'Trend' }).click();
  const bars = page.getByRole('list', { name: /^Outbound calls, last 7 days/ }).getByRole('button');
  await expect(bars).toHaveCount(7);
  await page.getByRole('combobox', { name: 'Trend of' }).selectOption('talkMinutes');
  await expect(page.getByRole('list', { name: /^Talk minutes, last 7 days/ }).getByRole('button')).toHaveCount(7);

  await page
    .getByRole('list', { name: /^Talk minutes/ })
    .getByRole('button')
    .first()
    .click();
  await expect(page.getByRole('tab', { name: 'Today' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/^Showing /)).toBeVisible();
  await page.getByRole('button', { name: 'Back to today' }).click();
  await expect(page.getByText(/^Showing /)).toHaveCount(0);
});

test('the leaderboard ranks the team and marks me; campaigns show my dispositions', async ({
  page,
  served,
  request,
}) => {
  test.setTimeout(120_000);
  await openTray(page, served);
  const me = await busiestAgentId(request, served);
  await pickMe(page, me);
  const board = await bridge<MetricsBoard>(request, served, 'metrics.board', {});

  await page.getByRole('tab', { name: 'Team' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(board.agents.length + 1);
  await expect(table.getByRole('row').filter({ hasText: 'you' })).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Rank by' }).selectOption('talkMinutes');
  const top = [...board.agents].sort(
    (a, b) => b.talkMinutes - a.talkMinutes || a.agentName.localeCompare(b.agentName),
  )[0];
  await expect(table.getByRole('row').nth(1)).toContainText(top?.agentName ?? '');

  await page.getByRole('tab', { name: 'Campaigns' }).click();
  const campaigns = page.getByRole('list', { name: 'Campaigns' });
  await expect(campaigns.getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('list', { name: /^Dispositions in / }).first()).toBeVisible();
});

test('offline, the last known figures stay on screen with a plain notice', async ({ page, served, request }) => {
  test.setTimeout(120_000);
  await openTray(page, served);
  await pickMe(page, await busiestAgentId(request, served));
  const outbound = page
    .getByRole('list', { name: 'My figures' })
    .getByRole('listitem')
    .filter({ hasText: 'Outbound calls' });
  const before = await outbound.textContent();
  await setFaults(request, served, { rates: { reset: 1 } });
  try {
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Offline: showing the figures from/ })).toBeVisible({
      timeout: 30_000,
    });
    await expect(outbound).toHaveText(before ?? '');
  } finally {
    await setFaults(request, served, {});
  }
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Offline/ })).toHaveCount(0, { timeout: 30_000 });
});

test('a softphone pop over POST /pop shows the caller card; an unknown number offers a new lead', async ({
  page,
  served,
  request,
}) => {
  test.setTimeout(180_000);
  const lead = await callableLead(request, served);
  await page.setViewportSize(TRAY_WINDOW);
  await openTray(page, served);

  const digits = lead.phone.slice(2);
  const spelled = `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
  const answer = await request.post(`${served.origin}/pop?phone=${encodeURIComponent(spelled)}`, {
    headers: { Authorization: `Bearer ${served.token}` },
  });
  expect(answer.status()).toBe(200);
  const card = page.getByRole('region', { name: 'Screen pop' });
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(`${lead.firstName} ${lead.lastName}`.trim());
  await expect(card).toContainText(lead.phone);
  await card.getByRole('button', { name: 'Open lead' }).click();
  await expect(card.getByRole('status')).toHaveText('Opened in the Callside window.');
  await screenshot(page, 'tray-pop');

  expect((await request.post(`${served.origin}/pop?phone=5550109999`)).status()).toBe(401);
  await request.post(`${served.origin}/pop?phone=5550109999`, { headers: { Authorization: `Bearer ${served.token}` } });
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Unknown number');
  await expect(card.getByRole('button', { name: 'Create lead' })).toBeVisible();
  await card.getByRole('button', { name: 'Dismiss' }).click();
  await expect(card).toHaveCount(0);
});

test('settings: notifications, quiet hours and how the API key is kept', async ({ page, served }) => {
  await openTray(page, served);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('checkbox', { name: 'Do not disturb' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Quiet hours' }).check();
  await page.getByLabel('From', { exact: true }).fill('21:00');
  await page.getByRole('combobox', { name: 'Refresh the figures' }).selectOption('120');
  await page.reload();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('checkbox', { name: 'Do not disturb' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Quiet hours' })).toBeChecked();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('21:00');
  await expect(page.getByRole('combobox', { name: 'Refresh the figures' })).toHaveValue('120');
  // The browser host keeps the key in an owner-only file and cannot start with the system.
  await expect(page.getByText(/only your user account can read/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Start Callside when I log in' })).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Do not disturb' }).uncheck();
  await page.getByRole('combobox', { name: 'Refresh the figures' }).selectOption('60');
});
