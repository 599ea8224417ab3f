import { beforeEach, describe, expect, it } from 'vitest';
import { ipcMain, FakeWebContents } from '../../fakes/electron';
import { CHANNEL_NAMES } from '../../../src/shared/contract/channels';
import { IPC_EVENT, ipcChannel } from '../../../src/shared/contract/envelope';
import { forwardCoreEvents, registerBridgeIpc } from '../../../src/main/ipc';
import { createSenderCheck } from '../../../src/main/security';
import { createTestCore } from '../../helpers/core';

const RENDERER = { url: 'file:///opt/callside/out/renderer/index.html' };
const trusted = { url: 'file:///opt/callside/out/renderer/index.html#/tray', parent: null };

describe('main IPC wiring', () => {
  let unregister: () => void = () => {};
  beforeEach(() => {
    unregister();
    unregister = registerBridgeIpc(ipcMain as never, createTestCore('electron'), createSenderCheck(RENDERER));
  });

  it('registers exactly one handler per contract channel', () => {
    const registered = [...ipcMain.handlers.keys()].sort();
    expect(registered).toEqual(CHANNEL_NAMES.map(ipcChannel).sort());
  });

  it('answers a trusted renderer frame', async () => {
    const result = await ipcMain.invokeFrom(trusted, ipcChannel('app.info'), {});
    expect(result).toMatchObject({ ok: true, value: { hostKind: 'electron' } });
  });

  it('rejects an invalid payload with a typed error instead of passing it on', async () => {
    const result = await ipcMain.invokeFrom(trusted, ipcChannel('account.status'), { sql: 'drop table' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bridge_payload' } });
  });

  it.each([
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['another file', { url: 'file:///tmp/evil.html', parent: null }],
    ['a subframe of our page', { url: RENDERER.url, parent: trusted }],
    ['a destroyed frame', null],
  ])('refuses %s as sender', async (_label, frame) => {
    const result = await ipcMain.invokeFrom(frame, ipcChannel('app.info'), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('unregisters every handler it registered', () => {
    unregister();
    unregister = () => {};
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('forwards core events to live windows only', () => {
    const core = createTestCore('electron');
    const live = new FakeWebContents();
    const closed = new FakeWebContents();
    closed.destroyed = true;
    forwardCoreEvents(core, () => [live, closed] as never);
    core.events.emit('account.changed', { mode: 'demo', account: null });
    expect(live.sent).toEqual([
      { channel: IPC_EVENT, args: [{ event: 'account.changed', payload: { mode: 'demo', account: null } }] },
    ]);
    expect(closed.sent).toEqual([]);
  });
});
