import { fetchUserCallLog, fetchUserSmsLogs } from './accountLogs';
import { loginUser } from './auth';
import { fetchAllCampaigns } from './campaigns';
import { addCustomField, checkCustomField, deleteCustomField, updateCustomField } from './customFields';
import { getDashboardMemberDatabyCampaign, getMemberDashboardData } from './dashboard';
import { addGroup, deleteGroup, fetchAllGroups, updateGroup } from './groups';
import { fetchLeadCallLogs, fetchLeadRvmLogs, fetchLeadSmsLogs } from './leadLogs';
import { addLeadTags, fetchLeadFieldsName, fetchLeadNotes, removeLeadTags } from './leadMetadata';
import {
  addMultipleLeads,
  addSingleLead,
  copyLead,
  moveLead,
  removeSingleLead,
  searchByCustomField,
  searchByUserInput,
  unSubscribeLead,
  updateExistingLead,
} from './leads';
import {
  addMemberUser,
  checkMemberLimit,
  creditDeduct,
  deleteMemberUser,
  editMemberUser,
  fetchCreditCount,
  getMemberUsers,
} from './members';
import { getNumberHealthList } from './numberHealth';
import { fetchCallTranscripts } from './transcripts';
import { addTag, fetchAllTags, updateTag } from './tags';

/**
 * The whole Method catalog, in the order of the V1 docs (LoginUser … GetNumberHealthList).
 * V2 routes the same 42 Method values. Tests check this list against the docs' fixtures.
 */
export const HP_METHODS = [
  loginUser,
  fetchAllTags,
  addTag,
  updateTag,
  fetchAllGroups,
  addGroup,
  updateGroup,
  deleteGroup,
  addCustomField,
  updateCustomField,
  checkCustomField,
  deleteCustomField,
  searchByUserInput,
  searchByCustomField,
  unSubscribeLead,
  updateExistingLead,
  moveLead,
  copyLead,
  addSingleLead,
  removeSingleLead,
  addMultipleLeads,
  fetchLeadFieldsName,
  fetchLeadNotes,
  addLeadTags,
  removeLeadTags,
  fetchLeadCallLogs,
  fetchLeadSmsLogs,
  fetchLeadRvmLogs,
  fetchUserSmsLogs,
  fetchUserCallLog,
  addMemberUser,
  editMemberUser,
  getMemberUsers,
  checkMemberLimit,
  deleteMemberUser,
  fetchCreditCount,
  creditDeduct,
  fetchAllCampaigns,
  fetchCallTranscripts,
  getMemberDashboardData,
  getDashboardMemberDatabyCampaign,
  getNumberHealthList,
] as const;

export * from './accountLogs';
export * from './auth';
export * from './campaigns';
export * from './customFields';
export * from './dashboard';
export * from './groups';
export * from './leadInput';
export * from './leadLogs';
export * from './leadMetadata';
export * from './leads';
export * from './members';
export * from './numberHealth';
export * from './spec';
export * from './tags';
export * from './transcripts';
