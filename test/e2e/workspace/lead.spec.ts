import { expect, test } from '../fixtures';
import { openLead, openWorkspace, screenshot } from './helpers';

test.describe('lead detail', () => {
  test('opening a lead shows its profile, notes and timeline, newest first', async ({ page, served }) => {
    await openWorkspace(page, served);
    const lead = await openLead(page, 'José García', 'José García');
    await expect(lead.getByText('Núñez & Hijos').first()).toBeVisible();

    const timeline = lead.getByRole('list', { name: 'Timeline' });
    await expect(timeline.getByRole('listitem').first()).toBeVisible();
    // Each entry is placed by its newest moment: a text conversation reads oldest-first inside,
    // but sits where its latest message belongs.
    const times = await timeline
      .locator(':scope > li')
      .evaluateAll((entries) =>
        entries.map((entry) =>
          Math.max(
            ...[...entry.querySelectorAll('time')].map((node) => Date.parse(node.getAttribute('datetime') ?? '')),
          ),
        ),
      );
    expect(times.length).toBeGreaterThan(1);
    expect(times.every(Number.isFinite)).toBe(true);
    const sorted = [...times].sort((a, b) => b - a);
    expect(times).toEqual(sorted);

    // Texts read as a conversation; a transcript opens into speaker turns.
    await expect(lead.getByRole('list', { name: 'Text conversation' }).first()).toBeVisible();
    await screenshot(page, 'lead');
    await lead.getByText('Call transcript').first().click();
    await expect(lead.getByRole('list', { name: 'Transcript' }).first()).toBeVisible();

    // Click-to-call: an E.164 link with the chosen scheme.
    const call = lead.getByRole('link', { name: /^Call phone/ });
    await expect(call).toHaveAttribute('href', /^tel:\+\d{8,15}$/);
  });

  test('a tag can be added and removed', async ({ page, served }) => {
    await openWorkspace(page, served);
    const lead = await openLead(page, 'John Doe', 'John Doe');
    const onLead = await lead
      .getByRole('list', { name: 'Tags on this lead' })
      .getByRole('listitem')
      .allTextContents()
      .catch(() => [] as string[]);
    const accountTags = await page.getByRole('combobox', { name: 'Tag' }).getByRole('option').allTextContents();
    const title = accountTags.slice(1).find((candidate) => !onLead.some((text) => text.startsWith(candidate)));
    expect(title).toBeDefined();

    await lead.getByRole('combobox', { name: 'Add tag' }).fill(title!);
    await lead.getByRole('button', { name: 'Add tag' }).click();
    const tags = lead.getByRole('list', { name: 'Tags on this lead' });
    await expect(tags.getByText(title!, { exact: true })).toBeVisible();
    await expect(lead.getByRole('alert')).toHaveCount(0);

    await lead.getByRole('button', { name: `Remove tag ${title}` }).click();
    await expect(lead.getByRole('button', { name: `Remove tag ${title}` })).toHaveCount(0);
    await expect(lead.getByRole('alert')).toHaveCount(0);
  });

  test('a note is added with its sync state', async ({ page, served }) => {
    await openWorkspace(page, served);
    const lead = await openLead(page, 'John Doe', 'John Doe');
    const text = `Asked for a callback on Thursday (${Date.now()})`;
    await lead.getByRole('textbox', { name: 'New note' }).fill(text);
    await lead.getByRole('button', { name: 'Add note' }).click();
    const note = lead.getByRole('list', { name: 'Notes' }).getByRole('listitem').filter({ hasText: text });
    await expect(note).toBeVisible();
    await expect(note).toContainText(/Pending|Saved in Callside/);
    // A note written here is local: queued ("Pending · Local") or settled in Callside.
    await expect(note).not.toContainText('Remote');
    await expect(lead.getByRole('textbox', { name: 'New note' })).toHaveValue('');
  });
});
