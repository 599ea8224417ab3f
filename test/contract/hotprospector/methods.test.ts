import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotProspectorClient } from '../../../src/core/providers/hotprospector/client';
import { HP_METHODS } from '../../../src/core/providers/hotprospector/methods';
import type { HotProspectorSandbox, SbLead } from '../../../src/sandbox';
import {
  activitySchema,
  campaignSchema,
  customFieldSchema,
  dashboardSchema,
  groupSchema,
  leadSchema,
  memberSchema,
  noteSchema,
  numberHealthSchema,
  tagSchema,
  type Activity,
  type Lead,
} from '../../../src/shared/domain';
import {
  APIS,
  appliedOnce,
  clientFor,
  expectCount,
  expectIsoUtc,
  expectPhone,
  newCallLog,
  startSandbox,
  TODAY,
  type Api,
  type CallLog,
} from './helpers';

/**
 * Issue 3: every Hot Prospector Method through HotProspectorClient, over a real V1 and a real
 * V2 transport, against the sandbox over HTTP. Reads are checked against the sandbox's own
 * records; writes are checked by the sandbox's applied counter and by a follow-up read.
 * The sandbox answers in rotating spellings (its default), so these results also have to hold
 * whichever documented variant a call happens to get.
 */

const ZONE = 'America/Los_Angeles';

function checkLead(lead: Lead, sb: HotProspectorSandbox): void {
  leadSchema.parse(lead);
  const unparseable = lead.id === String(sb.fixtures.unparseablePhoneLeadId);
  expectPhone(lead.phone, { allowUnparseable: unparseable });
  expectPhone(lead.mobile, { allowUnparseable: unparseable });
  for (const id of lead.groupIds) expect(id).toMatch(/^\d+$/);
  for (const tag of lead.tags) expect(tag.id).toMatch(/^\d+$/);
}

function checkActivity(activity: Activity, kind: Activity['kind'], leadId?: string): void {
  activitySchema.parse(activity);
  expect(activity.kind).toBe(kind);
  if (leadId !== undefined) expect(activity.leadId).toBe(leadId);
  expectIsoUtc(activity.at);
  expectPhone(activity.from);
  expectPhone(activity.to);
  if (activity.durationSec !== null) expectCount(activity.durationSec);
}

function newestFirst(activities: Activity[]): void {
  const times = activities.map((a) => a.at);
  expect(times).toEqual([...times].sort().reverse());
}

/** Log rows print times to the minute ("Jun 23, 2026 10:30 am"). */
function minute(ms: number | undefined): number {
  return Math.floor((ms ?? NaN) / 60_000) * 60_000;
}

function localDayStart(ymd: string): number {
  return DateTime.fromISO(ymd, { zone: ZONE }).startOf('day').toMillis();
}

