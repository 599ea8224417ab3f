/**
 * Hipcall: a cloud phone system with no contact list, so leads come from call records. The
 * module is what the registry lists; the rest is for hosts and tests that need the details.
 */
export { hipcall, hipcallSession, HIPCALL_CAPABILITIES, type HipcallSession } from './provider';
export {
  connectHipcall,
  DEFAULT_HIPCALL_BASE_URL,
  type HipcallClient,
  type HipcallPolicy,
  type TaskInput,
} from './client';
export { leadContactId, contactLeadId, phoneLeadId, CONTACT_FIELD } from './leads';
export { deriveHipcallDay, HIPCALL_UNDERIVED_METRICS } from './metrics';
