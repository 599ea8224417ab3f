/**
 * The process the crash test kills. It does what the app does on start: open the cache, push
 * the outbox, then pull (incremental, or full when asked). It prints "ready" once the cache
 * is open, so the parent's random delay falls inside the work, and "done" at the end.
 *
 * Settings come in CRASH_* environment variables (see crash.test.ts, which bundles and runs it).
 */
import { openCache } from '../../../src/core/cache';
import { connectHotProspector } from '../../../src/core/providers/hotprospector/connect';
import { createMemorySecretStore } from '../../../src/core/settings/memory-secret-store';
import { hotProspectorSession } from '../../../src/core/providers/hotprospector/provider';
import { WorkspaceSync } from '../../../src/core/sync';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const cache = await openCache(env('CRASH_CACHE'));
const client = connectHotProspector({
  account: {
    provider: 'hotprospector',
    api: 'v1',
    uid: env('CRASH_UID'),
    baseUrl: env('CRASH_URL'),
    timezone: 'America/Los_Angeles',
  },
  apiKey: env('CRASH_KEY'),
  secrets: createMemorySecretStore(),
  policy: { baseDelayMs: 1, maxDelayMs: 2 },
});
const now = new Date(env('CRASH_NOW'));
const workspace = new WorkspaceSync({ cache, session: async () => hotProspectorSession(client), now: () => now });
process.stdout.write('ready\n');

const pushed = await workspace.sender.flush({ ignoreBackoff: true });
if (env('CRASH_MODE') !== 'flush') await workspace.pull({ full: env('CRASH_MODE') === 'full' });
await workspace.dispose();
await cache.close();
process.stdout.write(`done ${JSON.stringify({ pending: pushed.pending, failed: pushed.failed })}\n`);
