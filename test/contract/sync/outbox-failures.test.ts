import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/cache/driver';
import { LeadActions } from '../../../src/core/services/lead-actions';
import type { WorkspaceSync } from '../../../src/core/sync';
import { discardOp } from '../../../src/core/sync';
import { DeliveryLease } from '../../../src/core/sync/outbox/delivery-lease';
import { MAX_PROVIDER_FAILURES } from '../../../src/core/sync/outbox/failure-policy';
import { markInFlight } from '../../../src/core/sync/outbox/in-flight';
import type { HotProspectorSandbox, SbLead, SbTag } from '../../../src/sandbox';
import { applied, clientFor, requests, startSandbox, syncedWorkspace, workspaceFor } from '../../helpers/sync';

/**
 * Issue 9, item 6: one bad op must not block the outbox for ever. A refusal the provider does
 * not call passing fails the op at once; an op the provider keeps failing gives up after a
 * cap; the network being down never makes an op give up; and the agent can discard any op.
 */
describe('an op that cannot go through', () => {
  let sb: HotProspectorSandbox;
  const servers: Server[] = [];
  beforeEach(async () => {
    sb = await startSandbox();
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
    await sb.close().catch(() => undefined);
  });

  function actionsFor(workspace: WorkspaceSync): LeadActions {
    return new LeadActions({ workspace: async () => workspace, kick: () => undefined });
  }

  function twoLeads(): Array<{ lead: SbLead; tag: SbTag }> {
    const leads = sb.state.data.leads.filter((l) => l.groupIds.length === 1).slice(0, 2);
    expect(leads).toHaveLength(2);
    return leads.map((lead) => ({ lead, tag: sb.state.data.tags.find((t) => !lead.tagIds.includes(t.id)) as SbTag }));
  }

  /** A server that answers every call with Hot Prospector's PHP router refusal (HTTP 200). */
  async function routerRefusing(): Promise<string> {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('Array\n(\n    [status] => error\n    [message] => Method is not allowed for this account\n)\n');
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/glu/custom_api`;
  }

  it('fails at once on a refusal the provider does not call passing', async () => {
    const { cache } = await syncedWorkspace(sb);
    const refusing = clientFor({ ...sb, v1Url: await routerRefusing() });
    const workspace = workspaceFor(cache, () => refusing);
    const [first] = twoLeads();
    const { opId } = await actionsFor(workspace).addTags(String(first!.lead.id), [String(first!.tag.id)]);

    const result = await workspace.sender.flush();
    expect(result).toMatchObject({ rejected: 1, pending: 0, failed: 1 });
    expect(await cache.outbox.get(opId)).toMatchObject({
      state: 'failed',
      lastError: expect.stringContaining('Method is not allowed'),
    });
  });

  it('gives up on an op the provider keeps failing, then delivers the changes behind it', async () => {
    const { cache, workspace } = await syncedWorkspace(sb);
    const [stuck, next] = twoLeads();
    const actions = actionsFor(workspace);
    const { opId } = await actions.addTags(String(stuck!.lead.id), [String(stuck!.tag.id)]);
    sb.setFaults({ rates: { http5xx: 1 }, only: ['AddLeadTags'] });

    for (let attempt = 1; attempt < MAX_PROVIDER_FAILURES; attempt += 1) {
      const result = await workspace.sender.flush({ ignoreBackoff: true });
      expect(result).toMatchObject({ pending: 1, failed: 0, stoppedBy: { code: 'remote' } });
    }
    const last = await workspace.sender.flush({ ignoreBackoff: true });
    expect(last).toMatchObject({ rejected: 1, pending: 0, failed: 1 });
    expect(await cache.outbox.get(opId)).toMatchObject({
      state: 'failed',
      lastError: expect.stringContaining(`Gave up after ${MAX_PROVIDER_FAILURES} failed attempts`),
    });
    expect(requests(sb, 'AddLeadTags')).toBe(MAX_PROVIDER_FAILURES);

    sb.setFaults({});
    await actions.addTags(String(next!.lead.id), [String(next!.tag.id)]);
    expect(await workspace.sender.flush()).toMatchObject({ delivered: 1, pending: 0, failed: 1 });
    expect(next!.lead.tagIds).toContain(next!.tag.id);
  });

  it('never gives up while the network is down: an op made offline waits however long', async () => {
    const { cache, workspace } = await syncedWorkspace(sb);
    const [first] = twoLeads();
    const { opId } = await actionsFor(workspace).addTags(String(first!.lead.id), [String(first!.tag.id)]);
    const port = Number(new URL(sb.v1Url).port);
    await sb.close();

    for (let attempt = 0; attempt < MAX_PROVIDER_FAILURES * 2; attempt += 1) {
      const result = await workspace.sender.flush({ ignoreBackoff: true });
      expect(result).toMatchObject({ pending: 1, failed: 0, stoppedBy: { code: 'network' } });
    }
    expect(await cache.outbox.get(opId)).toMatchObject({ state: 'pending', attempts: MAX_PROVIDER_FAILURES * 2 });

    sb = await startSandbox({ port, dataset: sb.state.data });
    expect(await workspace.sender.flush({ ignoreBackoff: true })).toMatchObject({ delivered: 1, pending: 0 });
    expect(applied(sb, 'AddLeadTags')).toBe(1);
  });

  it('lets the agent discard a change still waiting, and the rest then go', async () => {
    const { cache, workspace } = await syncedWorkspace(sb);
    const [dropped, kept] = twoLeads();
    const actions = actionsFor(workspace);
    sb.setFaults({ rates: { http5xx: 1 }, only: ['AddLeadTags'] });
    const { opId } = await actions.addTags(String(dropped!.lead.id), [String(dropped!.tag.id)]);
    await actions.addTags(String(kept!.lead.id), [String(kept!.tag.id)]);
    expect(await workspace.sender.flush()).toMatchObject({ pending: 2, stoppedBy: { code: 'remote' } });

    expect(await discardOp(cache, opId)).toBe(true);
    expect(await discardOp(cache, opId)).toBe(false);
    sb.setFaults({});
    expect(await workspace.sender.flush({ ignoreBackoff: true })).toMatchObject({ delivered: 1, pending: 0 });
    expect(dropped!.lead.tagIds).not.toContain(dropped!.tag.id);
    expect(kept!.lead.tagIds).toContain(kept!.tag.id);
    // The discarded change no longer protects the lead: the provider's tags come back.
    await workspace.pull();
    expect((await cache.leads.get(String(dropped!.lead.id)))?.tags.map((t) => t.id)).not.toContain(
      String(dropped!.tag.id),
    );
  });

  it('refuses to discard a change whose request is on the wire right now', async () => {
    const { cache, workspace } = await syncedWorkspace(sb);
    const [first] = twoLeads();
    const { opId } = await actionsFor(workspace).addTags(String(first!.lead.id), [String(first!.tag.id)]);
    const sending = new DeliveryLease(cache, { label: 'the desktop app' });
    expect(await sending.acquire()).toEqual({ ok: true });
    await markInFlight(cache, opId);

    await expect(discardOp(cache, opId)).rejects.toMatchObject({ code: 'busy' });
    expect(await cache.outbox.counts()).toEqual({ pending: 1, failed: 0 });
    // Once nobody holds the outbox, the mark is a dead process's: the op can go.
    await sending.release();
    expect(await discardOp(cache, opId)).toBe(true);
    expect(await cache.syncCursors.get('outbox:in-flight')).toMatchObject({ value: { opId: null } });
  });

  it("confirms an op and settles it locally in one commit: a failed confirm leaves the note's state alone", async () => {
    const { cache, workspace } = await syncedWorkspace(sb);
    const [first] = twoLeads();
    const leadId = String(first!.lead.id);
    const { note } = await actionsFor(workspace).addNote(leadId, 'Call back after lunch');
    // Another connection makes removing a confirmed op fail, as a full disk or an I/O error would.
    const other = await openDatabase(cache.path);
    await other.exec(
      "CREATE TRIGGER outbox_keep BEFORE DELETE ON outbox BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
    );
    try {
      await expect(workspace.sender.flush()).rejects.toMatchObject({ code: 'storage' });
      // Still queued, so still "waiting" to the agent: not "saved" while its op is still in line.
      expect(await cache.outbox.counts()).toEqual({ pending: 1, failed: 0 });
      expect((await cache.notes.listForLead(leadId)).find((n) => n.id === note.id)).toMatchObject({
        syncState: 'pending',
      });
    } finally {
      await other.exec('DROP TRIGGER outbox_keep;');
      await other.close();
    }
    expect(await workspace.sender.flush()).toMatchObject({ keptLocal: 1, pending: 0 });
    expect((await cache.notes.listForLead(leadId)).find((n) => n.id === note.id)).toMatchObject({
      syncState: 'synced',
    });
  });
});
