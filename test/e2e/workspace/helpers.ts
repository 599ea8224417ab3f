import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, type ServedApp } from '../fixtures';

/**
 * The first page load syncs the Demo workspace (2,000 leads and their history) from the
 * simulator; later loads in the same worker find the cache filled.
 */
export const FIRST_SYNC_TIMEOUT_MS = 120_000;

export function leadList(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Leads' });
}

/** Rows whose lead has arrived (placeholders are aria-busy). */
export function leadRows(page: Page): Locator {
  return leadList(page).locator('[role="option"]:not([aria-busy="true"])');
}

export async function openWorkspace(page: Page, served: ServedApp): Promise<void> {
  await page.goto(served.url);
  await expect(leadRows(page).first()).toBeVisible({ timeout: FIRST_SYNC_TIMEOUT_MS });
}

export async function search(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search leads' }).fill(text);
}

/** Finds a lead by searching for `query`, opens the row showing `name`, waits for its page. */
export async function openLead(page: Page, query: string, name: string): Promise<Locator> {
  await search(page, query);
  const row = leadRows(page).filter({ hasText: name }).first();
  await row.click();
  const lead = page.getByRole('article');
  await expect(lead.getByRole('heading', { level: 2 })).toContainText(name);
  return lead;
}

export async function setFaults(request: APIRequestContext, served: ServedApp, settings: object): Promise<void> {
  const answer = await request.post(`${served.sandboxUrl}/__sandbox/faults`, { data: settings });
  expect(answer.ok()).toBe(true);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

/** Collects every alert/confirm/prompt a page opens: provider text must never open one. */
export function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return seen;
}
