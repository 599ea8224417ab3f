import type { Page } from '@playwright/test';
import type { ListedLead } from '../../../src/shared/contract/workspace-schemas';
import { expect, test, type ServedApp } from '../fixtures';
import { bridge } from '../tray/helpers';
import { leadList, leadRows, openWorkspace, screenshot, search } from './helpers';

const lead = (page: Page) => page.getByRole('article');
const heading = (page: Page) => lead(page).getByRole('heading', { level: 2 });
const noteBox = (page: Page) => page.getByRole('textbox', { name: 'New note' });

/** Opens the lead whose queue row shows `name`, by searching for it, as an agent would. */
async function reopen(page: Page, name: string): Promise<void> {
  await search(page, name);
  await leadRows(page).filter({ hasText: name }).first().click();
  await expect(heading(page)).toHaveText(name);
}

/**
 * A lead no other lead shares a name with, so finding it again by name is finding it (the demo
 * has namesakes), and its id, so the test can leave no draft behind for the next spec.
 */
async function uniqueLead(page: Page, served: ServedApp, skip = 0): Promise<{ id: string; name: string }> {
  const listed = await bridge<{ leads: ListedLead[] }>(page.request, served, 'leads.list', { limit: 60 });
  let unique = 0;
  // Not one of the first rows: n from the top of the queue must reach another lead.
  for (const candidate of listed.leads.slice(5)) {
    const name = `${candidate.firstName} ${candidate.lastName}`.trim();
    if (!candidate.firstName || !candidate.lastName) continue;
    const found = await bridge<{ leads: ListedLead[] }>(page.request, served, 'leads.list', { search: name, limit: 5 });
    if (found.leads.length === 1 && unique++ === skip) return { id: candidate.id, name };
  }
  throw new Error('no lead with a name of its own in the first page of the demo');
}

/** The queue sorted by name: an order the sync running beside the test does not reshuffle. */
async function byName(page: Page): Promise<void> {
  await expect(leadRows(page).first()).toBeVisible();
  await page.getByRole('radio', { name: 'Name' }).check();
  await expect(leadRows(page).nth(5)).toBeVisible();
}

test.describe('note drafts', () => {
  test('a draft survives the next lead and a reload; saving the note clears it', async ({ page, served }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openWorkspace(page, served);
    await byName(page);
    await leadRows(page).nth(0).click();
    await expect(heading(page)).toBeVisible();
    const name = (await heading(page).textContent()) ?? '';
    // The lead (and any namesake), to check main's side and leave no draft behind for the next spec.
    const found = await bridge<{ leads: ListedLead[] }>(page.request, served, 'leads.list', {
      search: name,
      limit: 10,
    });
    const ids = found.leads.map((listed) => listed.id);
    expect(ids.length).toBeGreaterThan(0);
    // Markup typed by the agent stays text.
    const draft = `Call back Tuesday <b>after 3</b> ${Date.now()}`;
    try {
      await page.keyboard.press('e');
      await page.keyboard.type(draft);

      // Another lead at once: its composer is empty.
      await leadRows(page).nth(5).click();
      await expect(heading(page)).not.toHaveText(name);
      await expect(noteBox(page)).toHaveValue('');

      // Back to the first: the draft is there.
      await leadRows(page).nth(0).click();
      await expect(heading(page)).toHaveText(name);
      await expect(noteBox(page)).toHaveValue(draft);

      // Reloaded at once, before the pause after typing is over: the page going away sends it.
      await noteBox(page).fill(`${draft} v2`);
      await page.reload();
      await byName(page);
      await leadRows(page).nth(0).click();
      await expect(heading(page)).toHaveText(name);
      await expect(noteBox(page)).toHaveValue(`${draft} v2`);
      await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
      await screenshot(page, 'draft-saved-1440');

      await page.getByRole('button', { name: 'Add note' }).click();
      await expect(
        lead(page)
          .getByRole('list', { name: 'Notes' })
          .getByRole('listitem')
          .filter({ hasText: `${draft} v2` }),
      ).toBeVisible();
      await expect(noteBox(page)).toHaveValue('');
      await page.reload();
      await byName(page);
      await leadRows(page).nth(0).click();
      await expect(heading(page)).toHaveText(name);
      await expect(
        lead(page)
          .getByRole('list', { name: 'Notes' })
          .getByRole('listitem')
          .filter({ hasText: `${draft} v2` }),
      ).toBeVisible();
      await expect(noteBox(page)).toHaveValue('');
      for (const leadId of ids) expect(await bridge(page.request, served, 'draft.get', { leadId })).toBeNull();
    } finally {
      for (const leadId of ids) await bridge(page.request, served, 'draft.discard', { leadId });
    }
  });

  test('"Discard draft" throws the draft away, here and after a reload', async ({ page, served }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openWorkspace(page, served);
    const { id, name } = await uniqueLead(page, served, 1);
    try {
      await reopen(page, name);
      await noteBox(page).fill('Not worth keeping');
      await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
      await page.getByRole('button', { name: 'Discard draft' }).click();
      await expect(noteBox(page)).toHaveValue('');
      await expect(page.getByRole('button', { name: 'Discard draft' })).toHaveCount(0);

      await page.reload();
      await expect(leadRows(page).first()).toBeVisible();
      await reopen(page, name);
      await expect(noteBox(page)).toHaveValue('');
      expect(await bridge(page.request, served, 'draft.get', { leadId: id })).toBeNull();
    } finally {
      await bridge(page.request, served, 'draft.discard', { leadId: id });
    }
  });
});

