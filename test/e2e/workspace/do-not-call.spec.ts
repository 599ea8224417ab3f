import type { Lead } from '../../../src/shared/domain';
import { expect, test } from '../fixtures';
import { bridge } from '../tray/helpers';
import { openLead, openWorkspace, screenshot } from './helpers';

/**
 * Issue 13, items 4 and 10: a lead tagged Do Not Call cannot be dialled without an explicit
 * override, and the override is written on the lead before the Call link appears; its local
 * time shows. US numbers read nationally ("(305) 986-5803") and are dialled as E.164. The tag
 * is taken off again after, so other specs find the lead as it was.
 */
test('a Do Not Call lead is dialled only after an override that is noted on the lead', async ({
  page,
  served,
  request,
}) => {
  test.setTimeout(120_000);
  await openWorkspace(page, served);
  const { leads } = await bridge<{ leads: Lead[] }>(request, served, 'leads.list', { limit: 500 });
  const lead = leads.find(
    (l) =>
      /^\+1\d{10}$/.test(l.phone) &&
      !l.unsubscribed &&
      l.tags.length === 0 &&
      /^[A-Z]{2}$/.test(l.state) &&
      /^[A-Za-z]+$/.test(l.lastName) &&
      /^[A-Za-z]+$/.test(l.firstName),
  );
  expect(lead, 'the demo has a plain US lead').toBeDefined();
  const name = `${lead!.firstName} ${lead!.lastName}`;
  const national = `(${lead!.phone.slice(2, 5)}) ${lead!.phone.slice(5, 8)}-${lead!.phone.slice(8)}`;
  await bridge(request, served, 'lead.tags', { leadId: lead!.id, action: 'add', tags: ['Do Not Call'] });
  try {
    const view = await openLead(page, lead!.lastName, name);
    await expect(view.getByText(national, { exact: true }).first()).toBeVisible();
    await expect(view.getByText(/^Their time:/)).toBeVisible();

    await expect(view.getByRole('link', { name: /^Call phone/ })).toHaveCount(0);
    await expect(view.getByText('Do not call', { exact: true }).first()).toBeVisible();
    await view.getByRole('button', { name: 'Call anyway…' }).first().click();
    const override = view.getByRole('group', { name: 'Do-not-call override' });
    await expect(override).toContainText('Calling anyway is noted on the lead.');
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, 'lead-do-not-call-1440');
    await override.getByRole('button', { name: 'Note it and call' }).click();

    await expect(view.getByRole('link', { name: /^Call phone/ })).toHaveAttribute('href', `tel:${lead!.phone}`);
    await expect(view.getByText(/Do-not-call override: the agent chose to call/).first()).toBeVisible();
    await page.setViewportSize({ width: 420, height: 900 });
    await screenshot(page, 'lead-do-not-call-420');
  } finally {
    await bridge(request, served, 'lead.tags', { leadId: lead!.id, action: 'remove', tags: ['Do Not Call'] }).catch(
      () => undefined,
    );
  }
});
