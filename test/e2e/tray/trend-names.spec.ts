import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures';
import { bridge, busiestAgentId, openTray, pickMe, screenshot, TRAY_WINDOW } from './helpers';

/**
 * Label in name (WCAG 2.5.3, axe's label-content-name-mismatch): each trend bar's accessible
 * name contains the text the bar shows, so an agent who speaks or types what they see reaches
 * it. The project has no axe dependency; this checks the rule's expectation by role.
 */

test.afterEach(async ({ request, served }) => {
  // One host per worker: leave "nobody picked yet" for the specs that follow.
  await bridge(request, served, 'desktop.settings.update', { agent: { agentId: null, email: '' } });
});

/**
 * The text a sighted agent reads on the element: text of descendants that are rendered at a
 * readable size (a visually hidden span is clipped to 1×1 px), whitespace collapsed.
 */
function visibleText(element: Locator): Promise<string> {
  return element.evaluate((root) => {
    const parts: string[] = [];
    const walk = (node: Node, shown: boolean) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          if (shown) parts.push(child.textContent ?? '');
        } else if (child instanceof HTMLElement) {
          const rect = child.getBoundingClientRect();
          const style = getComputedStyle(child);
          const rendered = rect.width > 1 && rect.height > 1 && style.visibility !== 'hidden';
          walk(child, shown && rendered);
        }
      }
    };
    walk(root, true);
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('every trend bar is named by the text it shows, then its unit and date', async ({ page, served, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(TRAY_WINDOW);
  await openTray(page, served);
  await pickMe(page, await busiestAgentId(request, served));
  await page.getByRole('tab', { name: 'Trend' }).click();

  for (const metric of ['outboundCalls', 'talkMinutes']) {
    await page.getByRole('combobox', { name: 'Trend of' }).selectOption(metric);
    const bars = page.getByRole('list', { name: /, last 7 days$/ }).getByRole('button');
    await expect(bars).toHaveCount(7);
    for (const bar of await bars.all()) {
      const shown = await visibleText(bar);
      // A figure (or – for a day without one) and a day such as "Sun 16".
      expect(shown).toMatch(/^(\d[\d,.]*|–) \S+ \d+$/);
      await expect(bar).toHaveAccessibleName(new RegExp(`^${escapeRegExp(shown)}\\b`, 'i'));
    }
  }
  // The listener still hears the unit: "… talk minutes" (or "no figures" for a day without).
  await expect(
    page
      .getByRole('list', { name: /^Talk minutes/ })
      .getByRole('button')
      .last(),
  ).toHaveAccessibleName(/talk minutes?|no figures/);
  await screenshot(page, 'tray-trend-bars');
});
