import { describe, expect, it } from 'vitest';
import { createDispatcher, type BridgeHandlers } from '../../../src/core/bridge/dispatch';
import { createTypedBridge } from '../../../src/shared/contract/client';
import { CHANNEL_NAMES, EVENT_NAMES, channels } from '../../../src/shared/contract/channels';
import { CallsideError } from '../../../src/shared/errors';
import { createTestCore } from '../../helpers/core';

describe('core dispatcher', () => {
  it('answers the read-only channels with outputs their schemas accept', async () => {
    const core = createTestCore('cli', true);
    try {
      for (const name of ['app.info', 'account.status', 'settings.get'] as const) {
        const result = await core.dispatch(name, {});
        expect(result.ok, name).toBe(true);
        if (result.ok) expect(channels[name].output.safeParse(result.value).success, name).toBe(true);
      }
    } finally {
      await core.dispose();
    }
  });

  it('refuses an empty input on every channel whose schema requires fields', async () => {
    const core = createTestCore('cli', true);
    const needInput = CHANNEL_NAMES.filter((name) => !channels[name].input.safeParse({}).success);
    expect(needInput).toEqual(expect.arrayContaining(['account.connect', 'lead.open', 'lead.tags', 'lead.note']));
    for (const name of needInput) {
      const result = await core.dispatch(name, {});
      expect(result, name).toMatchObject({ ok: false, error: { code: 'bridge_payload' } });
    }
  });

  it('reports app info for the host that built the core', async () => {
    const core = createTestCore('browser');
    const result = await core.dispatch('app.info', {});
    expect(result).toMatchObject({ ok: true, value: { name: 'Callside', hostKind: 'browser' } });
  });

  it('reports the demo workspace when no account is set up and demo is on', async () => {
    expect(await createTestCore('browser', true).dispatch('account.status', {})).toEqual({
      ok: true,
      value: { mode: 'demo', account: null },
    });
    expect(await createTestCore('browser', false).dispatch('account.status', {})).toEqual({
      ok: true,
      value: { mode: 'none', account: null },
    });
  });

  it.each([
    ['an extra key', { extra: 1 }],
    ['a string', 'app.info'],
    ['null', null],
    ['an array', [1, 2]],
  ])('rejects %s as input with a bridge_payload error', async (_label, input) => {
    const result = await createTestCore().dispatch('app.info', input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bridge_payload');
  });

  it('strips a field the contract does not declare from what a handler returns, and refuses a wrong shape', async () => {
    const apiKey = 'sk-live-do-not-leak-1234567890';
    const account = {
      provider: 'hotprospector',
      api: 'v2',
      uid: '4242',
      baseUrl: 'https://api.example',
      timezone: 'UTC',
    } as const;
    // A buggy handler: the stored key rides along, at the top and inside the account.
    const handlers = {
      'account.status': async () => ({ mode: 'account', account: { ...account, apiKey }, apiKey }),
      'settings.get': async () => ({ nonsense: true }),
    } as unknown as BridgeHandlers;
    const dispatch = createDispatcher(handlers);

    const result = await dispatch('account.status', {});
    expect(result).toEqual({ ok: true, value: { mode: 'account', account } });
    expect(JSON.stringify(result)).not.toContain(apiKey);

    // An answer outside the contract never reaches the caller: a typed internal error does.
    expect(await dispatch('settings.get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('rejects unknown channels and non-string channel names', async () => {
    const core = createTestCore();
    for (const channel of ['secrets.dump', '__proto__', 'constructor', 42, null]) {
      const result = await core.dispatch(channel, {});
      expect(result.ok, String(channel)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('bridge_payload');
    }
  });
});

describe('typed bridge client', () => {
  it('unwraps results and turns error envelopes into CallsideErrors with their code', async () => {
    const core = createTestCore();
    const bridge = createTypedBridge({ invoke: (c, i) => core.dispatch(c, i), on: () => () => {} });
    await expect(bridge.invoke('account.status', {})).resolves.toEqual({ mode: 'demo', account: null });
    const failure = bridge.invoke('app.info', { nope: true } as never);
    await expect(failure).rejects.toBeInstanceOf(CallsideError);
    await expect(failure).rejects.toMatchObject({ code: 'bridge_payload' });
  });

  it('refuses an answer that does not match the contract', async () => {
    const bridge = createTypedBridge({
      invoke: async () => ({ ok: true, value: { name: 'Impostor' } }),
      on: () => () => {},
    });
    await expect(bridge.invoke('app.info', {})).rejects.toMatchObject({ code: 'bridge_payload' });
  });

  it('drops event payloads that do not match their schema', () => {
    let emit: (payload: unknown) => void = () => {};
    const bridge = createTypedBridge({
      invoke: async () => ({ ok: true, value: null }),
      on: (_event, listener) => {
        emit = listener;
        return () => {};
      },
    });
    const seen: unknown[] = [];
    bridge.on('account.changed', (payload) => seen.push(payload));
    emit({ mode: 'hacked' });
    emit({ mode: 'demo', account: null });
    expect(seen).toEqual([{ mode: 'demo', account: null }]);
    expect(EVENT_NAMES).toContain('account.changed');
  });
});
