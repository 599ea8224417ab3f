import type { Activity, Campaign, CustomField, Group, Lead, Note, Tag } from '../../../shared/domain';
import { DEFAULT_TIMEZONE } from '../../../shared/domain';
import { CallsideError } from '../../../shared/errors';
import * as hp from './methods';
import type { MethodSpec } from './methods';
import type { HpTransport } from './transport/types';
import type { ReadContext } from './wire/context';
import { isValidTimeZone } from './wire/dates';
import type {
  HpCallLogPage,
  HpCreated,
  HpCredits,
  HpCustomFieldChange,
  HpCustomFieldCheck,
  HpDashboard,
  HpDeleted,
  HpDone,
  HpLeadFieldUpdated,
  HpLeadInGroup,
  HpLeadTagsChanged,
  HpLoginResult,
  HpMember,
  HpMemberLimit,
  HpNumberHealthPage,
  HpPage,
  HpQueued,
  HpRenamed,
  HpUnsubscribed,
} from './types';

export interface HotProspectorClientOptions {
  /** IANA zone the account's zone-less times are written in. Default America/Los_Angeles. */
  timezone?: string;
  /** 'demo' when the client talks to the sandbox's Hot Prospector simulator. */
  provider?: 'hotprospector' | 'demo';
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

type NoParams = Record<string, never>;
const NO_PARAMS: NoParams = {};

/**
 * Every Hot Prospector Method as a typed call. The client only knows the catalog (what to
 * send, how to read the answer); the transport decides V1 or V2, authentication and retries.
 * Each method's comment names the wire Method it calls.
 */
export class HotProspectorClient {
  private readonly transport: HpTransport;
  readonly timezone: string;
  readonly provider: 'hotprospector' | 'demo';

  constructor(transport: HpTransport, options: HotProspectorClientOptions = {}) {
    const timezone = options.timezone ?? DEFAULT_TIMEZONE;
    if (!isValidTimeZone(timezone)) {
      throw new CallsideError('invalid_request', `"${timezone}" is not a time zone name such as America/Los_Angeles.`);
    }
    this.transport = transport;
    this.timezone = timezone;
    this.provider = options.provider ?? 'hotprospector';
  }

  get api(): 'v1' | 'v2' {
    return this.transport.api;
  }

  /** Sends one catalog entry and reads its answer. Public so services can run a spec directly. */
  async run<P, R>(spec: MethodSpec<P, R>, params: P, options: CallOptions = {}): Promise<R> {
    const body = spec.toWire(params);
    const answer = await this.transport.call(spec.method, body, { ...options, write: spec.write });
    const ctx: ReadContext = { method: spec.method, timezone: this.timezone, provider: this.provider };
    try {
      return hp.interpretAnswer(spec, answer, params, ctx);
    } catch (error) {
      // A refusal may quote what was sent ("Invalid provided TagId: …"); secrets must not survive that.
      const clean = error instanceof CallsideError ? this.transport.redact?.(error.message) : undefined;
      if (error instanceof CallsideError && clean !== undefined && clean !== error.message) {
        throw new CallsideError(error.code, clean, { retryable: error.retryable });
      }
      throw error;
    }
  }

  signOut(): Promise<void> {
    return this.transport.signOut();
  }

  // Authentication

  /** LoginUser */
  login(options?: CallOptions): Promise<HpLoginResult> {
    return this.run(hp.loginUser, NO_PARAMS, options);
  }

  // Tags

  /** FetchAllTags */
  listTags(options?: CallOptions): Promise<Tag[]> {
    return this.run(hp.fetchAllTags, NO_PARAMS, options);
  }

  /** AddTag */
  addTag(params: hp.AddTagParams, options?: CallOptions): Promise<HpCreated> {
    return this.run(hp.addTag, params, options);
  }

  /** UpdateTag */
  renameTag(params: hp.UpdateTagParams, options?: CallOptions): Promise<HpRenamed> {
    return this.run(hp.updateTag, params, options);
  }

  // Groups

  /** FetchAllGroups */
  listGroups(options?: CallOptions): Promise<Group[]> {
    return this.run(hp.fetchAllGroups, NO_PARAMS, options);
  }

