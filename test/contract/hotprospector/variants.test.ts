import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotProspectorClient } from '../../../src/core/providers/hotprospector/client';
import { HP_METHODS } from '../../../src/core/providers/hotprospector/methods';
import type { HotProspectorSandbox, SbLead } from '../../../src/sandbox';
import { findMethod } from '../../../src/sandbox/hotprospector/catalog';
import type { Activity, CustomField, Dashboard, Tag } from '../../../src/shared/domain';
import { APIS, clientFor, newCallLog, startSandbox, TODAY, type Api, type CallLog } from './helpers';

/**
 * Issue 3, variants: with the sandbox in 'rotate' mode the n-th call of a Method answers in its
 * n-th documented spelling, so calling a Method k times (k = its number of spellings) makes the
 * client parse every one. Where the spellings carry the same data, the normalized result must
 * be the same each time; where the docs really disagree on the data (which field names a custom
 * field, how a transcript is worded), the part they agree on must be.
 */

interface Case {
  method: string;
  call: (hp: HotProspectorClient, n: number) => Promise<unknown>;
  /** The part of the result every spelling agrees on (default: all of it). */
  same?: (result: never) => unknown;
}

function variantCount(method: string): number {
  const spec = findMethod(method);
  if (!spec) throw new Error(`the sandbox has no Method ${method}`);
  return Math.max(1, spec.variants.length);
}

/**
 * Transcript text is worded differently per doc ("agent: …" lines vs plain sentences), speakers
 * are labelled differently (V1 channel numbers "1"/"2", V2 roles "agent"/"lead"; the V1 doc does
 * not say which number is whom, so the client keeps the label as sent), and only the V1 doc sends
 * inbound/outbound counts. The rows, the spoken turns and the paging agree.
 */
function withoutTranscriptWording(page: { items: Activity[] }): unknown {
  return {
    ...page,
    inboundCount: undefined,
    outboundCount: undefined,
    items: page.items.map((item) => ({ ...item, text: null, turns: item.turns?.map((t) => t.text) })),
  };
}

