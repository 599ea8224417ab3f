import { expect, test } from '../fixtures';
import { bridge } from '../tray/helpers';
import { FIRST_SYNC_TIMEOUT_MS, leadRows, openWorkspace, screenshot } from './helpers';

/**
 * Issue 10: where the Demo workspace is named (Settings, Account), a "Demo provider" picker
 * moves it to another provider's simulator; the queue reloads with that simulator's leads.
 * The host is put back on Hot Prospector after, as the other specs expect.
 */
test.describe('the Demo workspace provider picker', () => {
  test('choosing Callingly reloads the queue with the Callingly demo', async ({ page, served, request }) => {
    test.setTimeout(240_000);
    await openWorkspace(page, served);
    try {
      await page.getByRole('button', { name: 'Settings' }).click();
      const account = page.getByRole('region', { name: 'Account' });
      const picker = account.getByRole('combobox', { name: 'Demo provider' });
      await expect(picker).toHaveValue('hotprospector');
      await expect(account.getByText(/a simulated Hot Prospector account/)).toBeVisible();

      await picker.selectOption({ label: 'Callingly' });
      await expect(account.getByText(/a simulated Callingly account/)).toBeVisible({ timeout: 30_000 });
      await expect(picker).toHaveValue('callingly');
      await expect(page.getByRole('status', { name: 'Workspace: Demo workspace' })).toBeVisible();
      await page.setViewportSize({ width: 1440, height: 900 });
      await screenshot(page, 'demo-provider-picker-1440');

      await page.getByRole('button', { name: 'Leads', exact: true }).click();
      await expect(leadRows(page).first()).toBeVisible({ timeout: FIRST_SYNC_TIMEOUT_MS });
      await leadRows(page).first().click();
      const lead = page.getByRole('article');
      await expect(lead.getByText('Notes stay on this computer: Callingly cannot store them.')).toBeVisible();
    } finally {
      await bridge(request, served, 'settings.update', { demoProvider: 'hotprospector' }).catch(() => undefined);
    }
  });
});
