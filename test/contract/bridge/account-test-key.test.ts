import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { createNodeCore } from '../../../src/core/node-core';
import { createNodeSettingsStore } from '../../../src/core/settings/node-settings';
import { startHotProspectorSandbox, type HotProspectorSandbox } from '../../../src/sandbox';
import { tempDir } from '../../helpers/core';

/**
 * "Test connection" with a blank key re-uses the stored key only for exactly the saved account.
 * A second, real HTTP server on another port stands in for a host the key must never reach: it
 * records every request byte it is sent.
 */

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

async function startRecorder(): Promise<{ url: string; requests: Recorded[]; close(): Promise<void> }> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('account.test with a blank key', () => {
  let sandbox: HotProspectorSandbox;
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  let core: Core | null = null;

  beforeAll(async () => {
    sandbox = await startHotProspectorSandbox({ seed: 3, leads: 10, faults: { latencyMs: 0 } });
    recorder = await startRecorder();
  });
  afterAll(async () => {
    await recorder.close();
    await sandbox.close();
  });
  afterEach(async () => {
    await core?.dispose();
    core = null;
    recorder.requests.length = 0;
  });

  const anywhere = (requests: Recorded[]) => JSON.stringify(requests);
  /** Every request the sandbox has answered so far, whatever the method. */
  const sandboxRequests = () => Object.values(sandbox.counters().requests).reduce((sum, n) => sum + n, 0);

  /** A core with a saved, verified account on the sandbox. */
  async function savedAccount(api: 'v1' | 'v2'): Promise<{ core: Core; dataDir: string; baseUrl: string }> {
    const dataDir = tempDir();
    const baseUrl = api === 'v1' ? sandbox.v1Url : sandbox.v2BaseUrl;
    core = createNodeCore({ hostKind: 'browser', dataDir, demo: null });
    await core.accounts.add(
      { provider: 'hotprospector', api, uid: sandbox.credentials.uid, baseUrl },
      sandbox.credentials.apiKey,
    );
    return { core, dataDir, baseUrl };
  }

  it('the recorder does see a key that is typed (so an empty log below means nothing was sent)', async () => {
    const { core } = await savedAccount('v2');
    const result = await core.dispatch('account.test', {
      api: 'v2',
      uid: sandbox.credentials.uid,
      baseUrl: `${recorder.url}/glu/api/v2`,
      apiKey: 'typed-throwaway-key',
    });
    expect(result).toMatchObject({ ok: true, value: { ok: false } });
    expect(recorder.requests.length).toBeGreaterThan(0);
    expect(anywhere(recorder.requests)).toContain('typed-throwaway-key');
  });

  it.each(['v1', 'v2'] as const)(
    'a %s account: a foreign base URL with a blank key sends nothing and asks for the key',
    async (api) => {
      const { core } = await savedAccount(api);
      const foreign = api === 'v1' ? `${recorder.url}/glu/custom_api` : `${recorder.url}/glu/api/v2`;
      const before = sandboxRequests();
      const result = await core.dispatch('account.test', { api, uid: sandbox.credentials.uid, baseUrl: foreign });
      expect(result).toEqual({
        ok: true,
        value: { ok: false, code: 'invalid_request', message: 'Enter the API key to test.' },
      });
      expect(recorder.requests).toEqual([]);
      expect(sandboxRequests()).toBe(before);
    },
  );

  it('a different API version at the same address with a blank key sends nothing', async () => {
    const { core } = await savedAccount('v1');
    const before = sandboxRequests();
    // The saved account is V1 on the sandbox; V2 is another account (another endpoint, token exchange).
    const result = await core.dispatch('account.test', {
      api: 'v2',
      uid: sandbox.credentials.uid,
      baseUrl: sandbox.v2BaseUrl,
    });
    expect(result).toMatchObject({ ok: true, value: { ok: false, message: 'Enter the API key to test.' } });
    expect(sandboxRequests()).toBe(before);

    // …and the same for a different API version pointed at the foreign host.
    const foreign = await core.dispatch('account.test', {
      api: 'v2',
      uid: sandbox.credentials.uid,
      baseUrl: `${recorder.url}/glu/custom_api`,
    });
    expect(foreign).toMatchObject({ ok: true, value: { ok: false, message: 'Enter the API key to test.' } });
    expect(recorder.requests).toEqual([]);
  });

  it('a stored key saved for another provider is not used for Hot Prospector, even at the same address', async () => {
    const { core, dataDir } = await savedAccount('v2');
    const foreign = `${recorder.url}/glu/api/v2`;
    // The settings file (hand-edited, or written by a later version) names another provider at the foreign host.
    const settings = createNodeSettingsStore(dataDir);
    const saved = settings.read().account;
    expect(saved).not.toBeNull();
    settings.update({ account: { ...saved!, provider: 'callhub', baseUrl: foreign } });

    const result = await core.dispatch('account.test', { api: 'v2', uid: sandbox.credentials.uid, baseUrl: foreign });
    expect(result).toMatchObject({ ok: true, value: { ok: false, message: 'Enter the API key to test.' } });
    expect(recorder.requests).toEqual([]);
  });

  it('another uid at the saved address with a blank key sends nothing', async () => {
    const { core, baseUrl } = await savedAccount('v2');
    const before = sandboxRequests();
    const result = await core.dispatch('account.test', { api: 'v2', uid: 'someone-else', baseUrl });
    expect(result).toMatchObject({ ok: true, value: { ok: false, message: 'Enter the API key to test.' } });
    expect(sandboxRequests()).toBe(before);
  });

  it.each(['v1', 'v2'] as const)('the exact saved %s account still re-tests with a blank key', async (api) => {
    const { core, baseUrl } = await savedAccount(api);
    const before = sandboxRequests();
    const exact = await core.dispatch('account.test', { api, uid: sandbox.credentials.uid, baseUrl });
    expect(exact).toMatchObject({ ok: true, value: { ok: true, code: null } });
    expect(sandboxRequests()).toBeGreaterThan(before);
    // The same address spelled differently (scheme case, explicit default port) is the same account.
    const spelled = baseUrl.replace('http://', 'HTTP://');
    const again = await core.dispatch('account.test', { api, uid: ` ${sandbox.credentials.uid} `, baseUrl: spelled });
    expect(again).toMatchObject({ ok: true, value: { ok: true, code: null } });
    expect(recorder.requests).toEqual([]);
  });
});
