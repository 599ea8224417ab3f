import type { Page } from '@playwright/test';
import {
  startCallhubSandbox,
  startHipcallSandbox,
  type CallhubSandbox,
  type HipcallSandbox,
} from '../../../src/sandbox';
import { expect, test, type ServedApp } from '../fixtures';
import { bridge } from '../tray/helpers';
import { leadRows, openWorkspace, screenshot } from './helpers';

/**
 * Issues 10-12, as a new user would: the Settings form offers every provider with exactly the
 * fields it declares (nothing in the renderer names one), and a Hipcall and a CallHub account
 * connect against their simulators over HTTP. Hipcall's queue has no group or tag pickers (a
 * phone system's callers have neither); CallHub's has phone books and no tag picker. The host is
 * signed out after, back to the Demo workspace the other specs expect.
 */

async function openAccountForm(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('form', { name: 'Account' });
}

async function signOut(request: Parameters<typeof bridge>[0], served: ServedApp): Promise<void> {
  await bridge(request, served, 'account.signOut', {}).catch(() => undefined);
  await bridge(request, served, 'settings.update', { timezone: 'America/Los_Angeles' }).catch(() => undefined);
}

test.describe('Hipcall and CallHub accounts from Settings', () => {
  let hipcall: HipcallSandbox;
  let callhub: CallhubSandbox;

  test.beforeAll(async () => {
    [hipcall, callhub] = await Promise.all([startHipcallSandbox({ seed: 3 }), startCallhubSandbox({ seed: 3 })]);
  });
  test.afterAll(async () => {
    await Promise.all([hipcall.close(), callhub.close()]);
  });

  test('every provider is offered with its own fields', async ({ page, served }) => {
    await openWorkspace(page, served);
    const account = await openAccountForm(page);
    const provider = account.getByRole('combobox', { name: 'Provider' });
    await expect(provider.locator('option')).toHaveText(['Hot Prospector', 'Callingly', 'Hipcall', 'CallHub']);

    await provider.selectOption({ label: 'Hipcall' });
    await expect(account.getByRole('group', { name: 'API version' })).toHaveCount(0);
    await expect(account.getByRole('textbox', { name: /Your Hipcall user id \(optional\)/ })).toBeVisible();
    await expect(account.getByRole('combobox', { name: 'Time zone' })).toHaveCount(0);
    await expect(account.getByRole('textbox', { name: 'API address (optional)' })).toHaveAttribute(
      'placeholder',
      'https://api.hipcall.com/api/v20211124',
    );

    await provider.selectOption({ label: 'CallHub' });
    await expect(account.getByRole('textbox', { name: /Country for numbers without \+/ })).toBeVisible();
    await expect(account.getByRole('textbox', { name: /Hipcall/ })).toHaveCount(0);
    await expect(account.getByRole('textbox', { name: 'API address (optional)' })).toHaveAttribute(
      'placeholder',
      'https://api.callhub.io/v1',
    );

    await provider.selectOption({ label: 'Hot Prospector' });
    await expect(account.getByRole('group', { name: 'API version' })).toBeVisible();
    await account.getByRole('button', { name: 'Test connection' }).click();
    await expect(account.getByRole('alert')).toHaveText('Enter the user id.');
  });

  test('a Hipcall account: a wrong key is refused, the right one shows its callers without group or tag pickers', async ({
    page,
    served,
    request,
  }) => {
    test.setTimeout(180_000);
    await openWorkspace(page, served);
    try {
      const account = await openAccountForm(page);
      await account.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Hipcall' });
      await account.getByRole('textbox', { name: /Your Hipcall user id/ }).fill('13');
      await account.getByRole('textbox', { name: 'API address (optional)' }).fill(hipcall.baseUrl);
      await account.getByLabel('API key').fill('not-the-key');
      await account.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByRole('alert').filter({ hasText: /API key was refused/ })).toBeVisible();

      await account.getByLabel('API key').fill(hipcall.credentials.apiKey);
      await account.getByRole('button', { name: 'Test connection' }).click();
      await expect(
        page.getByRole('status').filter({ hasText: /^Connected to 127\.0\.0\.1:\d+ as user 13\./ }),
      ).toBeVisible();
      // The first page of call records meets Hipcall's rate limit: the wait it asks for is shown, then the sync goes on.
      hipcall.faults.set({ next: ['http429'], retryAfterSec: 6, only: ['GET /cdrs'] });
      await account.getByRole('button', { name: 'Save and connect' }).click();
      await expect(page.getByText(/Paused \d+ s: Hipcall asked Callside to slow down/)).toBeVisible({
        timeout: 20_000,
      });
      await screenshot(page, 'sync-rate-limit-wait-hipcall');
      await expect(page.getByRole('status', { name: /^Workspace: hipcall/ })).toBeVisible();
      await expect(page.getByText(/Connected to Hipcall as user/)).toBeVisible();
      await page.setViewportSize({ width: 1440, height: 900 });
      await screenshot(page, 'settings-hipcall-1440');

      await page.getByRole('button', { name: 'Leads', exact: true }).click();
      await expect(leadRows(page).first()).toBeVisible({ timeout: 60_000 });
      await expect(page.getByRole('combobox', { name: 'Group' })).toHaveCount(0);
      await expect(page.getByRole('combobox', { name: 'Tag' })).toHaveCount(0);
      expect(await page.content()).not.toContain(hipcall.credentials.apiKey);
      await screenshot(page, 'queue-hipcall-1440');
    } finally {
      await signOut(request, served);
    }
  });

  test('a CallHub account: phone books as groups, no tag picker', async ({ page, served, request }) => {
    test.setTimeout(180_000);
    await openWorkspace(page, served);
    try {
      const account = await openAccountForm(page);
      await account.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'CallHub' });
      await account.getByRole('textbox', { name: /Country for numbers without \+/ }).fill('US');
      await account.getByRole('textbox', { name: 'API address (optional)' }).fill(callhub.baseUrl);
      await account.getByLabel('API key').fill(callhub.apiKey);
      await account.getByRole('button', { name: 'Save and connect' }).click();
      await expect(page.getByRole('status', { name: /^Workspace: callhub/ })).toBeVisible();

      await page.getByRole('button', { name: 'Leads', exact: true }).click();
      await expect(leadRows(page).first()).toBeVisible({ timeout: 60_000 });
      const groups = page.getByRole('combobox', { name: 'Group' });
      await expect(groups).toBeVisible();
      expect(await groups.locator('option').count()).toBeGreaterThan(1);
      await expect(page.getByRole('combobox', { name: 'Tag' })).toHaveCount(0);
      await page.setViewportSize({ width: 1440, height: 900 });
      await screenshot(page, 'queue-callhub-1440');
    } finally {
      await signOut(request, served);
    }
  });
});