describe.each(APIS)('every Hot Prospector Method over %s', (api: Api) => {
  let sb: HotProspectorSandbox;
  let hp: HotProspectorClient;
  const log: CallLog = newCallLog();

  /** One lead with notes, calls, SMS and voicemail drops (a fixture lead). */
  let caller: SbLead;
  /** Leads the write tests change; the read tests never look at them. */
  let target: SbLead;
  let other: SbLead;

  beforeAll(async () => {
    sb = await startSandbox();
    hp = clientFor(sb, api, { log });
    caller = sb.state.lead(sb.fixtures.recentCallerLeadId as number) as SbLead;
    const plain = sb.state.data.leads.filter(
      (l) => l.id > caller.id + 20 && l.groupIds.length === 1 && l.email !== '' && !l.unsubscribed,
    );
    target = plain[0] as SbLead;
    other = plain[1] as SbLead;
    expect(target).toBeDefined();
    expect(other).toBeDefined();
  });
  afterAll(() => sb.close());

  /** The groups whose lead search finds the lead: the follow-up read for group writes. */
  async function groupsOf(leadId: number): Promise<string[]> {
    const found: string[] = [];
    for (const group of await hp.listGroups()) {
      const hits = await hp.searchLeads({ groupId: group.id, searchField: 'leadId', searchText: String(leadId) });
      if (hits.length > 0) found.push(group.id);
    }
    return found;
  }

  async function readLead(leadId: number, groupId: string): Promise<Lead> {
    const hits = await hp.searchLeads({ groupId, searchField: 'leadId', searchText: String(leadId) });
    expect(hits).toHaveLength(1);
    const lead = hits[0] as Lead;
    checkLead(lead, sb);
    return lead;
  }

  // ---- reads -------------------------------------------------------------------------------

  it('LoginUser', async () => {
    expect(await hp.login()).toEqual({ authenticated: true, message: 'Successfully Authenticated' });
  });

  it('FetchAllTags and FetchAllGroups list the account catalog', async () => {
    const tags = await hp.listTags();
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) tagSchema.parse(tag);
    expect(tags.map((t) => [t.id, t.title])).toEqual(sb.state.data.tags.map((t) => [String(t.id), t.title]));
    const groups = await hp.listGroups();
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) groupSchema.parse(group);
    expect(groups).toEqual(sb.state.data.groups.map((g) => ({ id: String(g.id), title: g.title })));
  });

  it('FetchLeadFieldsName lists default and custom fields', async () => {
    const fields = await hp.listLeadFields();
    for (const field of fields) customFieldSchema.parse(field);
    const builtIn = fields.filter((f) => f.builtIn).map((f) => f.name);
    expect(builtIn).toEqual(expect.arrayContaining(['first_name', 'last_name', 'email', 'phone', 'mobile']));
    const custom = fields.filter((f) => !f.builtIn).map((f) => f.name);
    expect(custom).toHaveLength(sb.state.data.customFields.length);
    // The V1 spelling names custom fields by key, the V2 spelling by label.
    expect(custom.length).toBeGreaterThan(0);
    for (const name of custom) {
      expect(
        sb.state.data.customFields.some((f) => f.key === name || f.label === name),
        name,
      ).toBe(true);
    }
  });

  it('CheckCustomField says yes for a field and no for a missing one', async () => {
    expect(await hp.checkCustomField({ name: 'Age' })).toEqual({ exists: true, fieldName: 'Age' });
    expect(await hp.checkCustomField({ name: 'Shoe Size' })).toEqual({ exists: false, fieldName: 'Shoe Size' });
  });

  it('SearchByUserInput lists a group and finds a lead by id and by phone', async () => {
    const groupId = caller.groupIds[0] as number;
    const all = await hp.searchLeads({ groupId: String(groupId) });
    const expected = sb.state.data.leads.filter((l) => l.groupIds.includes(groupId)).map((l) => String(l.id));
    expect(all.map((l) => l.id)).toEqual(expected);
    for (const lead of all) {
      checkLead(lead, sb);
      expect(lead.groupIds).toEqual([String(groupId)]);
    }

    const byId = await readLead(caller.id, String(groupId));
    expect(byId).toMatchObject({
      id: String(caller.id),
      provider: 'demo',
      firstName: caller.firstName,
      lastName: caller.lastName,
      email: caller.email,
      phone: '+12135550142',
      mobile: '+12135550143',
      company: caller.company,
      city: caller.city,
      zip: caller.zip,
      countryCode: '+1',
      customFields: caller.custom,
      unsubscribed: false,
    });
    expect(byId.tags.map((t) => t.id)).toEqual(caller.tagIds.map(String));

    const byPhone = await hp.searchLeads({
      groupId: String(groupId),
      searchField: 'phone',
      searchText: '213-555-0142',
    });
    expect(byPhone.map((l) => l.id)).toContain(String(caller.id));
    expect(
      await hp.searchLeads({ groupId: String(groupId), searchField: 'email', searchText: 'nobody@nowhere.test' }),
    ).toEqual([]);
  });

  it('SearchByCustomField finds leads by a custom field value', async () => {
    const groupId = caller.groupIds[0] as number;
    const found = await hp.searchLeadsByCustomField({
      groupId: String(groupId),
      field: 'lead_source',
      searchText: 'Facebook',
    });
    const expected = sb.state.data.leads
      .filter((l) => l.groupIds.includes(groupId) && (l.custom.lead_source ?? '').toLowerCase().includes('facebook'))
      .map((l) => String(l.id));
    expect(expected.length).toBeGreaterThan(0);
    expect(found.map((l) => l.id)).toEqual(expected);
    for (const lead of found) {
      checkLead(lead, sb);
      expect(lead.customFields.lead_source).toMatch(/facebook/i);
    }
  });

  it('FetchLeadNotes', async () => {
    const notes = await hp.listLeadNotes({ leadId: String(caller.id) });
    const stored = sb.state.activityOf(caller.id).notes;
    expect(notes.map((n) => n.id)).toEqual(stored.map((n) => String(n.id)));
    expect(notes.map((n) => n.text)).toEqual(stored.map((n) => n.text));
    expect(notes.length).toBeGreaterThan(0);
    for (const [i, note] of notes.entries()) {
      noteSchema.parse(note);
      expect(note).toMatchObject({ leadId: String(caller.id), origin: 'remote', syncState: 'synced' });
      expectIsoUtc(note.at);
      expect(Date.parse(note.at)).toBe(stored[i]?.at);
    }
  });

  it('FetchLeadCallLogs, with and without a direction filter', async () => {
    const leadId = String(caller.id);
    const stored = sb.state.activityOf(caller.id).calls;
    const calls = await hp.listLeadCalls({ leadId });
    expect(calls).toHaveLength(stored.length);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) checkActivity(call, 'call', leadId);
    newestFirst(calls);
    expect(calls.map((c) => Date.parse(c.at)).sort()).toEqual(stored.map((c) => minute(c.at)).sort());
    expect(calls.map((c) => c.durationSec).sort()).toEqual(stored.map((c) => c.durationSec).sort());
    expect(new Set(calls.map((c) => c.id)).size).toBe(calls.length);

    const inbound = await hp.listLeadCalls({ leadId, type: 'inbound' });
    expect(inbound).toHaveLength(stored.filter((c) => c.inbound).length);
    expect(inbound.length).toBeGreaterThan(0);
    for (const call of inbound) expect(call.direction).toBe('inbound');
    // The lead's own number is on the calling side of an inbound call.
    for (const call of inbound) expect(call.from).toBe(caller.dial);
  });

  it('FetchLeadSMSLogs and FetchLeadRVMLogs', async () => {
    const leadId = String(caller.id);
    const activity = sb.state.activityOf(caller.id);
    const sms = await hp.listLeadSms({ leadId });
    expect(sms.map((s) => s.id).sort()).toEqual(activity.sms.map((s) => `sms:${s.id}`).sort());
    expect(sms.length).toBeGreaterThan(0);
    for (const row of sms) {
      checkActivity(row, 'sms', leadId);
      const stored = activity.sms.find((s) => `sms:${s.id}` === row.id);
      expect(row.text).toBe(stored?.body);
      expect(Date.parse(row.at)).toBe(minute(stored?.at));
      expect(row.direction).toBe(stored?.status === 'Received' ? 'inbound' : 'outbound');
    }
    newestFirst(sms);

    expect(activity.rvm.length).toBeGreaterThan(0);
    const rvm = await hp.listLeadVoicemailDrops({ leadId });
    expect(rvm.map((r) => r.id).sort()).toEqual(activity.rvm.map((r) => `rvm:${r.id}`).sort());
    for (const row of rvm) {
      checkActivity(row, 'rvm', leadId);
      expect(row.direction).toBe('outbound');
      expect(row.to).toBe(caller.dial);
      expect(row.recordingUrl).toMatch(/^https:\/\//);
    }
  });

  it('FetchUserSMSLogs pages the account SMS log newest first', async () => {
    const page = await hp.listAccountSms({ limit: 25, offset: 0 });
    const all = sb.state.data.sms;
    expect(page).toMatchObject({ total: all.length, limit: 25, offset: 0, hasMore: true, nextOffset: 25 });
    expect(page.items.map((s) => s.id)).toEqual(
      all
        .slice(-25)
        .reverse()
        .map((s) => `sms:${s.id}`),
    );
    for (const row of page.items) checkActivity(row, 'sms');
    const next = await hp.listAccountSms({ limit: 25, offset: 25 });
    expect(next.offset).toBe(25);
    expect(next.items[0]?.id).toBe(`sms:${all[all.length - 26]?.id}`);
    const inbound = await hp.listAccountSms({ direction: 'inbound', limit: 10 });
    expect(inbound.items.length).toBeGreaterThan(0);
    for (const row of inbound.items) expect(row.direction).toBe('inbound');
  });

  it('FetchUserCallLog pages a date window with direction counts', async () => {
    const fromDate = '2026-06-16';
    const from = localDayStart(fromDate);
    const to = localDayStart(TODAY) + 86_400_000;
    const stored = sb.state.data.calls.filter((c) => c.at >= from && c.at < to);
    const page = await hp.listAccountCalls({ fromDate, toDate: TODAY, limit: 20 });
    expect(page).toMatchObject({ total: stored.length, limit: 20, offset: 0, hasMore: stored.length > 20 });
    expect(page.inboundCount).toBe(stored.filter((c) => c.inbound).length);
    expect(page.outboundCount).toBe(stored.filter((c) => !c.inbound).length);
    expect(page.items.map((c) => c.id)).toEqual(
      stored
        .slice(-20)
        .reverse()
        .map((c) => `call:${c.id}`),
    );
    expect(page.items.length).toBeGreaterThan(0);
    for (const call of page.items) {
      checkActivity(call, 'call');
      expect(call.direction === 'inbound' || call.direction === 'outbound').toBe(true);
    }
  });

  it('getMemberUsers, checkMemberLimit and fetchCreditCount', async () => {
    const members = await hp.listMembers();
    expect(members.map((m) => m.id)).toEqual(sb.state.data.members.map((m) => String(m.id)));
    expect(members.length).toBeGreaterThan(0);
    for (const member of members) {
      memberSchema.parse(member);
      if (member.directNumber !== null) expectPhone(member.directNumber);
      if (member.inboundPhone !== null) expectPhone(member.inboundPhone);
      expectIsoUtc(member.createdAt);
    }
    const active = sb.state.data.members.filter((m) => m.status === 'Active').length;
    expect(await hp.getMemberLimit()).toEqual({ total: 10, active, remaining: 10 - active });
    expect(await hp.getCredits()).toEqual({ credits: sb.state.credits });
  });

  it('FetchAllCampaigns', async () => {
    const campaigns = await hp.listCampaigns();
    expect(campaigns.length).toBeGreaterThan(0);
    for (const campaign of campaigns) campaignSchema.parse(campaign);
    expect(campaigns).toEqual(sb.state.data.campaigns.map((c) => ({ id: String(c.id), title: c.title })));
  });

  it('FetchCallTranscripts', async () => {
    const withTranscript = sb.state.data.calls.filter((c) => c.hasTranscript);
    const page = await hp.listCallTranscripts({ limit: 5 });
    expect(page).toMatchObject({ total: withTranscript.length, limit: 5, offset: 0 });
    expect(page.items.map((t) => t.id)).toEqual(
      withTranscript
        .slice(-5)
        .reverse()
        .map((c) => `transcript:${c.id}`),
    );
    expect(page.items.length).toBeGreaterThan(0);
    for (const transcript of page.items) {
      checkActivity(transcript, 'transcript');
      expect(transcript.turns?.length).toBeGreaterThan(0);
      for (const turn of transcript.turns ?? []) expect(turn.text).not.toBe('');
      expect(transcript.text).not.toBe('');
    }
  });

  it('getMemberDashboardData and getDashboardMemberDatabyCampaign', async () => {
    const memberIds = sb.state.data.members.map((m) => String(m.id));
    const board = await hp.getDashboard({ date: TODAY });
    dashboardSchema.parse(board);
    expect(board.date).toBe(TODAY);
    expectIsoUtc(board.lastUpdated);
    expect(board.agents.length).toBeGreaterThan(0);
    for (const agent of board.agents) {
      expect(memberIds).toContain(agent.agentId);
      expect(agent.answerRate).toBeGreaterThanOrEqual(0);
      expect(agent.answerRate).toBeLessThanOrEqual(1);
      for (const value of [agent.outboundCalls, agent.inboundCalls, agent.talkMinutes, agent.loggedInSec]) {
        expectCount(value);
      }
      if (agent.firstCall) expectIsoUtc(agent.firstCall);
      if (agent.lastCall) expectIsoUtc(agent.lastCall);
    }
    const campaignId = String(sb.state.data.campaigns[0]?.id);
    const byCampaign = await hp.getCampaignDashboard({ campaignId, date: TODAY });
    dashboardSchema.parse(byCampaign);
    expect(byCampaign.date).toBe(TODAY);
    expect(byCampaign.agents.length).toBeGreaterThan(0);
    expect(byCampaign.agents.some((agent) => agent.dispositions.length > 0)).toBe(true);
    for (const agent of byCampaign.agents) {
      expect(memberIds).toContain(agent.agentId);
      for (const d of agent.dispositions) expectCount(d.count);
    }
  });

  it('GetNumberHealthList pages with page/per_page', async () => {
    const page = await hp.listNumberHealth({ page: 1, perPage: 3 });
    const total = sb.state.data.numbers.length;
    expect(page).toMatchObject({ page: 1, perPage: 3, total, totalPages: Math.ceil(total / 3) });
    expect(page.items.map((n) => n.phoneId)).toEqual(sb.state.data.numbers.slice(0, 3).map((n) => String(n.phoneId)));
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      numberHealthSchema.parse(item);
      expectPhone(item.phoneNumber);
      expectIsoUtc(item.lastCheckedAt);
      for (const count of Object.values(item.spamChecks)) expectCount(count);
    }
    const spam = await hp.listNumberHealth({ filter: 'spam_only' });
    expect(spam.items.length).toBeGreaterThan(0);
    for (const item of spam.items) expect(item.spamDetected).toBe(true);
  });

  // ---- writes ------------------------------------------------------------------------------

  it('AddTag and UpdateTag', async () => {
    const title = `Contract ${api} tag`;
    const created = await appliedOnce(sb, 'AddTag', () => hp.addTag({ title }));
    expect(created.id).toMatch(/^\d+$/);
    expect(await hp.listTags()).toContainEqual(expect.objectContaining({ id: created.id, title }));

    const renamed = await appliedOnce(sb, 'UpdateTag', () =>
      hp.renameTag({ tagId: created.id, title: `${title} (renamed)` }),
    );
    expect(renamed).toEqual({ id: created.id, title: `${title} (renamed)` });
    const tags = await hp.listTags();
    expect(tags.find((t) => t.id === created.id)?.title).toBe(`${title} (renamed)`);
  });

  it('AddGroup, UpdateGroup and DeleteGroup', async () => {
    const title = `Contract ${api} group`;
    const created = await appliedOnce(sb, 'AddGroup', () => hp.addGroup({ title }));
    expect(created.id).toMatch(/^\d+$/);
    expect(await hp.listGroups()).toContainEqual({ id: created.id, title });

    expect(
      await appliedOnce(sb, 'UpdateGroup', () => hp.renameGroup({ groupId: created.id, title: `${title} 2` })),
    ).toEqual({ id: created.id, title: `${title} 2` });
    expect(await hp.listGroups()).toContainEqual({ id: created.id, title: `${title} 2` });

    expect(await appliedOnce(sb, 'DeleteGroup', () => hp.deleteGroup({ groupId: created.id }))).toEqual({
      id: created.id,
    });
    expect((await hp.listGroups()).map((g) => g.id)).not.toContain(created.id);
  });

  it('AddcustomField, UpdateCustomField and DeleteCustomField', async () => {
    const name = `Contract ${api} Source`;
    const added = await appliedOnce(sb, 'AddcustomField', () =>
      hp.addCustomField({ name, type: 'select', options: ['Radio', 'Print'] }),
    );
    // The server answers with its own snake_case key.
    expect(added.fieldName).toBe(`contract_${api}_source`);
    expect(await hp.checkCustomField({ name: added.fieldName })).toEqual({ exists: true, fieldName: added.fieldName });
    const fieldNames = (await hp.listLeadFields()).map((f) => f.name);
    expect(fieldNames.some((n) => n === name || n === added.fieldName)).toBe(true);

    const renamed = await appliedOnce(sb, 'UpdateCustomField', () =>
      hp.updateCustomField({ previousName: added.fieldName, newName: `${name} Renamed`, newType: 'textbox' }),
    );
    expect(renamed.fieldName).toMatch(/^contract_/);
    expect((await hp.checkCustomField({ name: `${name} Renamed` })).exists).toBe(true);
    expect(sb.state.field(`${name} Renamed`)?.type).toBe('textbox');

    await appliedOnce(sb, 'DeleteCustomField', () => hp.deleteCustomField({ name: `${name} Renamed` }));
    expect((await hp.checkCustomField({ name: `${name} Renamed` })).exists).toBe(false);
  });

  it('UpdateExistingLead changes a field a search then shows', async () => {
    const groupId = String(target.groupIds[0]);
    const result = await appliedOnce(sb, 'UpdateExistingLead', () =>
      hp.updateLead({ leadId: String(target.id), field: 'city', value: `Springfield ${api}` }),
    );
    expect(result).toEqual({ leadId: String(target.id), field: 'city', value: `Springfield ${api}` });
    expect((await readLead(target.id, groupId)).city).toBe(`Springfield ${api}`);
  });

  it('AddLeadTags and RemoveLeadTags', async () => {
    const groupId = String(target.groupIds[0]);
    const before = (await readLead(target.id, groupId)).tags.map((t) => t.id);
    const fresh = sb.state.data.tags.map((t) => String(t.id)).filter((id) => !before.includes(id));
    const tagIds = fresh.slice(0, 2);
    expect(tagIds).toHaveLength(2);

    const added = await appliedOnce(sb, 'AddLeadTags', () => hp.addLeadTags({ leadId: String(target.id), tagIds }));
    expect(added).toEqual({ leadId: String(target.id), tagIds });
    expect((await readLead(target.id, groupId)).tags.map((t) => t.id)).toEqual(expect.arrayContaining(tagIds));

    const removed = await appliedOnce(sb, 'RemoveLeadTags', () =>
      hp.removeLeadTags({ leadId: String(target.id), tagIds: [tagIds[0] as string] }),
    );
    expect(removed).toEqual({ leadId: String(target.id), tagIds: [tagIds[0]] });
    const after = (await readLead(target.id, groupId)).tags.map((t) => t.id);
    expect(after).not.toContain(tagIds[0]);
    expect(after).toContain(tagIds[1]);
  });

  it('MoveLead and CopyLead', async () => {
    const groups = sb.state.data.groups.map((g) => String(g.id));
    const from = String(other.groupIds[0]);
    const [moveTo, copyTo] = groups.filter((g) => g !== from);
    expect(await groupsOf(other.id)).toEqual([from]);

    const moved = await appliedOnce(sb, 'MoveLead', () =>
      hp.moveLead({ leadId: String(other.id), groupId: moveTo as string }),
    );
    expect(moved).toEqual({ leadId: String(other.id), groupId: moveTo });
    expect(await groupsOf(other.id)).toEqual([moveTo]);

    const copied = await appliedOnce(sb, 'CopyLead', () =>
      hp.copyLead({ leadId: String(other.id), groupId: copyTo as string }),
    );
    expect(copied).toEqual({ leadId: String(other.id), groupId: copyTo });
    expect((await groupsOf(other.id)).sort()).toEqual([moveTo, copyTo].sort());
  });

  it('AddSingleLead and RemoveSingleLead', async () => {
    const groupId = String(sb.state.data.groups[1]?.id);
    const tagId = String(sb.state.data.tags[2]?.id);
    const email = `contract.single.${api}@example.test`;
    const added = await appliedOnce(sb, 'AddSingleLead', () =>
      hp.addLead({
        groupId,
        tagIds: [tagId],
        lead: {
          firstName: 'Contract',
          lastName: `Single ${api}`,
          email,
          phone: api === 'v1' ? '(917) 555-0161' : '(917) 555-0162',
          city: 'Denver',
          customFields: { age: '41' },
        },
      }),
    );
    expect(added.leadId).toMatch(/^\d+$/);
    expect(added.groupId).toBe(groupId);
    const found = await hp.searchLeads({ groupId, searchField: 'email', searchText: email });
    expect(found).toHaveLength(1);
    const lead = found[0] as Lead;
    checkLead(lead, sb);
    expect(lead).toMatchObject({
      id: added.leadId,
      firstName: 'Contract',
      email,
      phone: api === 'v1' ? '+19175550161' : '+19175550162',
      city: 'Denver',
      groupIds: [groupId],
      customFields: { age: '41' },
    });
    expect(lead.tags.map((t) => t.id)).toEqual([tagId]);

    const removed = await appliedOnce(sb, 'RemoveSingleLead', () => hp.removeLeadFromGroup({ groupId, email }));
    expect(removed).toEqual({ leadId: added.leadId, groupId });
    expect(await hp.searchLeads({ groupId, searchField: 'email', searchText: email })).toEqual([]);
  });

  it('AddMultipleLeads', async () => {
    const groupId = String(sb.state.data.groups[2]?.id);
    const emails = [1, 2, 3].map((n) => `contract.bulk${n}.${api}@example.test`);
    const queued = await appliedOnce(sb, 'AddMultipleLeads', () =>
      hp.addLeads({
        groupId,
        leads: emails.map((email, i) => ({ firstName: `Bulk ${i + 1}`, email })),
      }),
    );
    expect(queued.queued).toBe(true);
    expect(queued.message).not.toBe('');
    for (const email of emails) {
      const found = await hp.searchLeads({ groupId, searchField: 'email', searchText: email });
      expect(found.map((l) => l.email)).toEqual([email]);
      checkLead(found[0] as Lead, sb);
    }
  });

  it('Un_SubscribeLead', async () => {
    const result = await appliedOnce(sb, 'Un_SubscribeLead', () =>
      hp.unsubscribeLead({ by: 'email', value: target.email }),
    );
    expect(result).toEqual({ leadId: String(target.id), by: 'email', value: target.email });
    // Searches carry no unsubscribe flag, so the effect is read from the sandbox's store.
    expect(sb.state.lead(target.id)?.unsubscribed).toBe(true);
  });

  it('addMemberUser, editMemberUser and deleteMemberUser', async () => {
    const email = `contract.member.${api}@example.test`;
    const limitBefore = await hp.getMemberLimit();
    const added = await appliedOnce(sb, 'addMemberUser', () =>
      hp.addMember({
        firstName: 'Casey',
        lastName: 'Contract',
        email,
        inboundPhone: '(415) 555-0190',
        password: 'Sup3rSecret',
      }),
    );
    expect(added.message).not.toBe('');
    const member = (await hp.listMembers()).find((m) => m.email === email);
    expect(member).toMatchObject({ firstName: 'Casey', lastName: 'Contract', status: 'Active' });
    expect(member?.inboundPhone).toBe('+14155550190');
    expect((await hp.getMemberLimit()).active).toBe(limitBefore.active + 1);
    const memberId = member?.id as string;

    await appliedOnce(sb, 'editMemberUser', () =>
      hp.editMember({ memberId, firstName: 'Casey', lastName: 'Renamed', email, status: 'Inactive' }),
    );
    expect((await hp.listMembers()).find((m) => m.id === memberId)).toMatchObject({
      lastName: 'Renamed',
      status: 'Inactive',
    });

    await appliedOnce(sb, 'deleteMemberUser', () => hp.deleteMember({ memberId }));
    expect((await hp.listMembers()).map((m) => m.id)).not.toContain(memberId);
    expect(await hp.getMemberLimit()).toEqual(limitBefore);
  });

  it('creditDeduct', async () => {
    const { credits } = await hp.getCredits();
    const done = await appliedOnce(sb, 'creditDeduct', () => hp.deductCredit({ description: 'contract test' }));
    expect(done.message).toBe('credits deduct successfully');
    expect(await hp.getCredits()).toEqual({ credits: credits - 1 });
  });

  // ---- coverage ----------------------------------------------------------------------------

  it('exercised every Method of the catalog (client side and as seen by the sandbox)', () => {
    const catalog = HP_METHODS.map((m) => m.method);
    expect(catalog).toHaveLength(42);
    const missed = catalog.filter((name) => !log.methods.has(name));
    expect(missed, 'Methods this suite never called').toEqual([]);
    expect([...log.methods.keys()].filter((name) => !catalog.includes(name))).toEqual([]);
    const requests = sb.counters().requests;
    expect(catalog.filter((name) => !(requests[name] && requests[name] > 0))).toEqual([]);
    if (api === 'v2') expect(requests['auth/token']).toBe(1);
  });
});
