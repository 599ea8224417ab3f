import { defineConfig } from '@playwright/test';

/**
 * The desktop suite: drives the real Electron app with Playwright's `_electron`. It needs the
 * Electron binary, which cannot be downloaded on our build machines; run it on a desktop with
 * `npm install && npx install-electron && npm run build && npm run test:electron`
 * (under Linux CI without a display: `xvfb-run npm run test:electron`).
 */
export default defineConfig({
  testDir: 'test/electron',
  outputDir: 'test-results/electron',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
});