  /** AddGroup */
  addGroup(params: hp.AddGroupParams, options?: CallOptions): Promise<HpCreated> {
    return this.run(hp.addGroup, params, options);
  }

  /** UpdateGroup */
  renameGroup(params: hp.UpdateGroupParams, options?: CallOptions): Promise<HpRenamed> {
    return this.run(hp.updateGroup, params, options);
  }

  /** DeleteGroup */
  deleteGroup(params: hp.DeleteGroupParams, options?: CallOptions): Promise<HpDeleted> {
    return this.run(hp.deleteGroup, params, options);
  }

  // Custom fields

  /** AddcustomField (legacy lower-case "c") */
  addCustomField(params: hp.AddCustomFieldParams, options?: CallOptions): Promise<HpCustomFieldChange> {
    return this.run(hp.addCustomField, params, options);
  }

  /** UpdateCustomField */
  updateCustomField(params: hp.UpdateCustomFieldParams, options?: CallOptions): Promise<HpCustomFieldChange> {
    return this.run(hp.updateCustomField, params, options);
  }

  /** CheckCustomField: `exists: false` when the server says the field is not found. */
  checkCustomField(params: hp.CustomFieldNameParams, options?: CallOptions): Promise<HpCustomFieldCheck> {
    return this.run(hp.checkCustomField, params, options);
  }

  /** DeleteCustomField */
  deleteCustomField(params: hp.CustomFieldNameParams, options?: CallOptions): Promise<HpCustomFieldChange> {
    return this.run(hp.deleteCustomField, params, options);
  }

  // Leads

  /** SearchByUserInput (the V1 docs' "SearchLeads" section) */
  searchLeads(params: hp.SearchLeadsParams, options?: CallOptions): Promise<Lead[]> {
    return this.run(hp.searchByUserInput, params, options);
  }

  /** SearchByCustomField */
  searchLeadsByCustomField(params: hp.SearchLeadsByCustomFieldParams, options?: CallOptions): Promise<Lead[]> {
    return this.run(hp.searchByCustomField, params, options);
  }

  /** Un_SubscribeLead */
  unsubscribeLead(params: hp.UnsubscribeLeadParams, options?: CallOptions): Promise<HpUnsubscribed> {
    return this.run(hp.unSubscribeLead, params, options);
  }

  /** UpdateExistingLead */
  updateLead(params: hp.UpdateLeadParams, options?: CallOptions): Promise<HpLeadFieldUpdated> {
    return this.run(hp.updateExistingLead, params, options);
  }

  /** MoveLead: removes every previous group assignment. */
  moveLead(params: hp.LeadToGroupParams, options?: CallOptions): Promise<HpLeadInGroup> {
    return this.run(hp.moveLead, params, options);
  }

  /** CopyLead */
  copyLead(params: hp.LeadToGroupParams, options?: CallOptions): Promise<HpLeadInGroup> {
    return this.run(hp.copyLead, params, options);
  }

  /** AddSingleLead */
  addLead(params: hp.AddLeadParams, options?: CallOptions): Promise<HpLeadInGroup> {
    return this.run(hp.addSingleLead, params, options);
  }

  /** RemoveSingleLead: takes the lead out of one group. */
  removeLeadFromGroup(params: hp.RemoveLeadFromGroupParams, options?: CallOptions): Promise<HpLeadInGroup> {
    return this.run(hp.removeSingleLead, params, options);
  }

  /** AddMultipleLeads: queued on the server, processed later. */
  addLeads(params: hp.AddLeadsParams, options?: CallOptions): Promise<HpQueued> {
    return this.run(hp.addMultipleLeads, params, options);
  }

  // Lead metadata

  /** FetchLeadFieldsName */
  listLeadFields(options?: CallOptions): Promise<CustomField[]> {
    return this.run(hp.fetchLeadFieldsName, NO_PARAMS, options);
  }

  /** FetchLeadNotes */
  listLeadNotes(params: hp.LeadIdParams, options?: CallOptions): Promise<Note[]> {
    return this.run(hp.fetchLeadNotes, params, options);
  }

  /** AddLeadTags */
  addLeadTags(params: hp.LeadTagsParams, options?: CallOptions): Promise<HpLeadTagsChanged> {
    return this.run(hp.addLeadTags, params, options);
  }

