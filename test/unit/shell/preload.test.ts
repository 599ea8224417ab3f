import { beforeAll, describe, expect, it } from 'vitest';
import { contextBridge, ipcMain, ipcRenderer, rendererFrame } from '../../fakes/electron';
import type { RawBridge } from '../../../src/shared/contract/bridge';
import { IPC_EVENT } from '../../../src/shared/contract/envelope';
import { registerBridgeIpc } from '../../../src/main/ipc';
import { createSenderCheck } from '../../../src/main/security';
import { createTestCore } from '../../helpers/core';

describe('preload', () => {
  let bridge: RawBridge;
  beforeAll(async () => {
    registerBridgeIpc(ipcMain as never, createTestCore('electron'), createSenderCheck({ url: rendererFrame.url }));
    await import('../../../src/preload/index');
    bridge = contextBridge.exposed.get('callside') as RawBridge;
  });

  it('exposes window.callside and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['callside']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('round-trips a contract call through main', async () => {
    await expect(bridge.invoke('account.status', {})).resolves.toEqual({
      ok: true,
      value: { mode: 'demo', account: null },
    });
  });

  it('refuses channels outside the contract without touching IPC', async () => {
    await expect(bridge.invoke('callside:app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'bridge_payload' },
    });
    await expect(bridge.invoke({ toString: () => 'app.info' } as never, {})).resolves.toMatchObject({ ok: false });
  });

  it('delivers only the subscribed event and stops after unsubscribe', () => {
    const seen: unknown[] = [];
    const off = bridge.on('account.changed', (payload) => seen.push(payload));
    ipcRenderer.emit(IPC_EVENT, {}, { event: 'sync.progress', payload: 1 });
    ipcRenderer.emit(IPC_EVENT, {}, { event: 'account.changed', payload: 2 });
    off();
    ipcRenderer.emit(IPC_EVENT, {}, { event: 'account.changed', payload: 3 });
    expect(seen).toEqual([2]);
    expect(() => bridge.on('not.an.event', () => {})).toThrow(TypeError);
  });
});
