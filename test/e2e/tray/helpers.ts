import type { APIRequestContext, Page } from '@playwright/test';
import type { MetricsBoard } from '../../../src/shared/contract/tray-schemas';
import type { Lead } from '../../../src/shared/domain';
import { expect, type ServedApp } from '../fixtures';

/** The size of the desktop app's tray window (METRICS_WINDOW_SIZE in src/main/desktop-shell.ts). */
export const TRAY_WINDOW = { width: 400, height: 660 };

/** The first tray load starts the Demo workspace's simulator (2,000 leads). */
export const FIRST_LOAD_TIMEOUT_MS = 60_000;

export async function openTray(page: Page, served: ServedApp): Promise<void> {
  await page.goto(`${served.origin}/tray?token=${served.token}`);
  await expect(page.getByRole('heading', { name: 'Callside', exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Today' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/^Updated \d+ (s|min) ago/)).toBeVisible({ timeout: FIRST_LOAD_TIMEOUT_MS });
}

/** A bridge call over the browser host's HTTP transport, as a script would make it. */
export async function bridge<T>(
  request: APIRequestContext,
  served: ServedApp,
  channel: string,
  input: object = {},
): Promise<T> {
  const answer = await request.post(`${served.origin}/bridge/${channel}`, {
    data: input,
    headers: { Authorization: `Bearer ${served.token}` },
  });
  const body = (await answer.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value as T;
}

/** The agent with the most outbound calls today: who the tests pick as "me". */
export async function busiestAgentId(request: APIRequestContext, served: ServedApp): Promise<string> {
  const board = await bridge<MetricsBoard>(request, served, 'metrics.board', {});
  const top = [...board.agents].sort((a, b) => b.outboundCalls - a.outboundCalls)[0];
  if (!top) throw new Error('the demo has no agents');
  return top.agentId;
}

/** Picks "me" through the view, the way an agent does on first use. */
export async function pickMe(page: Page, agentId: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Who are you?' }).selectOption(agentId);
  await expect(page.getByRole('list', { name: 'My figures' })).toBeVisible();
}

/** A cached lead with a dialable number (the demo cache is synced first). */
export async function callableLead(request: APIRequestContext, served: ServedApp): Promise<Lead> {
  await bridge(request, served, 'sync.run', { full: false });
  const page = await bridge<{ leads: Lead[] }>(request, served, 'leads.list', { limit: 200 });
  const lead = page.leads.find((l) => /^\+1\d{10}$/.test(l.phone) && (l.firstName || l.lastName));
  if (!lead) throw new Error('no cached lead with a NANP phone');
  return lead;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