  /** RemoveLeadTags */
  removeLeadTags(params: hp.LeadTagsParams, options?: CallOptions): Promise<HpLeadTagsChanged> {
    return this.run(hp.removeLeadTags, params, options);
  }

  // Per-lead logs

  /** FetchLeadCallLogs */
  listLeadCalls(params: hp.LeadCallLogParams, options?: CallOptions): Promise<Activity[]> {
    return this.run(hp.fetchLeadCallLogs, params, options);
  }

  /** FetchLeadSMSLogs */
  listLeadSms(params: hp.LeadLogParams, options?: CallOptions): Promise<Activity[]> {
    return this.run(hp.fetchLeadSmsLogs, params, options);
  }

  /** FetchLeadRVMLogs (ringless voicemail drops) */
  listLeadVoicemailDrops(params: hp.LeadLogParams, options?: CallOptions): Promise<Activity[]> {
    return this.run(hp.fetchLeadRvmLogs, params, options);
  }

  // Account-wide logs

  /** FetchUserSMSLogs */
  listAccountSms(params: hp.AccountSmsLogParams = {}, options?: CallOptions): Promise<HpPage<Activity>> {
    return this.run(hp.fetchUserSmsLogs, params, options);
  }

  /** FetchUserCallLog */
  listAccountCalls(params: hp.AccountCallLogParams = {}, options?: CallOptions): Promise<HpCallLogPage<Activity>> {
    return this.run(hp.fetchUserCallLog, params, options);
  }

  // Team members and credits

  /** addMemberUser */
  addMember(params: hp.AddMemberParams, options?: CallOptions): Promise<HpDone> {
    return this.run(hp.addMemberUser, params, options);
  }

  /** editMemberUser */
  editMember(params: hp.EditMemberParams, options?: CallOptions): Promise<HpDone> {
    return this.run(hp.editMemberUser, params, options);
  }

  /** getMemberUsers */
  listMembers(options?: CallOptions): Promise<HpMember[]> {
    return this.run(hp.getMemberUsers, NO_PARAMS, options);
  }

  /** checkMemberLimit */
  getMemberLimit(options?: CallOptions): Promise<HpMemberLimit> {
    return this.run(hp.checkMemberLimit, NO_PARAMS, options);
  }

  /** deleteMemberUser */
  deleteMember(params: hp.MemberIdParams, options?: CallOptions): Promise<HpDone> {
    return this.run(hp.deleteMemberUser, params, options);
  }

  /** fetchCreditCount */
  getCredits(options?: CallOptions): Promise<HpCredits> {
    return this.run(hp.fetchCreditCount, NO_PARAMS, options);
  }

  /** creditDeduct */
  deductCredit(params: hp.DeductCreditParams = {}, options?: CallOptions): Promise<HpDone> {
    return this.run(hp.creditDeduct, params, options);
  }

  // Campaigns, transcripts, dashboard, number health

  /** FetchAllCampaigns */
  listCampaigns(options?: CallOptions): Promise<Campaign[]> {
    return this.run(hp.fetchAllCampaigns, NO_PARAMS, options);
  }

  /** FetchCallTranscripts: Activity kind 'transcript' with speaker turns. */
  listCallTranscripts(params: hp.CallTranscriptParams = {}, options?: CallOptions): Promise<HpCallLogPage<Activity>> {
    return this.run(hp.fetchCallTranscripts, params, options);
  }

  /** getMemberDashboardData */
  getDashboard(params: hp.DashboardParams = {}, options?: CallOptions): Promise<HpDashboard> {
    return this.run(hp.getMemberDashboardData, params, options);
  }

  /** getDashboardMemberDatabyCampaign */
  getCampaignDashboard(params: hp.CampaignDashboardParams = {}, options?: CallOptions): Promise<HpDashboard> {
    return this.run(hp.getDashboardMemberDatabyCampaign, params, options);
  }

  /** GetNumberHealthList */
  listNumberHealth(params: hp.NumberHealthParams = {}, options?: CallOptions): Promise<HpNumberHealthPage> {
    return this.run(hp.getNumberHealthList, params, options);
  }
}
