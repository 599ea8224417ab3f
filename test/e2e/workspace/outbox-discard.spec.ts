import { expect, test } from '../fixtures';
import { openLead, openWorkspace, screenshot, setFaults } from './helpers';

/**
 * Issue 9, item 6: a change Hot Prospector never takes must not sit in the outbox for ever. Here
 * every AddLeadTags request fails at the network level (everything else works), so the tag
 * stays pending; the agent gives up on it from the outbox, and the lead shows the provider's
 * version again.
 */
const TAGS_UNREACHABLE = { rates: { reset: 1 }, only: ['AddLeadTags'] };
const SYNC_TIMEOUT_MS = 90_000;

test('outbox: the agent discards a change that cannot be sent, after confirming, and the lead goes back', async ({
  page,
  served,
  request,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openWorkspace(page, served);
  const lead = await openLead(page, 'Zoë Brontë', 'Zoë Brontë');
  const outbox = page.getByRole('button', { name: /^Outbox:/ });
  await expect(outbox).toHaveText(/^Outbox: 0 pending$/);

  const tags = lead.getByRole('list', { name: 'Tags on this lead' });
  const onLead = await tags.getByRole('listitem').allTextContents();
  const accountTags = await page.getByRole('combobox', { name: 'Tag' }).getByRole('option').allTextContents();
  const title = accountTags.slice(1).find((candidate) => !onLead.some((text) => text.startsWith(candidate)))!;
  expect(title).toBeTruthy();

  const appliedTags = async (): Promise<number> =>
    (
      (await (await request.get(`${served.sandboxUrl}/__sandbox/counters`)).json()) as {
        applied: Record<string, number>;
      }
    ).applied.AddLeadTags ?? 0;
  const appliedBefore = await appliedTags();

  await setFaults(request, served, TAGS_UNREACHABLE);
  try {
    await lead.getByRole('combobox', { name: 'Add tag' }).fill(title);
    await lead.getByRole('button', { name: 'Add tag' }).click();
    await expect(tags.getByText(title, { exact: true })).toBeVisible();
    await expect(outbox).toHaveText(/^Outbox: 1 pending$/);

    await outbox.click();
    const dialog = page.getByRole('dialog', { name: 'Outbox' });
    // Named by what it does and to whom, with what went wrong so far in plain words.
    const change = dialog
      .getByRole('list', { name: 'Pending changes' })
      .getByRole('listitem', { name: 'Add tag, Zoë Brontë' });
    await expect(change).toContainText(title);
    await expect(change).toContainText(
      /Not sent yet: tried \d+ times?\. Last try: .*Hot Prospector.* Callside tries again on its own/,
      {
        timeout: SYNC_TIMEOUT_MS,
      },
    );

    // A waiting change is the agent's own work: discarding it asks first, and can be called off.
    await change.getByRole('button', { name: 'Discard add tag…' }).click();
    const confirm = change.getByRole('group', { name: 'Discard add tag?' });
    await expect(confirm).toContainText('Callside will not send it to Hot Prospector');
    await screenshot(page, 'outbox-discard-1440');
    await page.setViewportSize({ width: 420, height: 900 });
    await screenshot(page, 'outbox-discard-420');
    await page.setViewportSize({ width: 1440, height: 900 });
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(outbox).toHaveText(/^Outbox: 1 pending$/);

    // The sender retries this change on its own; caught mid-send, a discard is refused as busy
    // ("being sent right now. Try again in a moment"). The agent then does what it says.
    const done = dialog.getByText('Nothing waiting to be sent.');
    for (let attempt = 0; attempt < 3 && !(await done.isVisible()); attempt += 1) {
      await change.getByRole('button', { name: 'Discard add tag…' }).click();
      await confirm.getByRole('button', { name: 'Discard change' }).click();
      await done.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await expect(done).toBeVisible();
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(outbox).toHaveText(/^Outbox: 0 pending$/);
    await screenshot(page, 'outbox-discarded');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Still unable to add tags at the provider: the tag leaves because the sync that follows the
    // discard brought back Hot Prospector's version of the lead, not because it was sent.
    await expect(tags.getByText(title, { exact: true })).toHaveCount(0, { timeout: SYNC_TIMEOUT_MS });
    await expect(outbox).toHaveText(/^Outbox: 0 pending$/);
  } finally {
    await setFaults(request, served, {});
  }
  expect(await appliedTags()).toBe(appliedBefore);
});
