import { expect, test } from '../fixtures';
import { openLead, openWorkspace, screenshot } from './helpers';

interface SandboxInfo {
  v2BaseUrl: string;
  credentials: { uid: string; apiKey: string };
}

test.describe('settings', () => {
  test('the click-to-call scheme and time zone are saved and used', async ({ page, served }) => {
    await openWorkspace(page, served);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: /sip:/ }).check();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('America/Los_Angeles');

    await page.getByRole('button', { name: 'Leads', exact: true }).click();
    const lead = await openLead(page, 'John Doe', 'John Doe');
    await expect(lead.getByRole('link', { name: /^Call phone/ })).toHaveAttribute('href', /^sip:\+\d+$/);

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: /tel:/ }).check();
    await expect(page.getByRole('radio', { name: /tel:/ })).toBeChecked();
  });

  test('test connection explains a refusal; connecting masks the key; sign out returns to the demo', async ({
    page,
    served,
    request,
  }) => {
    await openWorkspace(page, served);
    const info = (await (await request.get(`${served.sandboxUrl}/__sandbox/info`)).json()) as SandboxInfo;
    await page.getByRole('button', { name: 'Settings' }).click();
    const account = page.getByRole('form', { name: 'Account' });

    // Nothing typed: said plainly, nothing sent.
    await account.getByRole('button', { name: 'Test connection' }).click();
    await expect(account.getByRole('alert')).toHaveText('Enter the user id.');

    await account.getByRole('radio', { name: 'API V2' }).check();
    await account.getByRole('textbox', { name: 'User id' }).fill(info.credentials.uid);
    await account.getByLabel('API key').fill('not-the-key');
    await account.getByRole('textbox', { name: 'API address (optional)' }).fill(info.v2BaseUrl);
    await account.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /refused/ })).toBeVisible();

    await account.getByLabel('API key').fill(info.credentials.apiKey);
    await account.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Connected to/ })).toBeVisible();
    await screenshot(page, 'settings');

    await account.getByRole('button', { name: 'Save and connect' }).click();
    await expect(page.getByRole('status', { name: /Workspace: hotprospector · / })).toBeVisible();
    // The key is gone from the page for good: only a mask says one is saved.
    await expect(page.getByLabel('API key')).toHaveValue('');
    await expect(page.getByLabel('API key')).toHaveAttribute('placeholder', '•••• saved');
    expect(await page.content()).not.toContain(info.credentials.apiKey);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('status', { name: 'Workspace: Demo workspace' })).toBeVisible();
  });
});
