import {
  JAVASCRIPT_URL,
  XSS_LAST_NAME,
  XSS_NAME,
  XSS_NOTE,
  XSS_SMS,
} from '../../../src/sandbox/hotprospector/seed-fixtures';
import { expect, test } from '../fixtures';
import { leadRows, openWorkspace, search, watchDialogs } from './helpers';

test('names, notes and texts carrying HTML or script show as plain text and never run', async ({ page, served }) => {
  const dialogs = watchDialogs(page);
  await openWorkspace(page, served);

  await search(page, 'xss');
  const row = leadRows(page).filter({ hasText: XSS_NAME });
  await expect(row).toBeVisible();
  await expect(row).toContainText(XSS_LAST_NAME);
  await row.click();

  const lead = page.getByRole('article');
  await expect(lead.getByRole('heading', { level: 2 })).toHaveText(`${XSS_NAME} ${XSS_LAST_NAME}`);
  // The provider's note (read when the lead opens), and one the agent types with markup in it.
  await expect(lead.getByRole('list', { name: 'Notes' })).toContainText(XSS_NOTE);
  const typed = `<img src=x onerror=alert('typed')> <script>alert('typed')</script>`;
  await lead.getByRole('textbox', { name: 'New note' }).fill(typed);
  await lead.getByRole('button', { name: 'Add note' }).click();
  await expect(
    lead.getByRole('list', { name: 'Notes' }).getByRole('listitem').filter({ hasText: typed }),
  ).toBeVisible();
  await expect(lead.getByRole('list', { name: 'Text conversation' }).first()).toContainText(XSS_SMS);
  for (const transcript of await lead.getByText('Call transcript').all()) await transcript.click();

  // Nothing from the payloads became markup: no images, frames, scripts or bold text in the page body.
  expect(await page.locator('#root img, #root iframe, #root svg, #root script, #root b').count()).toBe(0);

  // The lead whose website is a javascript: URL: shown as text, never as a link.
  await search(page, 'Tables');
  await leadRows(page).filter({ hasText: 'Tables' }).first().click();
  await expect(lead.getByRole('heading', { level: 2 })).toContainText('DROP TABLE');
  await expect(lead.getByText(JAVASCRIPT_URL)).toBeVisible();
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  const links = await page.getByRole('link').all();
  // The lead shows at least its e-mail and phone as links: the check below is not vacuous.
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    expect(await link.getAttribute('href')).toMatch(/^(https:|tel:|sip:|callto:)/);
  }

  expect(dialogs).toEqual([]);
});
