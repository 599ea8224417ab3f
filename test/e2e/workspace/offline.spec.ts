import { expect, test } from '../fixtures';
import { openLead, openWorkspace, screenshot, setFaults } from './helpers';

/** Every API request to the simulator fails at the network level: the provider is unreachable. */
const CUT_OFF = { rates: { reset: 1 } };
const DELIVERY_TIMEOUT_MS = 45_000;

test('offline: the banner shows, edits queue in the outbox, and drain when the provider is back', async ({
  page,
  served,
  request,
}) => {
  test.setTimeout(180_000);
  await openWorkspace(page, served);
  const lead = await openLead(page, 'Łukasz Wróbel', 'Łukasz Wróbel');
  const outbox = page.getByRole('button', { name: /^Outbox:/ });
  const syncNow = page.getByRole('button', { name: 'Sync now' });
  await expect(outbox).toHaveText(/^Outbox: 0 pending/);

  // A tag this lead does not have yet (tags, unlike notes, are written to Hot Prospector).
  const onLead = await lead.getByRole('list', { name: 'Tags on this lead' }).getByRole('listitem').allTextContents();
  const accountTags = await page.getByRole('combobox', { name: 'Tag' }).getByRole('option').allTextContents();
  const title = accountTags.slice(1).find((candidate) => !onLead.some((text) => text.startsWith(candidate)))!;
  const tags = lead.getByRole('list', { name: 'Tags on this lead' });

  await setFaults(request, served, CUT_OFF);
  try {
    await lead.getByRole('combobox', { name: 'Add tag' }).fill(title);
    await lead.getByRole('button', { name: 'Add tag' }).click();
    // Applied here at once, and queued for the provider.
    await expect(tags.getByText(title, { exact: true })).toBeVisible();
    await expect(outbox).toHaveText(/^Outbox: [1-9]\d* pending/);

    // Reaching for the provider (the background sender, or the agent's "Sync now") finds it gone.
    await expect(syncNow).toBeEnabled({ timeout: DELIVERY_TIMEOUT_MS });
    await syncNow.click();
    const banner = page.getByRole('status').filter({ hasText: 'Offline.' });
    await expect(banner).toBeVisible({ timeout: DELIVERY_TIMEOUT_MS });
    await expect(banner).toContainText('will be sent when the connection is back');
    await expect(tags.getByText(title, { exact: true })).toBeVisible();
    await expect(outbox).toHaveText(/^Outbox: [1-9]\d* pending/);

    await outbox.click();
    const dialog = page.getByRole('dialog', { name: 'Outbox' });
    const pending = dialog.getByRole('list', { name: 'Pending changes' }).getByRole('listitem');
    await expect(pending.filter({ hasText: 'Add tag' }).filter({ hasText: title })).toBeVisible();
    await screenshot(page, 'offline-outbox');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await screenshot(page, 'offline');
  } finally {
    await setFaults(request, served, {});
  }

  // Back online: "Sync now" pushes the outbox first; the tag reaches the provider and stays.
  await expect(syncNow).toBeEnabled({ timeout: DELIVERY_TIMEOUT_MS });
  await syncNow.click();
  await expect(outbox).toHaveText(/^Outbox: 0 pending$/, { timeout: DELIVERY_TIMEOUT_MS });
  await expect(page.getByRole('status').filter({ hasText: 'Offline.' })).toHaveCount(0, {
    timeout: DELIVERY_TIMEOUT_MS,
  });
  await expect(page.getByText(/Data as of/)).toBeVisible();
  await expect(tags.getByText(title, { exact: true })).toBeVisible();

  // Leave the lead as it was for the other tests in this worker.
  await lead.getByRole('button', { name: `Remove tag ${title}` }).click();
  await expect(outbox).toHaveText(/^Outbox: 0 pending$/, { timeout: DELIVERY_TIMEOUT_MS });
});
