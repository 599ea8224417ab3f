import type { Page } from '@playwright/test';
import type { ListedLead } from '../../../src/shared/contract/workspace-schemas';
import { expect, test } from '../fixtures';
import { bridge } from '../tray/helpers';
import { FIRST_SYNC_TIMEOUT_MS, leadList, leadRows, openWorkspace, screenshot, search } from './helpers';

/** Search as agents search, and `n` that follows the lead rather than the row number. */

interface Overview {
  groups: Array<{ id: string; title: string; leadCount: number }>;
}

const fullName = (lead: ListedLead) => `${lead.firstName} ${lead.lastName}`.trim();

function leadHeading(page: Page) {
  return page.getByRole('article').getByRole('heading', { level: 2 });
}

async function bothWidths(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, `${name}-1440`);
  await page.setViewportSize({ width: 420, height: 900 });
  await screenshot(page, `${name}-420`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.describe('search like agents search', () => {
  test('finds a lead by the last four digits of its number', async ({ page, served, request }) => {
    await openWorkspace(page, served);
    const { leads } = await bridge<{ leads: ListedLead[] }>(request, served, 'leads.list', {
      order: 'name',
      limit: 200,
    });
    const lead = leads.find((candidate) => /^\+1\d{10}$/.test(candidate.phone) && candidate.firstName !== '');
    expect(lead).toBeDefined();
    await search(page, lead!.phone.slice(-4));
    await expect(page.getByRole('status', { name: 'Lead count' })).toHaveText(/match/);
    await expect(
      leadRows(page)
        .filter({ hasText: fullName(lead!) })
        .first(),
    ).toBeVisible();
    // The middle digits too (the "986" of (305) 986-5803).
    await search(page, lead!.phone.slice(5, 8));
    await expect(
      leadRows(page)
        .filter({ hasText: fullName(lead!) })
        .first(),
    ).toBeVisible();
    await search(page, lead!.phone.slice(-4));
    await bothWidths(page, 'search-last-four');
  });

  test('finds a name typed without its apostrophe', async ({ page, served }) => {
    await openWorkspace(page, served);
    await search(page, 'oconnor');
    await expect(leadRows(page).filter({ hasText: "Renée O'Connor-Smith" })).toBeVisible();
    await search(page, 'renee o connor');
    await expect(leadRows(page).filter({ hasText: "Renée O'Connor-Smith" })).toBeVisible();
  });
});

test.describe('next lead', () => {
  test('the order switch says what each order does', async ({ page, served }) => {
    await openWorkspace(page, served);
    await expect(page.getByRole('radio', { name: 'Newest leads first' })).toBeChecked();
    await page.getByRole('radio', { name: 'A–Z by name' }).check();
    await expect(leadRows(page).first()).toBeVisible();
  });

  test('rows show when the lead was last contacted and how many calls it had', async ({ page, served }) => {
    await openWorkspace(page, served);
    await page.getByRole('radio', { name: 'A–Z by name' }).check();
    const contacted = leadRows(page).filter({ hasText: /Last contact (just now|\d+ (min|h|days?|months?) ago)/ });
    await expect(contacted.first()).toBeVisible();
    await expect(contacted.first()).toHaveText(/· [\d,]+ calls?/);
    await bothWidths(page, 'rows-last-contact');
  });

  test('n goes to the lead that came after the open one when that one leaves the list', async ({
    page,
    served,
    request,
  }) => {
    test.setTimeout(FIRST_SYNC_TIMEOUT_MS + 60_000);
    await openWorkspace(page, served);
    // The first sync must be over: its pages would reorder the list under the test.
    await expect(page.getByText(/Data as of/)).toBeVisible({ timeout: FIRST_SYNC_TIMEOUT_MS });
    const overview = await bridge<Overview>(request, served, 'workspace.overview');
    const [group, elsewhere] = [...overview.groups].sort((a, b) => b.leadCount - a.leadCount);
    expect(group && elsewhere && group.leadCount >= 10).toBe(true);
    const { leads } = await bridge<{ leads: ListedLead[] }>(request, served, 'leads.list', {
      groupId: group!.id,
      order: 'queue',
      limit: 30,
    });
    // A lead in this group only, so moving it away and back restores it exactly.
    const at = leads.findIndex((lead, index) => index >= 1 && index + 2 < leads.length && lead.groupIds.length === 1);
    expect(at).toBeGreaterThan(0);
    const current = leads[at]!;
    const following = leads[at + 1]!;

    await page.getByRole('combobox', { name: 'Group' }).selectOption({ value: group!.id });
    await expect(leadRows(page).first()).toBeVisible();
    await leadList(page)
      .locator(`[role="option"][aria-posinset="${at + 1}"]`)
      .click();
    await expect(leadHeading(page)).toContainText(fullName(current));
    try {
      // The agent moves it out of the group (as a disposition would): the rows below move up.
      await bridge(request, served, 'lead.move', { leadId: current.id, groupId: elsewhere!.id, mode: 'move' });
      await expect(leadList(page).locator(`[role="option"][aria-posinset="${at + 1}"]`)).toContainText(
        fullName(following),
      );
      await leadList(page).focus();
      await page.keyboard.press('n');
      await expect(leadHeading(page)).toContainText(fullName(following));
      await bothWidths(page, 'next-after-leave');
    } finally {
      await bridge(request, served, 'lead.move', { leadId: current.id, groupId: group!.id, mode: 'move' });
    }
  });

  test('n on the last lead says the list ended instead of starting over', async ({ page, served }) => {
    await openWorkspace(page, served);
    await search(page, 'oconnorsmith');
    const summary = page.getByRole('status', { name: 'Lead count' });
    await expect(summary).toHaveText(/^\d+ match(es)?$/);
    const matches = (await summary.textContent()) ?? '';
    const count = Number(matches.match(/^\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(5);
    await leadList(page).focus();
    for (let step = 0; step < count; step += 1) {
      await page.keyboard.press('n');
      await expect(leadList(page).locator('[aria-current="true"]')).toHaveAttribute('aria-posinset', String(step + 1));
    }
    const last = (await leadHeading(page).textContent()) ?? '';
    await page.keyboard.press('n');
    await expect(page.getByRole('status', { name: 'End of the list' })).toHaveText(`End of the list — ${matches}`);
    // It stays on the last lead: no silent wrap to the first.
    await expect(leadHeading(page)).toHaveText(last);
    await bothWidths(page, 'end-of-list');
  });
});
