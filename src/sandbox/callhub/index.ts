export { startCallhubSandbox, CALLHUB_DEMO_API_KEY, type CallhubSandbox, type CallhubSandboxOptions } from './server';
export { startCallhubDemo } from './demo';
export { CALLHUB_FAULT_KINDS, type CallhubFaultSettings } from './faults';
export { generateCallhubDataset, CALLHUB_DEFAULTS } from './seed';
export type { ChDataset, ChContact } from './types';
