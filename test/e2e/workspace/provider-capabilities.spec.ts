import type { Page } from '@playwright/test';
import { startCallinglySandbox, type CallinglySandbox } from '../../../src/sandbox';
import { expect, test, type ServedApp } from '../fixtures';
import { bridge } from '../tray/helpers';
import { leadRows, openLead, openWorkspace, screenshot } from './helpers';

/**
 * Issue 10: the UI offers only what the workspace's provider can do, and says plainly what it
 * cannot. A Callingly account is connected through the Settings form (against a Callingly
 * simulator over HTTP); its leads' tags are read-only, notes stay on this computer, moving and
 * unsubscribing are not offered, and the tray has a do-not-disturb switch and hides the
 * figures Callingly cannot give. The host is signed out again after, back to the Demo workspace.
 */

const ZONE = 'America/Phoenix';

async function connectCallingly(page: Page, sb: CallinglySandbox): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const account = page.getByRole('form', { name: 'Account' });
  await account.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Callingly' });

  // Exactly Callingly's fields: no API version, no user id; an agency's account id and the zone.
  await expect(account.getByRole('group', { name: 'API version' })).toHaveCount(0);
  await expect(account.getByRole('textbox', { name: 'User id' })).toHaveCount(0);
  await expect(account.getByLabel('API key')).toBeVisible();
  await expect(account.getByRole('textbox', { name: 'Agency account id (optional)' })).toBeVisible();
  await expect(account.getByRole('combobox', { name: 'Time zone' })).toBeVisible();
  await expect(account.getByRole('textbox', { name: 'API address (optional)' })).toHaveAttribute(
    'placeholder',
    'https://api.callingly.com/v1',
  );

  await account.getByLabel('API key').fill(sb.credentials.apiKey);
  await account.getByRole('textbox', { name: 'API address (optional)' }).fill(sb.baseUrl);
  await account.getByRole('combobox', { name: 'Time zone' }).selectOption(ZONE);
  await account.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Connected to/ })).toBeVisible();
  await screenshot(page, 'settings-callingly');

  await account.getByRole('button', { name: 'Save and connect' }).click();
  await expect(page.getByRole('status', { name: /^Workspace: callingly/ })).toBeVisible();
}

/**
 * Leaves the shared host as the other specs expect it: signed out, and the account time zone
 * back at the default (connecting a Callingly account in Phoenix changed it).
 */
async function signOut(request: Parameters<typeof bridge>[0], served: ServedApp): Promise<void> {
  await bridge(request, served, 'account.signOut', {}).catch(() => undefined);
  await bridge(request, served, 'settings.update', { timezone: 'America/Los_Angeles' }).catch(() => undefined);
}

test.describe('what the provider can do (Callingly account)', () => {
  let sb: CallinglySandbox;

  test.beforeAll(async () => {
    sb = await startCallinglySandbox({ seed: 4, leads: 40, timezone: ZONE });
  });
  test.afterAll(async () => {
    await sb.close();
  });

  test('tags are read-only, notes stay on this computer, moving and unsubscribing are not offered', async ({
    page,
    served,
    request,
  }) => {
    test.setTimeout(180_000);
    await openWorkspace(page, served);
    try {
      await connectCallingly(page, sb);
      await page.getByRole('button', { name: 'Leads', exact: true }).click();
      await expect(leadRows(page).first()).toBeVisible({ timeout: 60_000 });

      const seeded = sb.state.data.leads.find(
        (lead) => lead.tagIds.length > 0 && !lead.deleted && /^[A-Za-z]+$/.test(lead.lname),
      );
      expect(seeded, 'the simulator has a lead with tags').toBeDefined();
      const name = `${seeded?.fname} ${seeded?.lname}`;
      const lead = await openLead(page, seeded?.lname ?? '', name);

      const tags = lead.getByRole('region', { name: 'Tags' });
      await expect(tags.getByText('Callingly does not let Callside change tags.')).toBeVisible();
      await expect(tags.getByRole('list', { name: 'Tags on this lead' }).getByRole('listitem').first()).toBeVisible();
      await expect(tags.getByRole('textbox', { name: 'Add tag' })).toHaveCount(0);
      await expect(tags.getByRole('button', { name: /^Remove tag/ })).toHaveCount(0);

      // Before a word is typed, the composer says where the note will live.
      const composer = lead.getByRole('textbox', { name: 'New note' });
      await expect(composer).toHaveValue('');
      await expect(composer).toHaveAccessibleDescription('Notes stay on this computer: Callingly cannot store them.');
      await expect(lead.getByText('Notes stay on this computer: Callingly cannot store them.')).toBeVisible();

      await expect(lead.getByRole('combobox', { name: 'Target group' })).toHaveCount(0);
      await expect(lead.getByRole('button', { name: /^Unsubscribe/ })).toHaveCount(0);

      await page.setViewportSize({ width: 1440, height: 900 });
      await screenshot(page, 'callingly-lead-1440');
      await page.setViewportSize({ width: 420, height: 900 });
      await screenshot(page, 'callingly-lead-420');
    } finally {
      await signOut(request, served);
    }
  });

  test("the tray's do-not-disturb switch sets the picked agent's DND at Callingly; underived figures are hidden", async ({
    page,
    served,
    request,
  }) => {
    test.setTimeout(180_000);
    await openWorkspace(page, served);
    try {
      await connectCallingly(page, sb);
      await page.setViewportSize({ width: 420, height: 760 });
      await page.goto(`${served.origin}/tray?token=${served.token}`);
      await expect(page.getByRole('tab', { name: 'Today' })).toHaveAttribute('aria-selected', 'true');

      // Nobody picked yet: one switch per agent.
      const agent = sb.state.data.agents.find((a) => !a.donotdisturb);
      expect(agent, 'an agent without DND').toBeDefined();
      const agentName = `${agent?.fname} ${agent?.lname}`;
      await expect(page.getByRole('switch', { name: `Do not disturb: ${agentName}` })).toBeVisible({
        timeout: 30_000,
      });

      await screenshot(page, 'tray-dnd-list-420');
      await page.getByRole('combobox', { name: 'Who are you?' }).selectOption(String(agent?.id));
      const dnd = page.getByRole('switch', { name: 'Do not disturb', exact: true });
      await expect(dnd).toHaveAttribute('aria-checked', 'false');
      const before = sb.counters().applied['PUT /agents/{id}'] ?? 0;
      await dnd.click();
      await expect(dnd).toHaveAttribute('aria-checked', 'true');
      expect(sb.state.agentById.get(agent?.id ?? 0)?.donotdisturb).toBe(true);
      expect(sb.counters().applied['PUT /agents/{id}'] ?? 0).toBe(before + 1);

      const figures = page.getByRole('list', { name: 'My figures' });
      await expect(figures.getByText('Outbound calls')).toBeVisible();
      for (const hidden of ['Logged in', 'Prospects', 'Appointments', 'SMS']) {
        await expect(figures.getByText(hidden, { exact: true })).toHaveCount(0);
      }
      await expect(page.getByRole('tab', { name: 'Team' })).toBeVisible();
      await expect(page.getByRole('tab', { name: 'Campaigns' })).toHaveCount(0);
      await screenshot(page, 'tray-dnd-420');

      await dnd.click();
      await expect(dnd).toHaveAttribute('aria-checked', 'false');
      expect(sb.state.agentById.get(agent?.id ?? 0)?.donotdisturb).toBe(false);
    } finally {
      await bridge(request, served, 'desktop.settings.update', { agent: { agentId: null } }).catch(() => undefined);
      await signOut(request, served);
    }
  });
});
