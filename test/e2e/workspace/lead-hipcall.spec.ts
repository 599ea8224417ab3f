import type { Page } from '@playwright/test';
import type { Activity, Lead } from '../../../src/shared/domain';
import { expect, test } from '../fixtures';
import { bridge } from '../tray/helpers';
import { FIRST_SYNC_TIMEOUT_MS, leadRows, openWorkspace, screenshot, search } from './helpers';

/**
 * The lead view on the Hipcall Demo workspace: the note composer says, per lead, where a note
 * goes (Hipcall keeps notes only for its contacts), and a recording plays inline from a link
 * main hands out (fresh from Hipcall when the cached one expired). The shared host is put back
 * on Hot Prospector after, as the other specs expect.
 */
interface LeadView {
  lead: Lead;
  timeline: Activity[];
}

async function openByPhone(page: Page, lead: Lead) {
  await search(page, lead.phone);
  await leadRows(page).filter({ hasText: lead.phone }).first().click();
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(article.getByRole('link', { name: `Call phone ${lead.phone}` })).toBeVisible();
  return article;
}

test.describe('the lead view on Hipcall', () => {
  test('the composer says where this lead\u2019s notes go, and a recording plays', async ({
    page,
    served,
    request,
  }) => {
    test.setTimeout(180_000);
    // The host's own demo first (as the agent finds it), then the switch.
    await page.setViewportSize({ width: 1440, height: 900 });
    await openWorkspace(page, served);
    try {
      await bridge(request, served, 'settings.update', { demoProvider: 'hipcall' });
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(served.url);
      await expect(leadRows(page).first()).toBeVisible({ timeout: FIRST_SYNC_TIMEOUT_MS });

      const { leads } = await bridge<{ leads: Lead[] }>(request, served, 'leads.list', { limit: 500 });
      const phoneOnly = leads.find((l) => l.id.startsWith('phone:') && !l.customFields.hipcallContactId);
      let recorded: { lead: Lead; call: Activity } | null = null;
      for (const lead of leads.filter((l) => l.id.startsWith('contact:'))) {
        const view = await bridge<LeadView>(request, served, 'lead.open', { leadId: lead.id });
        const call = view.timeline.find((a) => a.recordingExpiresAt && a.recordingUrl);
        if (call) {
          recorded = { lead, call };
          break;
        }
      }
      expect(phoneOnly, 'the demo has a phone-only lead').toBeDefined();
      expect(recorded, 'the demo has a contact lead with a recording').not.toBeNull();

      const local = await openByPhone(page, phoneOnly!);
      await expect(
        local.getByText('Notes on this lead stay on this computer: Hipcall keeps notes only for its contacts.'),
      ).toBeVisible();
      // Hipcall places no calls itself: only the softphone's Call link is offered.
      await expect(local.getByRole('button', { name: /with Hipcall/ })).toHaveCount(0);
      // A phone system keeps no tags: no empty Tags card; the row does not repeat the number under itself.
      await expect(local.getByRole('region', { name: 'Tags' })).toHaveCount(0);
      await expect(
        leadRows(page).filter({ hasText: phoneOnly!.phone }).first().locator('.lead-row-detail:not(.lead-row-contact)'),
      ).toHaveText('');
      await screenshot(page, 'lead-hipcall-phone-only-1440');

      const lead = await openByPhone(page, recorded!.lead);
      await expect(lead.getByText('Saved to Hipcall.', { exact: true })).toBeVisible();
      // The expiring link is never a link on the page: it is asked for when played.
      await expect(lead.getByRole('link', { name: 'Play recording' })).toHaveCount(0);
      const played = page.waitForResponse((response) => /\/recordings\/[^/]+\.mp3\?/.test(response.url()), {
        timeout: 15_000,
      });
      // Who took the call, as Hipcall names its user.
      if (recorded!.call.agentName) await expect(lead.getByText(recorded!.call.agentName).first()).toBeVisible();
      await lead.getByRole('button', { name: 'Play recording' }).first().click();
      const audio = lead.locator('audio[controls]').first();
      await expect(audio).toBeVisible();
      await expect(audio).toHaveAttribute('src', /^http:\/\/127\.0\.0\.1:\d+\/recordings\/[^/]+\.mp3\?expires=\d+/);
      // The player reached the link (the CSP lets media through) and Hipcall served the audio.
      const response = await played;
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('audio/mpeg');
      await expect(lead.getByRole('alert')).toHaveCount(0);
      await screenshot(page, 'lead-hipcall-recording-1440');
    } finally {
      await bridge(request, served, 'settings.update', { demoProvider: 'hotprospector' }).catch(() => undefined);
    }
  });
});