/** What a person sees after scrolling everything as far down as it goes. */
async function scrollToTheEnd(page: Page): Promise<void> {
  const pane = page.getByRole('region', { name: 'Lead', exact: true });
  if (await pane.isVisible()) {
    await pane.hover();
    await page.mouse.wheel(0, 20_000);
    await pane.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  }
  await page.mouse.wheel(0, 20_000);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
}

/** The window itself never scrolls and the status bar sits on the window's bottom edge. */
async function expectNoBlankScreen(page: Page): Promise<void> {
  const measured = await page.evaluate(() => ({
    scrollY: window.scrollY,
    pageHeight: document.documentElement.scrollHeight,
    windowHeight: window.innerHeight,
    appTop: document.querySelector('.app')?.getBoundingClientRect().top ?? -1,
  }));
  expect(measured.scrollY).toBe(0);
  expect(measured.pageHeight).toBeLessThanOrEqual(measured.windowHeight);
  expect(measured.appTop).toBe(0);
  const bar = await page.getByRole('contentinfo', { name: 'Sync status' }).boundingBox();
  expect(bar).not.toBeNull();
  expect(Math.round(bar!.y + bar!.height)).toBe(measured.windowHeight);
}

async function expectEscLeaves(page: Page, field: ReturnType<Page['getByRole']>): Promise<void> {
  await expect(field).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(field).not.toBeFocused();
}

test.describe('side by side with the softphone', () => {
  for (const width of [900, 700, 420]) {
    test(`at ${width} px wide the window never scrolls into blank space and Esc leaves every field`, async ({
      page,
      served,
    }) => {
      await page.setViewportSize({ width, height: 800 });
      await openWorkspace(page, served);
      await scrollToTheEnd(page);
      await expectNoBlankScreen(page);

      await leadRows(page).nth(2).click();
      await expect(heading(page)).toBeVisible();
      // The lead's last section is reachable, and on screen (its history may still be arriving).
      await expect(async () => {
        await scrollToTheEnd(page);
        await expect(lead(page).getByRole('button', { name: /Unsubscribe/ })).toBeInViewport({ timeout: 500 });
      }).toPass({ timeout: 15_000 });
      await expectNoBlankScreen(page);
      await screenshot(page, `sizes-lead-bottom-${width}`);

      // Esc from the note and the tag field: out of the field, then the lead closes.
      await page.keyboard.press('e');
      await expectEscLeaves(page, noteBox(page));
      await page.keyboard.press('t');
      await expectEscLeaves(page, page.getByRole('combobox', { name: 'Add tag' }));
      await expectNoBlankScreen(page);
      await page.keyboard.press('Escape');
      await expect(lead(page)).toHaveCount(0);
      await expect(leadList(page)).toBeVisible();
      await expect(leadRows(page).first()).toBeInViewport();

      // The search box: Esc clears what was typed, the next one leaves the box.
      await page.keyboard.press('/');
      const box = page.getByRole('searchbox', { name: 'Search leads' });
      await page.keyboard.type('zz');
      await page.keyboard.press('Escape');
      await expect(box).toHaveValue('');
      await expectEscLeaves(page, box);
      await expectNoBlankScreen(page);

      // Settings: Esc leaves the field, the next one goes back to the leads.
      await page.getByRole('button', { name: 'Settings' }).click();
      const key = page.getByLabel('API key');
      await key.focus();
      await expectEscLeaves(page, key);
      await expect(page.getByRole('button', { name: 'Settings' })).toBeVisible();
      await expect(key).toBeVisible();
      await scrollToTheEnd(page);
      await expectNoBlankScreen(page);
      await page.keyboard.press('Escape');
      await expect(leadList(page)).toBeVisible();
      await screenshot(page, `sizes-queue-${width}`);
    });
  }
});
