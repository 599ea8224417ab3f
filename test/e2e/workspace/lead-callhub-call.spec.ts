import type { Lead } from '../../../src/shared/domain';
import { expect, test } from '../fixtures';
import { bridge } from '../tray/helpers';
import { FIRST_SYNC_TIMEOUT_MS, leadRows, openWorkspace, screenshot, search } from './helpers';

/**
 * Click-to-call through the provider: CallHub declares `call.start`, so the lead's phone offers
 * "Call with CallHub" beside the softphone's Call link, and says what came of it. The shared
 * host is put back on Hot Prospector after, as the other specs expect.
 */
test.describe('calling through CallHub', () => {
  test('"Call with CallHub" rings the agent and says so; Hot Prospector offers no such button', async ({
    page,
    served,
    request,
  }) => {
    test.setTimeout(180_000);
    // The host's own demo first (as the agent finds it), then the switch.
    await page.setViewportSize({ width: 1440, height: 900 });
    await openWorkspace(page, served);
    try {
      await bridge(request, served, 'settings.update', { demoProvider: 'callhub' });
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(served.url);
      await expect(leadRows(page).first()).toBeVisible({ timeout: FIRST_SYNC_TIMEOUT_MS });

      const { leads } = await bridge<{ leads: Lead[] }>(request, served, 'leads.list', { limit: 500 });
      const lead = leads.find((l) => l.phone && !l.unsubscribed && l.firstName && l.lastName);
      expect(lead, 'the demo has a named contact with a number').toBeDefined();
      const name = `${lead!.firstName} ${lead!.lastName}`;
      await search(page, lead!.phone);
      await leadRows(page).first().click();
      const article = page.getByRole('article');
      await expect(article.getByRole('heading', { level: 2 })).toContainText(name);

      await expect(article.getByRole('link', { name: /^Call phone/ })).toBeVisible();
      const button = article.getByRole('button', { name: `Call phone ${lead!.phone} with CallHub` });
      await expect(button).toHaveText('Call with CallHub');
      await button.click();
      await expect(article.getByRole('status').filter({ hasText: 'ringing' })).toHaveText(
        `CallHub is ringing you now; answer to be connected to ${name}.`,
      );
      await expect(article.getByRole('alert')).toHaveCount(0);
      await screenshot(page, 'lead-callhub-call-1440');
    } finally {
      await bridge(request, served, 'settings.update', { demoProvider: 'hotprospector' }).catch(() => undefined);
    }
    await page.goto(served.url);
    await expect(leadRows(page).first()).toBeVisible({ timeout: FIRST_SYNC_TIMEOUT_MS });
    await leadRows(page).first().click();
    await expect(
      page.getByRole('article').getByText('Notes stay on this computer: Hot Prospector cannot store them.'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: /with Hot Prospector/ })).toHaveCount(0);
  });
});
