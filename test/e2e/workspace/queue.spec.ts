import { expect, test } from '../fixtures';
import { FIRST_SYNC_TIMEOUT_MS, leadList, leadRows, openWorkspace, screenshot, search } from './helpers';

test.describe('lead queue', () => {
  test('first run opens the Demo workspace and shows its leads', async ({ page, served }) => {
    test.setTimeout(FIRST_SYNC_TIMEOUT_MS + 30_000);
    await openWorkspace(page, served);
    await expect(page.getByRole('status', { name: 'Workspace: Demo workspace' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Lead count' })).toHaveText(/^[\d,]+ leads$/);
    // Virtualized: a few dozen rows in the DOM, not thousands.
    expect(await leadList(page).getByRole('option').count()).toBeLessThan(80);
    await expect(page.getByText(/Data as of/)).toBeVisible();
    await screenshot(page, 'queue');
  });

  test('search narrows the list as you type and clears again', async ({ page, served }) => {
    await openWorkspace(page, served);
    const count = page.getByRole('status', { name: 'Lead count' });
    await expect(count).toHaveText(/leads$/);
    const everything = await count.textContent();

    await search(page, 'José García');
    await expect(count).toHaveText(/match/);
    await expect(leadRows(page).filter({ hasText: 'José García' })).toBeVisible();
    await expect(leadRows(page).filter({ hasText: 'John Doe' })).toHaveCount(0);

    // Esc in the search box clears it.
    await page.getByRole('searchbox', { name: 'Search leads' }).press('Escape');
    await expect(page.getByRole('searchbox', { name: 'Search leads' })).toHaveValue('');
    await expect(count).toHaveText(everything ?? '');
  });

  test('a group filter shows that group with its count; the order switch keeps the list', async ({ page, served }) => {
    await openWorkspace(page, served);
    const group = page.getByRole('combobox', { name: 'Group' });
    const labels = await group.getByRole('option').allTextContents();
    const withLeads = labels.slice(1).find((label) => !/\(0\)$/.test(label));
    expect(withLeads).toBeDefined();
    const expected = withLeads!.match(/\(([\d,]+)\)$/)![1]!;
    await group.selectOption({ label: withLeads! });
    await expect(page.getByRole('status', { name: 'Lead count' })).toHaveText(
      expected === '1' ? '1 lead' : `${expected} leads`,
    );
    await expect(leadRows(page).first()).toBeVisible();

    await page.getByRole('radio', { name: 'Name' }).check();
    await expect(page.getByRole('radio', { name: 'Name' })).toBeChecked();
    await expect(leadRows(page).first()).toBeVisible();
  });

  test('the keyboard moves, opens, searches and goes back', async ({ page, served }) => {
    await openWorkspace(page, served);
    const list = leadList(page);
    await list.focus();
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('k');
    await expect(list.getByRole('option', { selected: true })).toHaveAttribute('aria-posinset', '2');

    await page.keyboard.press('Enter');
    const heading = page.getByRole('article').getByRole('heading', { level: 2 });
    await expect(heading).toBeVisible();
    const opened = (await heading.textContent()) ?? '';
    await expect(list.getByRole('option', { selected: true })).toContainText(opened);

    await page.keyboard.press('n');
    await expect(list.getByRole('option', { selected: true })).toHaveAttribute('aria-posinset', '3');
    await expect(heading).not.toHaveText(opened);

    await page.keyboard.press('e');
    await expect(page.getByRole('textbox', { name: 'New note' })).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'New note' })).toHaveValue('');
    await page.keyboard.press('Escape');
    await expect(list).toBeFocused();
    await page.keyboard.press('t');
    await expect(page.getByRole('combobox', { name: 'Add tag' })).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('article')).toHaveCount(0);

    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search leads' })).toBeFocused();
  });
});
