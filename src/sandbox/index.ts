/**
 * Provider simulators. Each is a real HTTP server on loopback speaking one provider's
 * documented wire format, quirks included, over seeded demo data, with fault injection.
 */

export { createRng, deriveSeed, hashString, type Rng } from './random';
export {
  startHotProspectorSandbox,
  DEMO_CREDENTIALS,
  V1_PATH,
  type HotProspectorSandbox,
  type HotProspectorSandboxOptions,
} from './hotprospector/server';
export { V2_PREFIX } from './hotprospector/router-v2';
export { generateDataset, DATASET_DEFAULTS, FIRST_LEAD_ID, type DatasetOptions } from './hotprospector/seed';
export { METHOD_NAMES, WRITE_METHOD_NAMES } from './hotprospector/catalog';
export { FAULT_KINDS, DEFAULT_ACCESS_TTL_SEC, type FaultKind, type FaultSettings } from './hotprospector/faults';
export type { VariantMode, VariantSettings } from './hotprospector/variants';
export type { CounterSnapshot } from './hotprospector/counters';
export { HotProspectorState } from './hotprospector/state';
export { TOO_MANY_LEADS_MESSAGE, MAX_LEADS_PER_REQUEST } from './hotprospector/methods/leads-write';
export { CALL_LOG_RANGE_MESSAGE, MAX_CALL_LOG_RANGE_DAYS } from './hotprospector/methods/account-logs';
export { ROUTER_MISSING_METHOD, ROUTER_UNKNOWN_METHOD } from './hotprospector/php';
export { XSS_NAME, XSS_LAST_NAME, XSS_NOTE, XSS_SMS, JAVASCRIPT_URL } from './hotprospector/seed-fixtures';
export type * from './hotprospector/types';
export {
  startCallinglySandbox,
  CALLINGLY_DEMO_API_KEY,
  type CallinglySandbox,
  type CallinglySandboxOptions,
} from './callingly/server';
export { CallinglyState } from './callingly/state';
export { type CallinglyCredentials, MAX_CALLS_LIMIT, DEFAULT_CALLS_LIMIT } from './callingly/router';
export {
  generateCallinglyDataset,
  CALLINGLY_DEFAULTS,
  SCRIPT_LEAD_NAME,
  NON_ASCII_LEAD_NAME,
  type CallinglyDatasetOptions,
} from './callingly/seed';
export { CALLINGLY_FAULT_KINDS, type CallinglyFaultKind, type CallinglyFaultSettings } from './callingly/faults';
export {
  VARIANT_SITES as CALLINGLY_VARIANT_SITES,
  OPT_IN_VARIANTS as CALLINGLY_OPT_IN_VARIANTS,
} from './callingly/variants';
export type * from './callingly/types';
export {
  startHipcallSandbox,
  HIPCALL_DEMO_API_KEY,
  HIPCALL_API_PREFIX,
  type HipcallSandbox,
  type HipcallSandboxOptions,
} from './hipcall/server';
export {
  startCallhubSandbox,
  CALLHUB_DEMO_API_KEY,
  type CallhubSandbox,
  type CallhubSandboxOptions,
} from './callhub/server';
export { DEMO_SIMULATORS, type DemoSimulator, type DemoSimulatorOptions } from './demo';