describe.each(APIS)('every documented spelling over %s', (api: Api) => {
  let sb: HotProspectorSandbox;
  let hp: HotProspectorClient;
  const log: CallLog = newCallLog();
  let caller: SbLead;
  let groupId: string;

  beforeAll(async () => {
    sb = await startSandbox({ variants: { mode: 'rotate' } });
    hp = clientFor(sb, api, { log });
    caller = sb.state.lead(sb.fixtures.recentCallerLeadId as number) as SbLead;
    groupId = String(caller.groupIds[0]);
  });
  afterAll(() => sb.close());

  const reads = (): Case[] => {
    const leadId = String(caller.id);
    return [
      { method: 'LoginUser', call: (c) => c.login() },
      {
        method: 'FetchAllTags',
        call: (c) => c.listTags(),
        // Only the Quickstart spelling carries TagStatus.
        same: (tags: Tag[]) => tags.map(({ id, title }) => ({ id, title })),
      },
      { method: 'FetchAllGroups', call: (c) => c.listGroups() },
      { method: 'CheckCustomField', call: (c) => c.checkCustomField({ name: 'Age' }) },
      {
        method: 'SearchByUserInput',
        call: (c) => c.searchLeads({ groupId, searchField: 'leadId', searchText: leadId }),
      },
      {
        method: 'SearchByCustomField',
        call: (c) => c.searchLeadsByCustomField({ groupId, field: 'lead_source', searchText: 'Facebook' }),
      },
      {
        method: 'FetchLeadFieldsName',
        call: (c) => c.listLeadFields(),
        // V1 lists custom fields by key and a longer default set; V2 by label. Both name the
        // same custom fields and agree on the core defaults.
        same: (fields: CustomField[]) => ({
          custom: fields.filter((f) => !f.builtIn).map((f) => sb.state.field(f.name)?.key ?? `?${f.name}`),
          defaults: fields.filter((f) => f.builtIn && ['first_name', 'email', 'phone'].includes(f.name)),
        }),
      },
      { method: 'FetchLeadNotes', call: (c) => c.listLeadNotes({ leadId }) },
      { method: 'FetchLeadCallLogs', call: (c) => c.listLeadCalls({ leadId }) },
      { method: 'FetchLeadSMSLogs', call: (c) => c.listLeadSms({ leadId }) },
      { method: 'FetchLeadRVMLogs', call: (c) => c.listLeadVoicemailDrops({ leadId }) },
      { method: 'FetchUserSMSLogs', call: (c) => c.listAccountSms({ limit: 20 }) },
      { method: 'FetchUserCallLog', call: (c) => c.listAccountCalls({ fromDate: '2026-06-20', limit: 20 }) },
      { method: 'getMemberUsers', call: (c) => c.listMembers() },
      { method: 'checkMemberLimit', call: (c) => c.getMemberLimit() },
      { method: 'fetchCreditCount', call: (c) => c.getCredits() },
      { method: 'FetchAllCampaigns', call: (c) => c.listCampaigns() },
      {
        method: 'FetchCallTranscripts',
        call: (c) => c.listCallTranscripts({ limit: 5 }),
        same: withoutTranscriptWording,
      },
      { method: 'getMemberDashboardData', call: (c) => c.getDashboard({ date: TODAY }) },
      {
        method: 'getDashboardMemberDatabyCampaign',
        call: (c) => c.getCampaignDashboard({ campaignId: String(sb.state.data.campaigns[0]?.id), date: TODAY }),
        // Only the V2 spelling carries last_updated.
        same: (board: Dashboard) => ({ ...board, lastUpdated: undefined }),
      },
      { method: 'GetNumberHealthList', call: (c) => c.listNumberHealth({ perPage: 10 }) },
    ];
  };

  it('covers every read Method of the catalog', () => {
    const catalogReads = HP_METHODS.filter((m) => !m.write).map((m) => m.method);
    expect(
      reads()
        .map((c) => c.method)
        .sort(),
    ).toEqual([...catalogReads].sort());
  });

  it('parses every spelling of every read Method into the same result', async () => {
    expect(reads().length).toBeGreaterThan(0);
    for (const read of reads()) {
      const k = variantCount(read.method);
      const firstAnswer = log.answers.length;
      const results: unknown[] = [];
      for (let n = 0; n < k; n++) results.push(await read.call(hp, n));
      const answers = log.answers.slice(firstAnswer).filter((a) => a.method === read.method);
      expect(answers, read.method).toHaveLength(k);

      const project = (read.same ?? ((r: unknown) => r)) as (r: unknown) => unknown;
      for (let n = 1; n < k; n++) {
        expect(project(results[n]), `${read.method}, spelling ${n + 1} of ${k}`).toEqual(project(results[0]));
      }
      // Proof that the spellings were really different on the wire (LoginUser's two
      // variants differ only in how a refusal is worded).
      if (read.method !== 'LoginUser') {
        expect(new Set(answers.map((a) => JSON.stringify(a.body))).size, read.method).toBe(k);
      }
    }
  });

  it('parses every spelling of the write Methods', async () => {
    const tag = sb.state.data.tags[0] as { id: number };
    const group = sb.state.data.groups[3] as { id: number };
    const spare = sb.state.data.leads.filter((l) => l.id > caller.id + 40 && l.email !== '').slice(0, 6);
    const [a, b] = spare as [SbLead, SbLead];
    const writes: Case[] = [
      {
        method: 'UpdateTag',
        call: (c) => c.renameTag({ tagId: String(tag.id), title: 'Rotated tag' }),
      },
      {
        method: 'UpdateGroup',
        call: (c) => c.renameGroup({ groupId: String(group.id), title: 'Rotated group' }),
      },
      {
        method: 'AddcustomField',
        call: (c, n) => c.addCustomField({ name: `Rotated ${api} ${n}`, type: 'textbox' }),
        same: (r: { fieldName: string; customFieldId: string | null }) => ({
          key: r.fieldName.replace(/_\d+$/, ''),
          customFieldId: r.customFieldId,
        }),
      },
      {
        method: 'UpdateCustomField',
        call: (c, n) => c.updateCustomField({ previousName: `Rotated ${api} ${n}`, newName: `Rotated ${api} ${n}b` }),
        same: (r: { fieldName: string }) => r.fieldName.replace(/_\d+_?b?$/, ''),
      },
      {
        method: 'Un_SubscribeLead',
        call: (c) => c.unsubscribeLead({ by: 'leadId', value: String(a.id) }),
      },
      {
        method: 'UpdateExistingLead',
        call: (c) => c.updateLead({ leadId: String(a.id), field: 'zip', value: '80202' }),
      },
      {
        method: 'MoveLead',
        call: (c) => c.moveLead({ leadId: String(a.id), groupId: String(group.id) }),
      },
      {
        method: 'CopyLead',
        call: (c) => c.copyLead({ leadId: String(b.id), groupId: String(group.id) }),
      },
      {
        method: 'AddSingleLead',
        call: (c, n) => c.addLead({ groupId: String(group.id), lead: { email: `rotated.${api}.${n}@example.test` } }),
        same: (r: { leadId: string; groupId: string }) => ({ leadId: /^\d+$/.test(r.leadId), groupId: r.groupId }),
      },
      {
        method: 'RemoveSingleLead',
        call: (c, n) => c.removeLeadFromGroup({ groupId: String(group.id), email: `rotated.${api}.${n}@example.test` }),
        same: (r: { leadId: string; groupId: string }) => ({ leadId: /^\d+$/.test(r.leadId), groupId: r.groupId }),
      },
      {
        method: 'AddMultipleLeads',
        call: (c, n) => c.addLeads({ groupId: String(group.id), leads: [{ email: `bulk.${api}.${n}@example.test` }] }),
        // The confirmation sentence differs per doc.
        same: (r: { queued: boolean; message: string }) => ({ queued: r.queued, worded: r.message.length > 0 }),
      },
    ];
    const catalogMultiSpellingWrites = HP_METHODS.filter((m) => m.write && variantCount(m.method) > 1).map(
      (m) => m.method,
    );
    expect(writes.map((w) => w.method).sort()).toEqual([...catalogMultiSpellingWrites].sort());

    for (const write of writes) {
      const k = variantCount(write.method);
      const before = sb.counters().applied[write.method] ?? 0;
      const results: unknown[] = [];
      for (let n = 0; n < k; n++) results.push(await write.call(hp, n));
      expect((sb.counters().applied[write.method] ?? 0) - before, write.method).toBe(k);
      const project = (write.same ?? ((r: unknown) => r)) as (r: unknown) => unknown;
      for (let n = 1; n < k; n++) {
        expect(project(results[n]), `${write.method}, spelling ${n + 1} of ${k}`).toEqual(project(results[0]));
      }
    }
  });
});
