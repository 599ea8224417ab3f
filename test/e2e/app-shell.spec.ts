import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';

test('the page loads and shows app info obtained through the bridge', async ({ page, served }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(served.url);
  // App information lives under Settings; the workspace itself opens first.
  await page.getByRole('button', { name: 'Settings' }).click();
  const info = page.getByRole('definition').filter({ hasText: 'Browser host' });
  await expect(info).toBeVisible();
  await expect(page.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(page.getByRole('status', { name: 'Workspace: Demo workspace' })).toBeVisible();
  await expect(page.getByText(served.dataDir)).toBeVisible();
  // The token leaves the address bar once the page has it.
  expect(page.url()).not.toContain('token=');
  await page.screenshot({ path: 'test-results/screenshots/app-shell.png', fullPage: true });
  expect(dialogs).toEqual([]);
});

test('a reload keeps working without the token in the URL', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('host-kind')).toHaveText('Browser host');
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('host-kind')).toHaveText('Browser host');
});

test('renderer routes such as /tray are served by the app', async ({ page, served }) => {
  await page.goto(`${served.origin}/tray?token=${served.token}`);
  await expect(page.getByRole('heading', { name: 'Callside', exact: true })).toBeVisible();
});

test('the bridge refuses a request without the token', async ({ request, served }) => {
  const answer = await request.post(`${served.origin}/bridge/app.info`, { data: {} });
  expect(answer.status()).toBe(401);
  const wrong = await request.post(`${served.origin}/bridge/app.info`, {
    data: {},
    headers: { Authorization: 'Bearer not-the-token' },
  });
  expect(wrong.status()).toBe(401);
});

test('the bridge refuses a foreign Origin even with the token', async ({ request, served }) => {
  const answer = await request.post(`${served.origin}/bridge/app.info?token=${served.token}`, {
    data: {},
    headers: { Origin: 'http://127.0.0.1:1' },
  });
  expect(answer.status()).toBe(403);
});

test('a page from another origin cannot open the bridge socket, even knowing the token', async ({ page, served }) => {
  // A real foreign page in the same browser, as a malicious site would be.
  const foreign = createServer((_req, res) => res.end('<!doctype html><title>elsewhere</title>'));
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
    const outcome = await page.evaluate(
      (target) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(target);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      `ws://127.0.0.1:${new URL(served.origin).port}/bridge?token=${served.token}`,
    );
    expect(outcome).toBe('refused');
  } finally {
    foreign.close();
  }
});
