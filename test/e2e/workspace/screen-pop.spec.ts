import { expect, test } from '../fixtures';
import { openWorkspace } from './helpers';

test('a softphone pop over POST /pop opens the caller in the workspace', async ({ page, served, request }) => {
  await openWorkspace(page, served);
  // A cached lead with a dialable phone, found through the bridge the same way the page does.
  const listed = await request.post(`${served.origin}/bridge/leads.list`, {
    headers: { Authorization: `Bearer ${served.token}` },
    data: { search: 'José García', limit: 5 },
  });
  const { value } = (await listed.json()) as { value: { leads: Array<{ phone: string; firstName: string }> } };
  const caller = value.leads.find((lead) => /^\+1\d{10}$/.test(lead.phone));
  expect(caller).toBeDefined();
  const digits = caller!.phone.slice(2);

  // The softphone spells the number its own way.
  const answer = await request.post(
    `${served.origin}/pop?phone=${encodeURIComponent(`(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`)}`,
    { headers: { Authorization: `Bearer ${served.token}` } },
  );
  expect(answer.status()).toBe(200);
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toContainText('José García');
});
